import pytz

from odoo import models
from odoo.http import request

from odoo.addons.koperasi_base.tools.business_date import company_timezone


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

        website_sale_stock asks for it on product pages, shop grids and cart
        checks through ``free_qty``, which also sums incoming and outgoing
        moves that are not needed here. The shop only uses the free quantity
        of storable products: others answer 0 without a query, storable ones
        read their quants only (``koperasi_free_qty``, computed for the whole
        page's products at once).
        """
        if not product.is_storable:
            return 0.0
        if any(
            product.env.context.get(key)
            for key in ("lot_id", "owner_id", "package_id", "from_date", "to_date")
        ):
            return super()._get_product_available_qty(product, **kwargs)
        return product.with_context(warehouse_id=self.warehouse_id.id).koperasi_free_qty

    def _koperasi_clock(self, timestamp):
        """``(timezone name, its abbreviation at timestamp)`` of the website's
        company, for times the shop announces (the end of a flash sale): the
        cooperative's clock, the same for every visitor, with its zone said
        (WIB for Asia/Jakarta)."""
        tz = company_timezone(self.company_id)
        return tz.zone, pytz.utc.localize(timestamp).astimezone(tz).tzname()
