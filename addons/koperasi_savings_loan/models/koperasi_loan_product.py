from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import parse_amount, parse_int

from ..tools import loan_schedule

ALLOCATION_ORDERS = {
    "penalty_interest_principal": ("penalty", "interest", "principal"),
    "interest_principal_penalty": ("interest", "principal", "penalty"),
    "interest_penalty_principal": ("interest", "penalty", "principal"),
}


class KoperasiLoanProduct(models.Model):
    _name = "koperasi.loan.product"
    _description = "Loan Product"
    _order = "sequence, name"
    _check_company_auto = True

    def _default_journal(self):
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "general"),
            ],
            limit=1,
        )

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    interest_method = fields.Selection(
        [
            ("flat", "Flat"),
            ("efektif", "Declining balance (efektif)"),
            ("anuitas", "Annuity (anuitas)"),
        ],
        required=True,
        default="anuitas",
    )
    interest_rate = fields.Float(
        string="Annual Interest Rate (%)",
        digits=(16, 4),
        required=True,
        help="Nominal annual rate in percent; the monthly rate is a twelfth of it.",
    )
    term_min = fields.Integer(string="Minimum Term (months)", default=1, required=True)
    term_max = fields.Integer(string="Maximum Term (months)", default=36, required=True)
    max_amount = fields.Monetary(string="Maximum Amount")
    limit_multiple = fields.Float(
        string="Limit (times savings)",
        help="When set, a member borrows at most this multiple of their savings and capital.",
    )
    fee_type = fields.Selection(
        [("percent", "Percentage"), ("fixed", "Fixed amount")],
        string="Administration Fee Type",
        default="percent",
        required=True,
    )
    fee_value = fields.Float(string="Administration Fee")
    penalty_rate = fields.Float(
        string="Denda Rate (%)", digits=(16, 4), help="Percent of the overdue amount."
    )
    penalty_period = fields.Selection(
        [("day", "Per day"), ("month", "Per month")], default="day", required=True
    )
    grace_days = fields.Integer(help="Days after the due date before denda accrues.")
    allocation_order = fields.Selection(
        [
            ("penalty_interest_principal", "Denda, interest, principal"),
            ("interest_principal_penalty", "Interest, principal, denda"),
            ("interest_penalty_principal", "Interest, denda, principal"),
        ],
        default="penalty_interest_principal",
        required=True,
    )
    prepayment_policy = fields.Selection(
        [("shorten", "Shorten the term"), ("lower", "Lower the instalment")],
        default="shorten",
        required=True,
    )
    overpayment_policy = fields.Selection(
        [("refuse", "Refuse"), ("savings", "Credit voluntary savings")],
        default="refuse",
        required=True,
    )
    second_approval_amount = fields.Monetary(
        string="Second Approval Above",
        help="Applications above this amount need a second approval by another board member.",
    )
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        default=lambda self: self._default_journal(),
        domain="[('type', '=', 'general')]",
    )
    account_receivable_id = fields.Many2one(
        "account.account",
        string="Loan Receivable Account",
        check_company=True,
    )
    account_interest_id = fields.Many2one(
        "account.account",
        string="Interest Income Account",
        check_company=True,
    )
    account_penalty_id = fields.Many2one(
        "account.account",
        string="Denda Income Account",
        check_company=True,
    )
    account_fee_id = fields.Many2one(
        "account.account",
        string="Fee Income Account",
        check_company=True,
    )
    account_provision_expense_id = fields.Many2one(
        "account.account",
        string="Provision Expense Account",
        check_company=True,
    )
    account_allowance_id = fields.Many2one(
        "account.account",
        string="Loan Loss Allowance Account",
        check_company=True,
    )

    @api.onchange("company_id")
    def _onchange_company_accounts(self):
        for product in self:
            for fname, account in product._get_company_accounts(
                product.company_id
            ).items():
                if not product[fname]:
                    product[fname] = account

    @api.constrains(
        "interest_rate",
        "term_min",
        "term_max",
        "max_amount",
        "fee_value",
        "penalty_rate",
    )
    def _check_values(self):
        for product in self:
            if (
                product.interest_rate < 0
                or product.penalty_rate < 0
                or product.fee_value < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Rates and fees of the loan product %(name)s cannot be negative.",
                        name=product.name,
                    )
                )
            if product.term_min < 1 or product.term_max < product.term_min:
                raise ValidationError(
                    self.env._(
                        "The term range of %(name)s must start at one month or more and "
                        "end after it starts.",
                        name=product.name,
                    )
                )
            if product.max_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum amount of %(name)s cannot be negative.",
                        name=product.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = (
                self.env["res.company"].browse(vals.get("company_id"))
                or self.env.company
            )
            for fname, account in self._get_company_accounts(company).items():
                if account and fname not in vals:
                    vals[fname] = account.id
        return super().create(vals_list)

    @api.model
    def _get_company_accounts(self, company):
        """The accounts of the koperasi settings of ``company`` a loan
        product posts to by default."""
        company = company.sudo()
        return {
            "account_receivable_id": company.koperasi_loan_receivable_account_id,
            "account_interest_id": company.koperasi_loan_interest_account_id,
            "account_penalty_id": company.koperasi_loan_penalty_account_id,
            "account_fee_id": company.koperasi_admin_fee_account_id,
            "account_provision_expense_id": company.koperasi_ppap_expense_account_id,
            "account_allowance_id": company.koperasi_ppap_account_id,
        }

    def _fill_company_accounts(self):
        """Give the products their company's accounts where they have none."""
        for product in self:
            values = {
                fname: account.id
                for fname, account in self._get_company_accounts(
                    product.company_id
                ).items()
                if account and not product[fname]
            }
            if values:
                product.write(values)

    def simulate_schedule(self, principal, term_months, start_date=None):
        """The instalment table of a loan of this product.

        Returns a list of dicts with ``sequence``, ``due_date``,
        ``principal``, ``interest``, ``amount`` and ``balance``; amounts are
        whole rupiah. Used by the backend, the portal and RPC clients.
        """
        self.ensure_one()
        principal, term_months = self._check_application(principal, term_months)
        start = fields.Date.to_date(start_date) if start_date else business_today(self)
        return loan_schedule.compute_schedule(
            principal, self.interest_rate, term_months, self.interest_method, start
        )

    def _check_application(self, principal, term_months, member=None):
        """Raise a clear error when an amount or term is not allowed.

        Returns the amount and the term as numbers.
        """
        self.ensure_one()
        principal = parse_amount(
            self.env, principal, label=self.env._("Loan amount"), default=0.0
        )
        term_months = parse_int(
            self.env, term_months, maximum=1200, label=self.env._("Term"), default=0
        )
        if principal <= 0:
            raise ValidationError(
                self.env._("The loan amount must be greater than zero.")
            )
        if not self.term_min <= term_months <= self.term_max:
            raise ValidationError(
                self.env._(
                    "The term of %(product)s must be between %(min)s and %(max)s months.",
                    product=self.name,
                    min=self.term_min,
                    max=self.term_max,
                )
            )
        if self.max_amount and principal > self.max_amount:
            raise ValidationError(
                self.env._(
                    "%(product)s lends at most %(max)s.",
                    product=self.name,
                    max=self.currency_id.format(self.max_amount),
                )
            )
        if member and self.limit_multiple:
            limit = self.limit_multiple * member._get_loan_limit_base()
            if principal > limit:
                raise ValidationError(
                    self.env._(
                        "The amount is above the member's limit of %(limit)s "
                        "(%(multiple)s times savings and capital).",
                        limit=self.currency_id.format(limit),
                        multiple=self.limit_multiple,
                    )
                )
        return principal, term_months

    def _compute_fee(self, principal):
        self.ensure_one()
        if self.fee_type == "fixed":
            return self.currency_id.round(self.fee_value)
        return loan_schedule.round_rupiah(principal * self.fee_value / 100)

    def _get_allocation_order(self):
        self.ensure_one()
        return ALLOCATION_ORDERS[self.allocation_order]
