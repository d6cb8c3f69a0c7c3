from odoo import fields, models


class KoperasiBusinessUnit(models.Model):
    _name = "koperasi.business.unit"
    _description = "Cooperative Business Unit"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
