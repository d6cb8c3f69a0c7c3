from odoo import api, fields, models

from odoo.addons.koperasi_base.tools.locking import lock_rows


class KoperasiMember(models.Model):
    _inherit = "koperasi.member"

    savings_account_ids = fields.One2many("koperasi.savings.account", "member_id")
    savings_balance = fields.Monetary(
        compute="_compute_savings_balance", currency_field="savings_currency_id"
    )
    savings_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Savings Currency"
    )
    loan_ids = fields.One2many("koperasi.loan", "member_id")

    def _compute_savings_balance(self):
        for member in self:
            member.savings_balance = sum(
                member.sudo()
                .savings_account_ids.filtered(lambda a: a.state != "closed")
                .mapped("balance")
            )

    def _get_settlement_credits(self, exit_date=None):
        """Every savings balance is paid out of its liability account."""
        credits = super()._get_settlement_credits(exit_date)
        for account in self.sudo().savings_account_ids.filtered(
            lambda a: a.state != "closed"
        ):
            if account.balance > 0:
                credits.append(
                    {
                        "name": self.env._(
                            "Savings %(account)s (%(product)s)",
                            account=account.name,
                            product=account.product_id.name,
                        ),
                        "amount": account.balance,
                        "account_id": account.product_id.account_liability_id.id,
                        "savings_account_id": account.id,
                    }
                )
        return credits

    def _get_settlement_deductions(self, exit_date=None):
        """Each disbursed loan is paid off from the refund, as far as it goes:
        the deduction goes to the settlement account, from which a repayment
        of the loan clears its receivable, interest due and denda."""
        deductions = super()._get_settlement_deductions(exit_date)
        settlement_account = self.company_id._koperasi_get_account("settlement")
        for loan in self.sudo().loan_ids.filtered(
            lambda loan: loan.state == "disbursed"
        ):
            owed = loan._get_payoff_amount(exit_date)
            if owed > 0:
                deductions.append(
                    {
                        "name": self.env._("Outstanding loan %(loan)s", loan=loan.name),
                        "amount": owed,
                        "account_id": settlement_account.id,
                        "loan_id": loan.id,
                        "up_to_refund": True,
                    }
                )
        return deductions

    def _settlement_lock(self):
        super()._settlement_lock()
        self.sudo().savings_account_ids.filtered(
            lambda a: a.state != "closed"
        )._lock_for_update()
        lock_rows(self.sudo().loan_ids.filtered(lambda loan: loan.state == "disbursed"))

    def _settlement_close_positions(self, values, move, exit_date, journal):
        """Pay the savings out (their withdrawal is part of the settlement
        entry) and close every account; repay the loans from the refund."""
        super()._settlement_close_positions(values, move, exit_date, journal)
        Transaction = self.env["koperasi.savings.transaction"].sudo()
        accounts = self.env["koperasi.savings.account"].sudo()
        payouts = [
            line for line in values["credit_lines"] if line.get("savings_account_id")
        ]
        if payouts:
            Transaction.create(
                [
                    {
                        "account_id": line["savings_account_id"],
                        "company_id": self.company_id.id,
                        "type": "withdrawal",
                        "amount": line["amount"],
                        "date": exit_date,
                        "ref": move.ref,
                        "payment_journal_id": journal.id,
                        "move_id": move.id,
                        "state": "posted",
                    }
                    for line in payouts
                ]
            )
        accounts |= self.sudo().savings_account_ids.filtered(
            lambda a: a.state != "closed"
        )
        accounts.invalidate_recordset(["balance"])
        accounts._close()
        settlement_account = self.company_id._koperasi_get_account("settlement")
        Payment = self.env["koperasi.loan.payment"].sudo()
        for line in values["deduction_lines"]:
            if line.get("loan_id") and line["amount"] > 0:
                Payment._register_payment(
                    self.env["koperasi.loan"].sudo().browse(line["loan_id"]),
                    line["amount"],
                    payment_journal=journal,
                    date=exit_date,
                    counterpart_account=settlement_account,
                )

    def _get_loan_limit_base(self):
        """What a loan limit multiplies: the member's savings and posted capital."""
        self.ensure_one()
        return self.savings_balance + self.capital_total

    @api.model
    def _get_shu_base(self, members, date_from, date_to):
        base = super()._get_shu_base(members, date_from, date_to)
        accounts = (
            self.env["koperasi.savings.account"]
            .sudo()
            .search([("member_id", "in", members.ids)])
        )
        balances = accounts._get_balances(date_to=date_to)
        for account in accounts:
            if account.company_id.koperasi_shu_include_savings:
                entry = base.setdefault(
                    account.member_id.id, {"capital": 0.0, "volume": 0.0}
                )
                entry["capital"] += balances.get(account.id, 0.0)
        interest = self.env["koperasi.loan"]._get_interest_paid(
            members, date_from, date_to
        )
        for member_id, amount in interest.items():
            entry = base.setdefault(member_id, {"capital": 0.0, "volume": 0.0})
            entry["volume"] += amount
        return base
