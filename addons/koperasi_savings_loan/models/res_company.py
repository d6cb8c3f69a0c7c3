from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    koperasi_savings_dormant_months = fields.Integer(
        string="Dormant after (months)",
        default=6,
        help="A savings account with no transaction for this many months becomes dormant.",
    )
    koperasi_shu_include_savings = fields.Boolean(
        string="Savings count in the SHU capital base",
        help="When set, savings balances are added to the member's capital (S_a) "
        "in the SHU distribution.",
    )
    koperasi_loan_col_days_1 = fields.Integer(
        string="Current up to (days past due)", default=90
    )
    koperasi_loan_col_days_2 = fields.Integer(
        string="Substandard up to (days past due)", default=180
    )
    koperasi_loan_col_days_3 = fields.Integer(
        string="Doubtful up to (days past due)", default=360
    )
    koperasi_ppap_lancar = fields.Float(string="Provision: current (%)", default=0.5)
    koperasi_ppap_kurang_lancar = fields.Float(
        string="Provision: substandard (%)", default=10.0
    )
    koperasi_ppap_diragukan = fields.Float(
        string="Provision: doubtful (%)", default=50.0
    )
    koperasi_ppap_macet = fields.Float(string="Provision: loss (%)", default=100.0)
    koperasi_sukarela_account_id = fields.Many2one(
        "account.account",
        string="Voluntary Savings Account",
        check_company=True,
        help="Liability of the voluntary (sukarela) and special savings products by default.",
    )
    koperasi_berjangka_account_id = fields.Many2one(
        "account.account",
        string="Time Deposits Account",
        check_company=True,
        help="Liability of the time deposit (berjangka) products by default.",
    )
    koperasi_savings_interest_account_id = fields.Many2one(
        "account.account",
        string="Savings Interest Expense Account",
        check_company=True,
    )
    koperasi_savings_tax_account_id = fields.Many2one(
        "account.account",
        string="Final Tax Payable Account",
        check_company=True,
        help="The final income tax withheld from the savings interest (PPh final, PP 15/2009).",
    )
    koperasi_admin_fee_account_id = fields.Many2one(
        "account.account",
        string="Administration Fee Income Account",
        check_company=True,
        help="Withdrawal fees of the savings and administration fees of the loans.",
    )
    koperasi_loan_receivable_account_id = fields.Many2one(
        "account.account",
        string="Member Loans Receivable Account",
        check_company=True,
    )
    koperasi_loan_interest_account_id = fields.Many2one(
        "account.account",
        string="Loan Interest Income Account",
        check_company=True,
    )
    koperasi_loan_penalty_account_id = fields.Many2one(
        "account.account",
        string="Denda Income Account",
        check_company=True,
    )
    koperasi_ppap_expense_account_id = fields.Many2one(
        "account.account",
        string="Provision Expense Account",
        check_company=True,
    )
    koperasi_ppap_account_id = fields.Many2one(
        "account.account",
        string="Loan Loss Allowance Account",
        check_company=True,
        help="Contra-asset account of the loan loss provision (PPAP).",
    )
