from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from .portal import KoperasiPortal


class KoperasiShuPortal(KoperasiPortal):
    def _prepare_koperasi_portal_values(self, member):
        values = super()._prepare_koperasi_portal_values(member)
        # The portal record rule keeps the member's own, approved SHU.
        values["koperasi_shu_lines"] = request.env["koperasi.shu.member.line"].search(
            [("member_id", "=", member.id)], order="year desc"
        )
        return values

    @http.route(
        "/my/koperasi/shu/<int:line_id>", type="http", auth="user", website=True
    )
    def portal_my_koperasi_shu(self, line_id, **kw):
        """The SHU statement PDF; only the member's own approved SHU."""
        try:
            line_sudo = self._document_check_access("koperasi.shu.member.line", line_id)
        except (AccessError, MissingError):
            raise request.not_found() from None
        own = request.env["koperasi.member"]._get_member_for_user()
        if (
            not own
            or line_sudo.member_id != own
            or line_sudo.state
            not in (
                "approved",
                "posted",
                "paid",
            )
        ):
            raise request.not_found()
        return self._show_report(
            model=line_sudo,
            report_type="pdf",
            report_ref="koperasi_membership.action_report_shu_statement",
            download=True,
        )
