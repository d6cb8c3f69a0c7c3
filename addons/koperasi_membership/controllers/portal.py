from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class KoperasiPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "koperasi_member_count" in counters:
            member = request.env["koperasi.member"]._get_member_for_user()
            values["koperasi_member_count"] = 1 if member else 0
        return values

    def _prepare_koperasi_portal_values(self, member):
        """Values of the /my/koperasi page; other addons add theirs."""
        return {"member": member, "page_name": "koperasi"}

    @http.route("/my/koperasi", type="http", auth="user", website=True)
    def portal_my_koperasi(self, **kw):
        member = request.env["koperasi.member"]._get_member_for_user()
        if not member:
            return request.redirect("/my")
        # Read through the portal record rules, never with sudo.
        member = member.sudo(False).with_user(request.env.user)
        values = self._prepare_home_portal_values([])
        values.update(self._prepare_koperasi_portal_values(member))
        return request.render("koperasi_membership.portal_my_koperasi", values)
