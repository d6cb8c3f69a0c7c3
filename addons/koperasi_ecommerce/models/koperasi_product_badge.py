from odoo import api, fields, models, tools


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

    @api.model
    @tools.ormcache("self.env.lang")
    def _koperasi_badge_table(self):
        """``(id, name, color, icon)`` of every active badge, in badge order.

        Product pages show badges from this cache instead of reading them;
        it is cleared whenever a badge is created, changed or deleted.
        """
        return tuple(
            (badge.id, badge.name, badge.color, badge.icon or "fa-check")
            for badge in self.sudo().search([])
        )

    @api.model_create_multi
    def create(self, vals_list):
        badges = super().create(vals_list)
        self.env.registry.clear_cache()
        return badges

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
