from odoo import api, fields, models


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

    def _get_settlement_credits(self):
        credits = super()._get_settlement_credits()
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
                    }
                )
        return credits

    def _get_settlement_deductions(self):
        deductions = super()._get_settlement_deductions()
        for loan in self.sudo().loan_ids.filtered(
            lambda loan: loan.state == "disbursed"
        ):
            owed = loan.outstanding_principal + loan.penalty_due
            if owed > 0:
                deductions.append(
                    {
                        "name": self.env._("Outstanding loan %(loan)s", loan=loan.name),
                        "amount": owed,
                    }
                )
        return deductions

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
