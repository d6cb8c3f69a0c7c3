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
