from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .product_pricelist import clear_rules_cache


class ProductCategory(models.Model):
    _inherit = "product.category"

    koperasi_commission_percent = fields.Float(
        string="Shop Commission (%)",
        help="The cooperative's share of its products' sales; 0 uses the cooperative's default.",
    )

    @api.constrains("koperasi_commission_percent")
    def _check_koperasi_commission_percent(self):
        for category in self:
            if not 0 <= category.koperasi_commission_percent <= 100:
                raise ValidationError(
                    self.env._("A commission must be between 0 and 100%%.")
                )

    def write(self, vals):
        if "parent_id" in vals:
            clear_rules_cache(self.env)  # rules apply to categories and children
        return super().write(vals)
