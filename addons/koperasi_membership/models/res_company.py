from odoo import fields, models
from odoo.exceptions import UserError


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
    koperasi_shu_reserve_account_id = fields.Many2one(
        "account.account",
        string="SHU Reserve Account",
        check_company=True,
        help="Credited with the reserve's share of the SHU (cadangan).",
    )
    koperasi_shu_members_account_id = fields.Many2one(
        "account.account",
        string="Members' SHU Payable Account",
        check_company=True,
        help="Credited with the members' share of the SHU until it is paid.",
    )
    koperasi_shu_board_account_id = fields.Many2one(
        "account.account",
        string="Board's SHU Payable Account",
        check_company=True,
    )
    koperasi_shu_staff_account_id = fields.Many2one(
        "account.account",
        string="Staff's SHU Payable Account",
        check_company=True,
    )
    koperasi_shu_education_account_id = fields.Many2one(
        "account.account",
        string="Education Fund Account",
        check_company=True,
    )
    koperasi_shu_social_account_id = fields.Many2one(
        "account.account",
        string="Social Fund Account",
        check_company=True,
    )
    koperasi_shu_other_account_id = fields.Many2one(
        "account.account",
        string="Other SHU Funds Account",
        check_company=True,
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
        """Return the account of ``kind`` (pokok, wajib, settlement) of the
        koperasi settings."""
        return self._koperasi_get_setting(f"koperasi_{kind}_account_id")

    def _koperasi_get_setting(self, fname):
        """Return the company's account or journal ``fname`` of the koperasi
        settings; a clear error when it is not set."""
        self.ensure_one()
        value = self[fname]
        if not value:
            raise UserError(
                self.env._(
                    "The %(setting)s of %(company)s is not set. Set it in the "
                    "company's koperasi settings (the chart of accounts sets it "
                    "up when it is loaded).",
                    setting=self._fields[fname]._description_string(self.env),
                    company=self.name,
                )
            )
        return value

    def _koperasi_get_journal(self):
        """Return the capital journal, by default the first cash journal."""
        self.ensure_one()
        journal = self.koperasi_journal_id or self.env["account.journal"].search(
            [("company_id", "=", self.id), ("type", "=", "cash")], limit=1
        )
        return journal
