from odoo import models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _is_available_on_website(self, website):
        """The member pricelist is available to logged-in active members only."""
        self.ensure_one()
        if website.company_id.sudo().koperasi_member_pricelist_id == self:
            if self.company_id and self.company_id != website.company_id:
                return False
            return self.active and bool(
                self.env["koperasi.member"]._koperasi_active_member_for_user(
                    self.env.user, website.company_id
                )
            )
        return super()._is_available_on_website(website)

    def _get_website_pricelists_domain(self, website):
        """Never list the member pricelist among the website's public ones."""
        domain = super()._get_website_pricelists_domain(website)
        member_pricelist = website.company_id.sudo().koperasi_member_pricelist_id
        if member_pricelist:
            domain = [*domain, ("id", "!=", member_pricelist.id)]
        return domain
