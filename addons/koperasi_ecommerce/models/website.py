from odoo import models
from odoo.http import request
from odoo.tools import float_round


class Website(models.Model):
    _inherit = "website"

    def _get_current_pricelist(self):
        """Logged-in active members shop with the member pricelist.

        Unless they chose another pricelist themselves (a promotion code, for
        instance), the member pricelist wins over the one of their last cart.
        """
        pricelist = super()._get_current_pricelist()
        member_pricelist = self.company_id.sudo().koperasi_member_pricelist_id
        if (
            member_pricelist
            and pricelist != member_pricelist
            and not self.env.user._is_public()
            and not (request and request.session.get("website_sale_current_pl"))
            and member_pricelist._is_available_on_website(self)
        ):
            return member_pricelist
        return pricelist

    def _get_product_available_qty(self, product, **kwargs):
        """Free quantity of a product in the website's warehouse, cheaply.

        website_sale_stock asks for it on every product page and cart check,
        through the ``free_qty`` field, which also sums incoming and outgoing
        moves it does not need here. The shop only uses the free quantity of
        storable products (``is_storable``), so other products answer 0
        without a query, and storable ones read their quants once.
        """
        if not product.is_storable:
            return 0.0
        if any(
            product.env.context.get(key)
            for key in ("lot_id", "owner_id", "package_id", "from_date", "to_date")
        ):
            return super()._get_product_available_qty(product, **kwargs)
        product = product.with_context(warehouse_id=self.warehouse_id.id)
        domain_quant = product._get_domain_locations()[0]
        groups = (
            product.env["stock.quant"]
            .with_context(active_test=False)
            ._read_group(
                [("product_id", "=", product.id), *domain_quant],
                [],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        quantity, reserved = groups[0] if groups else (0.0, 0.0)
        return float_round(
            (quantity or 0.0) - (reserved or 0.0),
            precision_rounding=product.uom_id.rounding,
        )
