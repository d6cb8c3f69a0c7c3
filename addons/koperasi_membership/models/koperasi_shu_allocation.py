from odoo import api, fields, models

#: The company setting whose account each allocation kind credits by default.
KIND_SETTINGS = {
    "reserve": "koperasi_shu_reserve_account_id",
    "capital": "koperasi_shu_members_account_id",
    "usage": "koperasi_shu_members_account_id",
    "board": "koperasi_shu_board_account_id",
    "staff": "koperasi_shu_staff_account_id",
    "education": "koperasi_shu_education_account_id",
    "social": "koperasi_shu_social_account_id",
    "other": "koperasi_shu_other_account_id",
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
        help="Credited when the distribution is posted; when empty, the "
        "company's SHU account of the kind.",
    )

    @api.onchange("kind")
    def _onchange_kind(self):
        for line in self:
            if not line.name:
                line.name = dict(
                    self._fields["kind"]._description_selection(self.env)
                ).get(line.kind)

    def _get_account(self):
        """The line's account, or the company's account of the kind."""
        self.ensure_one()
        return self.account_id or self.company_id._koperasi_get_setting(
            KIND_SETTINGS[self.kind]
        )
