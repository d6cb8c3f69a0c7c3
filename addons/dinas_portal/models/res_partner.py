from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dinas_cooperative_ids = fields.One2many("dinas.cooperative", "partner_id")
    dinas_msme_ids = fields.One2many("dinas.msme", "partner_id")
