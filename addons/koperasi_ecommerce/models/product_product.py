from odoo import api, fields, models
from odoo.tools import float_round


class ProductProduct(models.Model):
    _inherit = "product.product"

    koperasi_free_qty = fields.Float(
        string="Free to Order",
        compute="_compute_koperasi_free_qty",
        digits="Product Unit of Measure",
        help="On hand minus reserved in the context's warehouse (all warehouses "
        "of the allowed companies without one): the figure the shop shows.",
    )

    @api.depends("stock_quant_ids.quantity", "stock_quant_ids.reserved_quantity")
    @api.depends_context("warehouse_id", "allowed_company_ids")
    def _compute_koperasi_free_qty(self):
        """``free_qty`` from the quants alone, for all the records at once."""
        storable = self.filtered(lambda product: product.is_storable and product.id)
        free = {}
        if storable:
            domain_quant = storable._get_domain_locations()[0]
            groups = (
                self.env["stock.quant"]
                .with_context(active_test=False)
                ._read_group(
                    [("product_id", "in", storable.ids), *domain_quant],
                    ["product_id"],
                    ["quantity:sum", "reserved_quantity:sum"],
                )
            )
            free = {
                product.id: (quantity or 0.0) - (reserved or 0.0)
                for product, quantity, reserved in groups
            }
        for product in self:
            product.koperasi_free_qty = float_round(
                free.get(product.id, 0.0),
                precision_rounding=product.uom_id.rounding or 0.01,
            )

    def _has_stock_notification(self, partner):
        """Only storable products run out of stock and notify back."""
        self.ensure_one()
        return self.is_storable and super()._has_stock_notification(partner)
