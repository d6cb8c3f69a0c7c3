from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.depends("country_id", "specific_property_product_pricelist")
    @api.depends_context("company", "country_code")
    def _compute_product_pricelist(self):
        """Active members of the current company get its member pricelist."""
        res = super()._compute_product_pricelist()
        member_pricelist = self.env.company.sudo().koperasi_member_pricelist_id
        if not member_pricelist or not self.ids:
            return res
        if self.env.user._is_public() and self == self.env.user.partner_id:
            # The website visitor's own partner, on every public page.
            return res
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
        for partner in self:
            if commercial_ids.get(partner.id) in member_partner_ids:
                partner.property_product_pricelist = member_pricelist
        return res
