from odoo import fields, models


class KoperasiProductBadge(models.Model):
    _name = "koperasi.product.badge"
    _description = "Product Badge"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Selection(
        [
            ("success", "Green"),
            ("info", "Blue"),
            ("warning", "Yellow"),
            ("danger", "Red"),
            ("secondary", "Grey"),
        ],
        default="success",
        required=True,
    )
    icon = fields.Char(
        default="fa-leaf", help="A Font Awesome icon class, e.g. fa-leaf."
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
