from odoo import fields, models


class DinasCooperative(models.Model):
    _name = "dinas.cooperative"
    _description = "Registered Cooperative"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
