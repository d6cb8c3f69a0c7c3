from odoo import api, fields, models

#: Default account of each allocation kind: (code, name, account type).
DEFAULT_ACCOUNTS = {
    "reserve": ("320100", "Cadangan Koperasi", "equity"),
    "capital": ("210510", "Utang SHU Anggota", "liability_current"),
    "usage": ("210510", "Utang SHU Anggota", "liability_current"),
    "board": ("210520", "Utang SHU Pengurus dan Pengawas", "liability_current"),
    "staff": ("210530", "Utang SHU Karyawan", "liability_current"),
    "education": ("210540", "Dana Pendidikan", "liability_current"),
    "social": ("210550", "Dana Sosial", "liability_current"),
    "other": ("210590", "Dana SHU Lainnya", "liability_current"),
}


class KoperasiShuAllocation(models.Model):
    _name = "koperasi.shu.allocation"
    _description = "SHU Allocation Line"
    _order = "sequence, id"
    _inherit = ["koperasi.workflow.mixin"]
    _check_company_auto = True
    _workflow_fields = ("amount",)

    distribution_id = fields.Many2one(
        "koperasi.shu.distribution", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="distribution_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="distribution_id.currency_id")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("reserve", "Reserve (Cadangan)"),
            ("capital", "Members: Capital Share (Jasa Modal)"),
            ("usage", "Members: Usage Share (Jasa Anggota)"),
            ("board", "Board and Supervisors"),
            ("staff", "Staff"),
            ("education", "Education Fund"),
            ("social", "Social Fund"),
            ("other", "Other Fund"),
        ],
        required=True,
        default="other",
    )
    name = fields.Char(required=True)
    percentage = fields.Float(digits=(5, 2), required=True)
    amount = fields.Monetary(readonly=True)
    account_id = fields.Many2one(
        "account.account",
        check_company=True,
        help="Credited when the distribution is posted; a default account is "
        "created when empty.",
    )

    @api.onchange("kind")
    def _onchange_kind(self):
        for line in self:
            if not line.name:
                line.name = dict(
                    self._fields["kind"]._description_selection(self.env)
                ).get(line.kind)

    def _get_account(self):
        """The configured account, or the default one of the kind."""
        self.ensure_one()
        if self.account_id:
            return self.account_id
        company = self.company_id
        code, name, account_type = DEFAULT_ACCOUNTS[self.kind]
        Account = self.env["account.account"].sudo().with_company(company)
        account = Account.search(
            [("code", "=", code), ("company_ids", "in", company.ids)], limit=1
        )
        if not account:
            account = Account.create(
                {
                    "code": code,
                    "name": name,
                    "account_type": account_type,
                    "company_ids": [(6, 0, company.ids)],
                }
            )
        self.sudo().account_id = account
        return account
