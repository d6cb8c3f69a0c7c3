from odoo import api, fields, models

from ..tools.demo_images import draw_product_image
from ..tools.whatsapp import wa_link


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
        seen = self.env["product.pricelist"]
        while pricelist and pricelist not in seen:
            seen |= pricelist
            items = pricelist.sudo().item_ids
            if any(item.date_end for item in items):
                return True
            pricelist = items.filtered(
                lambda item: item.base == "pricelist"
            ).base_pricelist_id
        return False

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
