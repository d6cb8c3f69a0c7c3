from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools.inputs import clean_token
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# Profile fields a member may edit on its own registry record.
COOPERATIVE_PROFILE_FIELDS = ("address", "desa", "member_count")
MSME_PROFILE_FIELDS = ("owner_name", "products", "desa")


class DinasPortal(CustomerPortal):
    _items_per_page = 20

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "surat_count" in counters:
            Letter = request.env["dinas.letter.request"]
            values["surat_count"] = (
                Letter.search_count([]) if Letter.has_access("read") else 0
            )
        if "pengumuman_count" in counters:
            Announcement = request.env["dinas.announcement"]
            values["pengumuman_count"] = (
                Announcement.search_count(self._announcement_domain())
                if Announcement.has_access("read")
                else 0
            )
        if "konsultasi_count" in counters:
            Consultation = request.env["dinas.consultation"]
            values["konsultasi_count"] = (
                Consultation.search_count([]) if Consultation.has_access("read") else 0
            )
        return values

    def _dinas_registry(self):
        """The registry records of the logged-in member (sudo)."""
        commercial = request.env.user.partner_id.commercial_partner_id.sudo()
        company = request.env.company
        return (
            commercial.dinas_cooperative_ids.filtered(
                lambda c: c.company_id == company
            )[:1],
            commercial.dinas_msme_ids.filtered(lambda m: m.company_id == company)[:1],
        )

    # ------------------------------------------------------------------
    # Letters
    # ------------------------------------------------------------------
    @http.route(
        ["/my/surat", "/my/surat/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_letters(self, page=1, **kw):
        Letter = request.env["dinas.letter.request"]
        count = Letter.search_count([])
        pager = portal_pager(
            url="/my/surat", total=count, page=page, step=self._items_per_page
        )
        letters = Letter.search(
            [], limit=self._items_per_page, offset=pager["offset"], order="id desc"
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "letters": letters,
                "pager": pager,
                "page_name": "surat",
                "default_url": "/my/surat",
            }
        )
        return request.render("dinas_portal.portal_my_letters", values)

    def _letter_form_values(self, error=None, values=None):
        values = values or {}
        result = self._prepare_portal_layout_values()
        result.update(
            {
                "letter_types": request.env["dinas.letter.type"].search(
                    [("company_id", "=", request.env.company.id)]
                ),
                "error": error,
                "values": values,
                "page_name": "surat_new",
            }
        )
        return result

    @http.route("/my/surat/new", type="http", auth="user", website=True)
    def portal_letter_new(self, **kw):
        if not request.env.user._is_portal() and not request.env.user._is_internal():
            raise AccessError(request.env._("Only members can request letters."))
        if request.httprequest.method != "POST":
            partner = request.env.user.partner_id
            return request.render(
                "dinas_portal.portal_letter_new",
                self._letter_form_values(
                    values={"addressee": partner.commercial_partner_id.name}
                ),
            )
        values = {
            key: kw.get(key, "")
            for key in ("letter_type_id", "purpose", "details", "addressee")
        }
        files = [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist("attachments")
            if upload.filename
        ]
        try:
            with request.env.cr.savepoint():
                letter = request.env["dinas.letter.request"]._create_from_portal(
                    request.env.user.partner_id, values, files
                )
        except ValidationError as error:
            return request.render(
                "dinas_portal.portal_letter_new",
                self._letter_form_values(error=error.args[0], values=values),
            )
        return request.redirect(f"/my/surat/{letter.id}")

    @http.route("/my/surat/<int:letter_id>", type="http", auth="public", website=True)
    def portal_my_letter(
        self, letter_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            letter_sudo = self._document_check_access(
                "dinas.letter.request",
                letter_id,
                access_token=clean_token(access_token),
            )
        except MissingError as exc:
            raise NotFound() from exc
        except AccessError as exc:
            raise Forbidden() from exc
        if report_type in ("html", "pdf", "text"):
            if letter_sudo.state != "issued":
                raise request.not_found()
            return self._show_report(
                model=letter_sudo,
                report_type=report_type,
                report_ref="dinas_portal.action_report_dinas_letter",
                download=download,
            )
        values = self._get_page_view_values(
            letter_sudo,
            access_token,
            {"page_name": "surat"},
            "my_letters_history",
            False,
        )
        values["letter"] = letter_sudo
        return request.render("dinas_portal.portal_my_letter", values)

    # ------------------------------------------------------------------
    # Announcements for the registered cooperatives and MSMEs
    # ------------------------------------------------------------------
    @staticmethod
    def _announcement_domain():
        # The record rules keep a member's own audience; the company the
        # portal is opened on, and published announcements only.
        return [
            ("state", "=", "published"),
            ("company_id", "=", request.env.company.id),
        ]

    @http.route(
        ["/my/pengumuman", "/my/pengumuman/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_announcements(self, page=1, **kw):
        Announcement = request.env["dinas.announcement"]
        if not Announcement.has_access("read"):
            raise request.not_found()
        domain = self._announcement_domain()
        count = Announcement.search_count(domain)
        pager = portal_pager(
            url="/my/pengumuman", total=count, page=page, step=self._items_per_page
        )
        announcements = Announcement.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "announcements": announcements,
                "pager": pager,
                "page_name": "pengumuman",
                "default_url": "/my/pengumuman",
            }
        )
        return request.render("dinas_portal.portal_my_announcements", values)

    @http.route(
        "/my/pengumuman/<int:announcement_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_announcement(self, announcement_id, **kw):
        Announcement = request.env["dinas.announcement"]
        if not Announcement.has_access("read"):
            raise request.not_found()
        announcement = Announcement.search(
            [("id", "=", announcement_id), *self._announcement_domain()], limit=1
        )
        if not announcement:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"announcement": announcement, "page_name": "pengumuman"})
        return request.render("dinas_portal.portal_my_announcement", values)

    # ------------------------------------------------------------------
    # Private consultations
    # ------------------------------------------------------------------
    @http.route("/my/konsultasi", type="http", auth="user", website=True)
    def portal_my_consultations(self, **kw):
        Consultation = request.env["dinas.consultation"]
        error = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    Consultation._create_from_website(
                        {
                            "name": kw.get("name"),
                            "question": kw.get("question"),
                            "is_private": True,
                        },
                        partner=request.env.user.partner_id,
                        ip_address=request.httprequest.remote_addr,
                    )
                return request.redirect("/my/konsultasi")
            except ValidationError as exc:
                error = exc.args[0]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "consultations": Consultation.search([], limit=100),
                "page_name": "konsultasi",
                "error": error,
            }
        )
        return request.render("dinas_portal.portal_my_consultations", values)

    # ------------------------------------------------------------------
    # Profile of the registry record and RAT reports
    # ------------------------------------------------------------------
    @http.route("/my/profil", type="http", auth="user", website=True)
    def portal_my_profile(self, **kw):
        cooperative, msme = self._dinas_registry()
        if not cooperative and not msme:
            raise request.not_found()
        error = success = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    if cooperative:
                        cooperative._write_from_portal(kw)
                    else:
                        msme._write_from_portal(kw)
                success = True
            except ValidationError as exc:
                error = exc.args[0]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "cooperative": cooperative,
                "msme": msme,
                "error": error,
                "success": success,
                "page_name": "profil",
            }
        )
        return request.render("dinas_portal.portal_my_profile", values)

    @http.route("/my/rat", type="http", auth="user", website=True)
    def portal_my_rat(self, **kw):
        cooperative, _msme = self._dinas_registry()
        if not cooperative:
            raise request.not_found()
        error = None
        if request.httprequest.method == "POST":
            upload = request.httprequest.files.get("report_file")
            try:
                with request.env.cr.savepoint():
                    request.env["dinas.rat.report"]._create_from_portal(
                        cooperative,
                        kw,
                        (upload.filename, upload.read())
                        if upload and upload.filename
                        else None,
                    )
                return request.redirect("/my/rat")
            except ValidationError as exc:
                error = exc.args[0]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "cooperative": cooperative,
                "reports": cooperative.rat_report_ids,
                "error": error,
                "values": kw,
                "page_name": "rat",
            }
        )
        return request.render("dinas_portal.portal_my_rat", values)
