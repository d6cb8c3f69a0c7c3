from odoo import fields, models


class DinasAidRecipient(models.Model):
    _name = "dinas.aid.recipient"
    _description = "Aid Recipient"
    _order = "year desc, name"
    _check_company_auto = True

    name = fields.Char(string="Recipient", required=True)
    programme_id = fields.Many2one("dinas.programme", required=True, check_company=True)
    year = fields.Integer(required=True)
    cooperative_id = fields.Many2one("dinas.cooperative", check_company=True)
    msme_id = fields.Many2one("dinas.msme", string="MSME", check_company=True)
    kecamatan = fields.Char(string="District (Kecamatan)")
    aid_description = fields.Char(string="Aid")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary()
    website_published = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
