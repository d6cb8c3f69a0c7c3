from odoo import models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _has_stock_notification(self, partner):
        """Only storable products run out of stock and notify back."""
        self.ensure_one()
        return self.is_storable and super()._has_stock_notification(partner)
