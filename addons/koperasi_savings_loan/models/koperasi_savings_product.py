from odoo import api, fields, models
from odoo.exceptions import ValidationError


class KoperasiSavingsProduct(models.Model):
    _name = "koperasi.savings.product"
    _description = "Savings Product"
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
    code = fields.Char(help="Short code shown in the account numbers.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("sukarela", "Voluntary (sukarela)"),
            ("berjangka", "Time deposit (berjangka)"),
            ("special", "Special savings"),
        ],
        required=True,
        default="sukarela",
    )
    interest_rate = fields.Float(
        string="Annual Interest Rate (%)",
        digits=(16, 4),
        help="Nominal annual rate in percent.",
    )
    interest_basis = fields.Selection(
        [("daily", "Daily balance"), ("lowest", "Lowest monthly balance")],
        required=True,
        default="daily",
    )
    term_months = fields.Integer(string="Term (months)", help="Time deposits only.")
    early_withdrawal_penalty = fields.Float(
        string="Early Withdrawal Penalty (%)",
        help="Percent of the amount withdrawn from a time deposit before maturity.",
    )
    maturity_action = fields.Selection(
        [("rollover", "Roll over"), ("payout", "Pay out to voluntary savings")],
        default="rollover",
    )
    min_opening = fields.Monetary(string="Minimum Opening Deposit")
    min_balance = fields.Monetary(string="Minimum Balance")
    withdrawal_fee = fields.Monetary()
    tax_threshold = fields.Monetary(
        string="Tax-free Monthly Interest",
        default=240000.0,
        help="Monthly gross interest up to this amount is not taxed (PP 15/2009).",
    )
    tax_rate = fields.Float(string="Final Tax Rate (%)", default=10.0)
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        default=lambda self: self._default_journal(),
        domain="[('type', '=', 'general')]",
    )
    account_liability_id = fields.Many2one(
        "account.account",
        string="Savings Liability Account",
        check_company=True,
    )
    account_interest_id = fields.Many2one(
        "account.account",
        string="Interest Expense Account",
        check_company=True,
    )
    account_tax_id = fields.Many2one(
        "account.account",
        string="Tax Payable Account",
        check_company=True,
    )
    account_fee_id = fields.Many2one(
        "account.account",
        string="Fee Income Account",
        check_company=True,
    )
    account_ids = fields.One2many("koperasi.savings.account", "product_id")
    account_count = fields.Integer(compute="_compute_account_count")

    def _compute_account_count(self):
        counts = dict(
            self.env["koperasi.savings.account"]._read_group(
                [("product_id", "in", self.ids)], ["product_id"], ["__count"]
            )
        )
        for product in self:
            product.account_count = counts.get(product, 0)

    @api.onchange("kind", "company_id")
    def _onchange_company_accounts(self):
        liability_accounts = (
            self.company_id.koperasi_sukarela_account_id
            | self.company_id.koperasi_berjangka_account_id
        )
        for product in self:
            if product.account_liability_id in liability_accounts:
                # The account of the other kind: the kind changed.
                product.account_liability_id = False
            for fname, account in product._get_company_accounts(
                product.company_id, product.kind
            ).items():
                if not product[fname]:
                    product[fname] = account

    @api.constrains(
        "kind",
        "term_months",
        "interest_rate",
        "min_opening",
        "min_balance",
        "withdrawal_fee",
        "tax_rate",
        "tax_threshold",
        "early_withdrawal_penalty",
    )
    def _check_values(self):
        for product in self:
            if product.kind == "berjangka" and product.term_months < 1:
                raise ValidationError(
                    self.env._(
                        "The term of the time deposit %(name)s must be at least one month.",
                        name=product.name,
                    )
                )
            numbers = [
                product.interest_rate,
                product.min_opening,
                product.min_balance,
                product.withdrawal_fee,
                product.tax_rate,
                product.tax_threshold,
                product.early_withdrawal_penalty,
            ]
            if any(value < 0 for value in numbers):
                raise ValidationError(
                    self.env._(
                        "Rates, minimums and fees of %(name)s cannot be negative.",
                        name=product.name,
                    )
                )
            if product.tax_rate > 100 or product.early_withdrawal_penalty > 100:
                raise ValidationError(
                    self.env._(
                        "A percentage of %(name)s is above 100.", name=product.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = (
                self.env["res.company"].browse(vals.get("company_id"))
                or self.env.company
            )
            kind = vals.get("kind") or self.default_get(["kind"]).get("kind")
            for fname, account in self._get_company_accounts(company, kind).items():
                if account and fname not in vals:
                    vals[fname] = account.id
        return super().create(vals_list)

    @api.model
    def _get_company_accounts(self, company, kind):
        """The accounts of the koperasi settings of ``company`` a product of
        ``kind`` posts to by default."""
        company = company.sudo()
        return {
            "account_liability_id": company.koperasi_berjangka_account_id
            if kind == "berjangka"
            else company.koperasi_sukarela_account_id,
            "account_interest_id": company.koperasi_savings_interest_account_id,
            "account_tax_id": company.koperasi_savings_tax_account_id,
            "account_fee_id": company.koperasi_admin_fee_account_id,
        }

    def _fill_company_accounts(self):
        """Give the products their company's accounts where they have none."""
        for product in self:
            values = {
                fname: account.id
                for fname, account in self._get_company_accounts(
                    product.company_id, product.kind
                ).items()
                if account and not product[fname]
            }
            if values:
                product.write(values)

    def _check_accounting(self):
        """Raise a clear error when the product cannot post."""
        for product in self:
            missing = [
                product._fields[fname].get_description(self.env)["string"]
                for fname in (
                    "journal_id",
                    "account_liability_id",
                    "account_interest_id",
                    "account_tax_id",
                    "account_fee_id",
                )
                if not product[fname]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Configure %(fields)s on the savings product %(name)s before posting.",
                        fields=", ".join(missing),
                        name=product.name,
                    )
                )
