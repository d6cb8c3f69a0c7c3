from odoo import api, fields, models, tools

from odoo.addons.koperasi_base.tools.business_date import business_day_bounds


class KoperasiMember(models.Model):
    _inherit = "koperasi.member"

    @api.model
    def _get_shu_base(self, members, date_from, date_to):
        """Add the members' shop purchases (confirmed orders, untaxed) as volume."""
        result = super()._get_shu_base(members, date_from, date_to)
        volumes = self._get_shop_volumes(members, date_from, date_to)
        for member in members:
            entry = result.setdefault(member.id, {"capital": 0.0, "volume": 0.0})
            entry["volume"] = entry.get("volume", 0.0) + volumes.get(member.id, 0.0)
        return result

    @api.model
    def _get_shop_volumes(self, members, date_from, date_to):
        """``{member_id: untaxed amount of the member's confirmed shop orders}``."""
        if not members:
            return {}
        partner_to_member = {m.partner_id.commercial_partner_id.id: m for m in members}
        domain = [
            ("state", "=", "sale"),
            ("website_id", "!=", False),
            ("partner_id.commercial_partner_id", "in", list(partner_to_member)),
            ("company_id", "in", members.company_id.ids),
        ]
        # Orders count on the cooperative's business date, not the UTC one.
        company = members.company_id[:1]
        if date_from:
            start, __ = business_day_bounds(
                members, fields.Date.to_date(date_from), company
            )
            domain.append(("date_order", ">=", start))
        if date_to:
            __, end = business_day_bounds(
                members, fields.Date.to_date(date_to), company
            )
            domain.append(("date_order", "<", end))
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(domain, ["partner_id"], ["amount_untaxed:sum"])
        )
        volumes = {}
        for partner, amount in groups:
            member = partner_to_member.get(partner.commercial_partner_id.id)
            if member:
                currency = member.company_id.currency_id
                volumes[member.id] = currency.round(
                    volumes.get(member.id, 0.0) + amount
                )
        return volumes

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        self.env.registry.clear_cache()  # _koperasi_active_member_id
        return members

    def write(self, vals):
        res = super().write(vals)
        if {"state", "partner_id", "company_id"} & set(vals):
            self.env.registry.clear_cache()  # _koperasi_active_member_id
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _koperasi_active_member_id
        return res

    @api.model
    def _koperasi_active_member_domain(self, partner_ids, company_id):
        """Members entitled to the member prices: the active members of the
        company whose contacts are ``partner_ids`` (commercial partners)."""
        return [
            ("partner_id", "in", list(partner_ids)),
            ("state", "=", "active"),
            ("company_id", "=", company_id),
        ]

    @api.model
    @tools.ormcache("partner_id", "company_id")
    def _koperasi_active_member_id(self, partner_id, company_id):
        """Id of the active member of the company whose commercial partner is
        ``partner_id`` (``False`` if none): asked on every shop page of a
        logged-in visitor, it is cached until a member is created, deleted or
        changes its state, contact or company."""
        domain = self._koperasi_active_member_domain([partner_id], company_id)
        return self.sudo().search(domain, limit=1).id or False

    @api.model
    def _koperasi_active_member_for_user(self, user, company):
        """The active member of ``company`` whose contact is ``user``'s."""
        if not user or user._is_public():
            return self.browse()
        return self.sudo().browse(
            self._koperasi_active_member_id(
                user.partner_id.commercial_partner_id.id, company.id
            )
        )
