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
