from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aquaculture_farmer_group_id = fields.Many2one(
        "aquaculture.farmer.group",
        string="Farmer Group",
        index="btree_not_null",
        help="The farmer group (kelompok pembudidaya) this farmer belongs to.",
    )
    aquaculture_pond_ids = fields.One2many(
        "aquaculture.pond", "owner_id", string="Ponds"
    )
