from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.depends("country_id", "specific_property_product_pricelist")
    @api.depends_context("company", "country_code")
    def _compute_product_pricelist(self):
        """Active members of the current company get its member pricelist;
        the other partners the pricelist Odoo finds for them (searching by
        country for those without one of their own, which members skip)."""
        member_pricelist = self.env.company.sudo().koperasi_member_pricelist_id
        if (
            not member_pricelist
            or not self.ids
            or (self.env.user._is_public() and self == self.env.user.partner_id)
        ):
            # Without a member pricelist, or the website visitor's own
            # partner on every public page.
            return super()._compute_product_pricelist()
        commercial_ids = {
            partner.id: partner.commercial_partner_id.id
            for partner in self
            if partner.id
        }
        Member = self.env["koperasi.member"]
        company_id = self.env.company.id
        partner_ids = set(commercial_ids.values())
        if len(partner_ids) == 1:
            # A shopper's own contact, on every shop page: a cached answer.
            (partner_id,) = partner_ids
            member_partner_ids = (
                partner_ids
                if Member._koperasi_active_member_id(partner_id, company_id)
                else set()
            )
        else:
            members = Member.sudo().search(
                Member._koperasi_active_member_domain(partner_ids, company_id)
            )
            member_partner_ids = set(members.partner_id.ids)
        member_partners = self.filtered(
            lambda partner: commercial_ids.get(partner.id) in member_partner_ids
        )
        member_partners.property_product_pricelist = member_pricelist
        others = self - member_partners
        if others:
            return super(ResPartner, others)._compute_product_pricelist()
        return None
