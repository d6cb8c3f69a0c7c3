from odoo import api, fields, models


class KoperasiSavingsTeller(models.TransientModel):
    _name = "koperasi.savings.teller"
    _inherit = ["koperasi.company.guard"]
    _description = "Teller: quick deposit or withdrawal"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one(
        "koperasi.savings.account",
        required=True,
        check_company=True,
        domain="[('state', '=', 'open')]",
    )
    member_id = fields.Many2one(related="account_id.member_id")
    balance = fields.Monetary(related="account_id.balance")
    operation = fields.Selection(
        [("deposit", "Deposit"), ("withdrawal", "Withdrawal")],
        required=True,
        default="deposit",
    )
    amount = fields.Monetary(required=True)
    payment_journal_id = fields.Many2one(
        "account.journal",
        string="Cash/Bank Journal",
        required=True,
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        default=lambda self: self._default_payment_journal(),
    )
    ref = fields.Char(string="Note")

    @api.model
    def _default_payment_journal(self):
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "cash"),
            ],
            limit=1,
        )

    def _post(self):
        self.ensure_one()
        if self.operation == "deposit":
            return self.account_id.deposit(
                self.amount, payment_journal=self.payment_journal_id, ref=self.ref
            )
        return self.account_id.withdraw(
            self.amount, payment_journal=self.payment_journal_id, ref=self.ref
        )

    def action_post(self):
        transaction = self._post()
        return transaction.action_print_receipt()
