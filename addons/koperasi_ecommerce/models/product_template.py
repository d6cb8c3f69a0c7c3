from odoo import api, fields, models
from odoo.models import PREFETCH_MAX

from odoo.addons.koperasi_base.tools.business_date import odoo_today

from ..tools.demo_images import draw_product_image
from ..tools.whatsapp import wa_link
from .product_pricelist import clear_rules_cache


class ProductTemplate(models.Model):
    _inherit = "product.template"

    koperasi_producer_id = fields.Many2one(
        "koperasi.producer",
        string="Producer",
        index=True,
        check_company=True,
        help="The member or business unit who makes the product and earns its sales.",
    )
    koperasi_business_unit_id = fields.Many2one(
        "koperasi.business.unit",
        string="Business Unit",
        compute="_compute_koperasi_business_unit_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
        help="The unit whose store managers manage the product, its stock and orders.",
    )
    koperasi_badge_ids = fields.Many2many(
        "koperasi.product.badge",
        string="Badges",
        help="Shown on the product page (organic, halal...).",
    )
    # Kept on the product's own row, so that its page reads no other table
    # for them: the producer's name, and the badge ids (whose names, colours
    # and icons come from a cache, see koperasi.product.badge).
    koperasi_producer_name = fields.Char(
        string="Producer Name", related="koperasi_producer_id.name", store=True
    )
    koperasi_badge_key = fields.Char(
        compute="_compute_koperasi_badge_key",
        store=True,
        help="Technical: the ids of the product's badges.",
    )

    @api.depends("koperasi_badge_ids")
    def _compute_koperasi_badge_key(self):
        for template in self:
            badges = template.with_context(active_test=False).koperasi_badge_ids
            template.koperasi_badge_key = (
                ",".join(str(badge_id) for badge_id in sorted(badges._origin.ids))
                or False
            )

    def write(self, vals):
        if "categ_id" in vals:
            clear_rules_cache(self.env)  # rules apply to categories
        return super().write(vals)

    def _get_sales_prices(self, website):
        """The prices before discount of a page of products on a pricelist
        based on another one, computed at once (see product.pricelist)."""
        pricelist = website.pricelist_id
        if 1 < len(self) <= PREFETCH_MAX and pricelist:
            bases = pricelist._koperasi_base_pricelists(discount_only=True)
            if bases:
                # The day website_sale prices these at (its own "today").
                date = odoo_today(self)
                with pricelist._koperasi_base_prices(bases, self, 1.0, None, date):
                    return super()._get_sales_prices(website)
        return super()._get_sales_prices(website)

    def _koperasi_badges(self):
        """The product's active badges, in badge order, for its page.

        :return: list of dicts with ``name``, ``color`` and ``icon``
        """
        self.ensure_one()
        if not self.koperasi_badge_key:
            return []
        ids = {int(badge_id) for badge_id in self.koperasi_badge_key.split(",")}
        return [
            {"name": name, "color": color, "icon": icon}
            for badge_id, name, color, icon in self.env[
                "koperasi.product.badge"
            ]._koperasi_badge_table()
            if badge_id in ids
        ]

    @api.depends("koperasi_producer_id")
    def _compute_koperasi_business_unit_id(self):
        for template in self:
            if template.koperasi_producer_id.business_unit_id:
                template.koperasi_business_unit_id = (
                    template.koperasi_producer_id.business_unit_id
                )

    def _koperasi_flash_sale_end(self, pricelist):
        """End of the time-bound pricelist item giving the product's price.

        Follows pricelists based on other pricelists; ``False`` when the price
        does not come from a time-bound item.
        """
        self.ensure_one()
        if not self._koperasi_pricelists_with_end(pricelist):
            return False
        product = self.product_variant_id
        seen = set()
        while pricelist and pricelist.id not in seen:
            seen.add(pricelist.id)
            rule = pricelist._get_product_rule(product, 1.0)
            item = self.env["product.pricelist.item"].browse(rule)
            if not item:
                return False
            if item.date_end:
                return item.date_end
            pricelist = item.base == "pricelist" and item.base_pricelist_id
        return False

    @api.model
    def _koperasi_pricelists_with_end(self, pricelist):
        """Whether ``pricelist`` or a pricelist it is based on has time-bound items."""
        return bool(pricelist) and self.env[
            "product.pricelist"
        ]._koperasi_has_time_bound_items(pricelist.id)

    def _koperasi_whatsapp_link(self, url):
        self.ensure_one()
        return wa_link(f"{self.name} - {url}")

    @api.model
    def _koperasi_demo_draw_images(self, images):
        """Demo data: draw product pictures locally (``{xmlid: kind}``)."""
        for xmlid, kind in images.items():
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if record:
                record.image_1920 = draw_product_image(kind)
