from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    aquaculture_use = fields.Selection(
        [
            ("feed", "Feed"),
            ("treatment", "Probiotic / Treatment"),
            ("live_fish", "Live Catfish"),
            ("processed", "Processed Catfish Product"),
        ],
        help="Feed and treatments can be logged on batches (feed is counted "
        "in kg); live catfish is received by harvests; processed products "
        "are made from live catfish lots.",
    )
