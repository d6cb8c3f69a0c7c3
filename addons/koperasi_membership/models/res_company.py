from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    koperasi_pokok_amount = fields.Monetary(
        string="Simpanan Pokok Amount",
        currency_field="currency_id",
        default=100000.0,
    )
    koperasi_wajib_amount = fields.Monetary(
        string="Simpanan Wajib Amount",
        currency_field="currency_id",
        default=25000.0,
    )
    koperasi_wajib_period = fields.Selection(
        [("monthly", "Monthly")],
        string="Simpanan Wajib Period",
        default="monthly",
    )
    koperasi_allow_prepayment = fields.Boolean(
        string="Allow Wajib Prepayment",
        help="Accept wajib payments above the amount due; the excess pays "
        "the next periods in advance.",
    )
    koperasi_pokok_account_id = fields.Many2one(
        "account.account",
        string="Simpanan Pokok Account",
        check_company=True,
        help="Equity account by default; some cooperatives book members' "
        "capital as a liability (SAK EP).",
    )
    koperasi_wajib_account_id = fields.Many2one(
        "account.account",
        string="Simpanan Wajib Account",
        check_company=True,
    )
    koperasi_settlement_account_id = fields.Many2one(
        "account.account",
        string="Settlement Account",
        check_company=True,
        help="Receives the unpaid dues withheld from an exit refund, and the "
        "deductions and credits of other services without their own account.",
    )
    koperasi_shu_members_only = fields.Boolean(
        string="SHU from Members' Business Only",
        help="Share among the members only the part of the year's result "
        "earned from business with members (SHU bagian anggota), in the "
        "proportion of the income from members; the part from non-members "
        "goes to the reserve.",
    )
    koperasi_journal_id = fields.Many2one(
        "account.journal",
        string="Capital Journal",
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        help="Default cash or bank journal of capital payments and refunds.",
    )

    def _koperasi_get_account(self, kind):
        """Return the configured account of ``kind`` (pokok, wajib,
        settlement), creating the default one when none is set."""
        self.ensure_one()
        field = f"koperasi_{kind}_account_id"
        account = self[field]
        if account:
            return account
        defaults = {
            "pokok": ("310100", "Simpanan Pokok Anggota", "equity"),
            "wajib": ("310200", "Simpanan Wajib Anggota", "equity"),
            "settlement": ("310900", "Penyelesaian Keluar Anggota", "equity"),
        }
        code, name, account_type = defaults[kind]
        Account = self.env["account.account"].sudo().with_company(self)
        account = Account.search(
            [("code", "=", code), ("company_ids", "in", self.ids)], limit=1
        )
        if not account:
            account = Account.create(
                {
                    "code": code,
                    "name": name,
                    "account_type": account_type,
                    "company_ids": [(6, 0, self.ids)],
                }
            )
        self.sudo()[field] = account
        return account

    def _koperasi_get_journal(self):
        """Return the capital journal, by default the first cash journal."""
        self.ensure_one()
        journal = self.koperasi_journal_id or self.env["account.journal"].search(
            [("company_id", "=", self.id), ("type", "=", "cash")], limit=1
        )
        return journal
