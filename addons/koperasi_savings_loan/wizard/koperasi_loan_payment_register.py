from odoo import api, fields, models

from odoo.addons.koperasi_base.tools.business_date import business_today


class KoperasiLoanPaymentRegister(models.TransientModel):
    _name = "koperasi.loan.payment.register"
    _description = "Register a loan repayment"
    _check_company_auto = True

    loan_id = fields.Many2one("koperasi.loan", required=True, check_company=True)
    company_id = fields.Many2one(related="loan_id.company_id")
    currency_id = fields.Many2one(related="loan_id.currency_id")
    date = fields.Date(required=True, default=business_today)
    amount = fields.Monetary(required=True)
    source = fields.Selection(
        [("cash", "Cash or bank"), ("savings", "Auto-debit voluntary savings")],
        required=True,
        default="cash",
    )
    payment_journal_id = fields.Many2one(
        "account.journal",
        string="Cash/Bank Journal",
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    savings_account_id = fields.Many2one(
        "koperasi.savings.account",
        check_company=True,
        domain="[('member_id', '=', member_id), ('kind', '=', 'sukarela'), ('state', '=', 'open')]",
    )
    member_id = fields.Many2one(related="loan_id.member_id")

    @api.model
    def default_get(self, fields_list):
        """The teller starts from what the member owes now (or the next
        instalment) and the cooperative's cash journal."""
        values = super().default_get(fields_list)
        loan = self.env["koperasi.loan"].browse(values.get("loan_id")).exists()
        if not loan:
            return values
        if "amount" in fields_list and not values.get("amount"):
            values["amount"] = loan._next_payment_amount(
                fields.Date.to_date(values.get("date"))
            )
        if "payment_journal_id" in fields_list and not values.get("payment_journal_id"):
            values["payment_journal_id"] = (
                self.env["koperasi.savings.transaction"]
                .new({"company_id": loan.company_id.id})
                ._default_payment_journal()
                .id
            )
        return values

    def action_register(self):
        self.ensure_one()
        self.loan_id.register_payment(
            self.amount,
            payment_journal=self.payment_journal_id or None,
            date=self.date,
            savings_account=self.savings_account_id
            if self.source == "savings"
            else None,
        )
        return {"type": "ir.actions.act_window_close"}
