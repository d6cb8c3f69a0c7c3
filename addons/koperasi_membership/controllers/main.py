from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools
from odoo.addons.koperasi_base.tools.inputs import parse_ids, printable

# Attempts an hour from one address: people retry after a typo.
REGISTRATION_LIMIT = 20
REGISTRATION_FIELDS = (
    "name",
    "nik",
    "email",
    "phone",
    "street",
    "city",
    "gender",
    "birth_date",
    "occupation",
    "member_group_id",
)


class KoperasiWebsite(http.Controller):
    def _registration_values(self, company, values=None, errors=None):
        groups = (
            request.env["koperasi.member.group"]
            .sudo()
            .search([("company_id", "=", company.id)])
        )
        return {
            "values": values or {},
            "errors": errors or {},
            "member_groups": groups,
        }

    @http.route(
        "/koperasi/daftar",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
    )
    def registration_form(self, **kw):
        company = request.website.company_id
        return request.render(
            "koperasi_membership.registration_form",
            self._registration_values(company),
        )

    @http.route(
        "/koperasi/daftar",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def registration_submit(self, **post):
        company = request.website.company_id
        # Honeypot: a field hidden from people, filled by robots.
        if post.get("website_url"):
            return request.render("koperasi_membership.registration_done", {})
        values = {key: post.get(key) or "" for key in REGISTRATION_FIELDS}
        try:
            request.env["koperasi.form.throttle"]._check_challenge(
                post.get("kop_form_ts")
            )
            # Counted before the photo is read.
            request.env["koperasi.form.throttle"]._hit(
                "koperasi.member.registration",
                request.httprequest.remote_addr,
                REGISTRATION_LIMIT,
            )
        except ValidationError as exc:
            return request.render(
                "koperasi_membership.registration_form",
                self._registration_values(
                    company,
                    {key: printable(value, 256) for key, value in values.items()},
                    {"form": exc.args[0]},
                ),
            )
        upload = post.get("id_photo")
        photo = b""
        filename = ""
        if upload and hasattr(upload, "read"):
            photo = upload.read(5 * 1024 * 1024 + 1)
            filename = upload.filename or ""
        __, errors = request.env["koperasi.member"]._website_register(
            values, photo, filename, company
        )
        if errors:
            shown = {key: printable(value, 256) for key, value in values.items()}
            return request.render(
                "koperasi_membership.registration_form",
                self._registration_values(company, shown, errors),
            )
        # The same answer whether or not the NIK was already a member's.
        return request.render("koperasi_membership.registration_done", {})

    @http.route(
        "/koperasi/verifikasi/<string:token>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def verify_card(self, token, **kw):
        if not token or len(token) < 40 or len(token) > 64:
            raise request.not_found()
        member_sudo = (
            request.env["koperasi.member"]
            .sudo()
            .search([("card_token", "=", token)], limit=1)
        )
        if not member_sudo:
            raise request.not_found()
        states = dict(member_sudo._fields["state"]._description_selection(request.env))
        return request.render(
            "koperasi_membership.card_verification",
            {
                "card_name": member_sudo.name,
                "card_number": member_sudo.member_number,
                "card_state": member_sudo.state,
                "card_state_label": states[member_sudo.state],
            },
        )

    @http.route(
        "/koperasi/export/<string:report>", type="http", auth="user", methods=["GET"]
    )
    def export_xlsx(self, report, ids="", **kw):
        user = request.env.user
        if not user.has_group("koperasi_membership.group_koperasi_user"):
            raise request.not_found()
        if report not in ("register", "capital"):
            raise request.not_found()
        Member = request.env["koperasi.member"]
        try:
            member_ids = parse_ids(request.env, ids)
        except ValidationError:
            raise request.not_found() from None
        members = Member.browse(member_ids) if member_ids else Member.search([])
        members = members.exists()
        members.check_access("read")
        if report == "register":
            title, headers, rows = members._get_register_xlsx_data()
            filename = "buku_daftar_anggota.xlsx"
        else:
            title, headers, rows = members._get_capital_xlsx_data()
            filename = "laporan_modal_anggota.xlsx"
        content = xlsx_tools.build_workbook(title, headers, rows)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", xlsx_tools.CONTENT_TYPE),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
