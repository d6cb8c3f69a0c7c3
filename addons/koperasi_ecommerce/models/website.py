from odoo import models
from odoo.http import request


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
