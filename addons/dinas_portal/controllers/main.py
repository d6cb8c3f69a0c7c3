from werkzeug.exceptions import BadRequest

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import email_normalize

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import clean_text, parse_int, parse_year
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.dinas_cooperative import COOPERATIVE_TYPES, PUBLIC_FIELDS
from ..tools import detect_file_type
from ..tools.uploads import MAX_UPLOAD_SIZE

DIRECTORY_STEP = 20
MSME_PUBLIC_FIELDS = ["name", "sector", "scale", "kecamatan", "desa", "products"]
HONEYPOT = "website_hp"


class DinasWebsite(http.Controller):
    def _company_domain(self):
        return [("company_id", "=", request.env.company.id)]

    def _is_bot(self, kw):
        """A filled-in honeypot field means an automated submission."""
        return bool(kw.get(HONEYPOT))

    def _check_challenge(self, kw):
        """The captcha-free challenge of koperasi_base's public forms."""
        request.env["koperasi.form.throttle"]._check_challenge(kw.get("kop_form_ts"))

    def _remote_addr(self):
        return request.httprequest.remote_addr

    # ------------------------------------------------------------------
    # Profile, programmes, downloads, aid recipients, statistics
    # (the gallery, news comments and contact page: site_content.py)
    # ------------------------------------------------------------------
    @http.route("/dinas", type="http", auth="public", website=True, sitemap=True)
    def dinas_home(self, **kw):
        programmes = (
            request.env["dinas.programme"]
            .sudo()
            .search(
                [*self._company_domain(), ("website_published", "=", True)], limit=12
            )
        )
        return request.render(
            "dinas_portal.dinas_home",
            {
                "programmes": programmes,
                "company": request.env.company,
                "links": request.env["dinas.link"]._website_links(),
            },
        )

    @http.route("/dinas/unduhan", type="http", auth="public", website=True)
    def dinas_downloads(self, **kw):
        downloads = (
            request.env["dinas.download"]
            .sudo()
            .search([*self._company_domain(), ("website_published", "=", True)])
        )
        categories = downloads.category_id
        return request.render(
            "dinas_portal.dinas_downloads",
            {"categories": categories, "downloads": downloads},
        )

    @http.route(
        "/dinas/unduhan/<int:download_id>", type="http", auth="public", website=True
    )
    def dinas_download_file(self, download_id, **kw):
        download = request.env["dinas.download"].sudo().browse(download_id).exists()
        if (
            not download
            or not download.website_published
            or download.company_id != request.env.company
        ):
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(
                download, "file", filename=download.filename or download.name
            )
            .get_response(as_attachment=True)
        )

    @http.route("/dinas/bantuan", type="http", auth="public", website=True)
    def dinas_aid(self, year=None, **kw):
        domain = [*self._company_domain(), ("website_published", "=", True)]
        try:
            year = parse_year(request.env, year, minimum=1945)
        except ValidationError as exc:
            raise BadRequest(exc.args[0]) from None
        if year:
            domain.append(("year", "=", year))
        recipients = request.env["dinas.aid.recipient"].sudo().search(domain, limit=500)
        return request.render(
            "dinas_portal.dinas_aid", {"recipients": recipients, "year": year}
        )

    @http.route("/dinas/jajak-pendapat", type="http", auth="public", website=True)
    def dinas_polls(self, **kw):
        surveys = (
            request.env["survey.survey"]
            .sudo()
            .search(
                [
                    ("dinas_published", "=", True),
                    ("active", "=", True),
                    ("access_mode", "=", "public"),
                ]
            )
        )
        return request.render("dinas_portal.dinas_polls", {"surveys": surveys})

    @http.route("/dinas/statistik", type="http", auth="public", website=True)
    def dinas_statistics(self, year=None, **kw):
        this_year = business_today(request.env["res.company"]).year
        try:
            year = parse_year(
                request.env,
                year,
                minimum=2000,
                maximum=this_year + 1,
                default=this_year,
            )
        except ValidationError as exc:
            raise BadRequest(exc.args[0]) from None
        stats = request.env["dinas.letter.request"]._get_statistics(year)
        return request.render("dinas_portal.dinas_statistics", {"stats": stats})

    # ------------------------------------------------------------------
    # Directory
    # ------------------------------------------------------------------
    def _directory_domain(self, kind, search, kecamatan, category):
        domain = [
            *self._company_domain(),
            ("website_published", "=", True),
            ("active", "=", True),
        ]
        if kind == "koperasi":
            domain.append(("status", "!=", "dissolved"))
            if category in dict(COOPERATIVE_TYPES):
                domain.append(("cooperative_type", "=", category))
        elif category:
            domain.append(("sector", "=", category))
        if search:
            domain.append(("name", "ilike", search))
        if kecamatan:
            domain.append(("kecamatan", "=", kecamatan))
        return domain

    @http.route(
        [
            "/dinas/direktori",
            "/dinas/direktori/page/<int:page>",
        ],
        type="http",
        auth="public",
        website=True,
    )
    def dinas_directory(
        self, page=1, kind="koperasi", search="", kecamatan="", category="", **kw
    ):
        kind = "umkm" if kind == "umkm" else "koperasi"
        try:
            page = parse_int(request.env, page, minimum=1, maximum=100000, default=1)
        except ValidationError as exc:
            raise BadRequest(exc.args[0]) from None
        try:
            search = clean_text(request.env, search, max_length=100)
            kecamatan = clean_text(request.env, kecamatan, max_length=100)
            category = clean_text(request.env, category, max_length=40)
        except ValidationError as exc:
            raise BadRequest(exc.args[0]) from None
        model = "dinas.cooperative" if kind == "koperasi" else "dinas.msme"
        Model = request.env[model].sudo()
        domain = self._directory_domain(kind, search, kecamatan, category)
        total = Model.search_count(domain)
        pager = portal_pager(
            url="/dinas/direktori",
            total=total,
            page=page,
            step=DIRECTORY_STEP,
            url_args={
                "kind": kind,
                "search": search,
                "kecamatan": kecamatan,
                "category": category,
            },
        )
        field_names = PUBLIC_FIELDS if kind == "koperasi" else MSME_PUBLIC_FIELDS
        records = Model.search_fetch(
            domain,
            field_names,
            offset=pager["offset"],
            limit=DIRECTORY_STEP,
            order="name, id",
        )
        kecamatans = [
            name
            for (name,) in Model._read_group(
                [*self._company_domain(), ("website_published", "=", True)],
                ["kecamatan"],
                order="kecamatan",
            )
            if name
        ]
        # Translated labels, in the visitor's language.
        categories = Model._fields[
            "cooperative_type" if kind == "koperasi" else "sector"
        ]._description_selection(request.env)
        return request.render(
            "dinas_portal.dinas_directory",
            {
                "kind": kind,
                "records": records,
                "pager": pager,
                "total": total,
                "search": search,
                "kecamatan": kecamatan,
                "kecamatans": kecamatans,
                "category": category,
                "categories": categories,
                "type_labels": dict(
                    Model._fields[
                        "cooperative_type" if kind == "koperasi" else "sector"
                    ]._description_selection(request.env)
                ),
                "scale_labels": dict(
                    request.env["dinas.msme"]
                    ._fields["scale"]
                    ._description_selection(request.env)
                ),
            },
        )

    @http.route(
        "/dinas/direktori/<string:kind>/<int:record_id>",
        type="http",
        auth="public",
        website=True,
    )
    def dinas_directory_detail(self, kind, record_id, **kw):
        if kind not in ("koperasi", "umkm"):
            raise request.not_found()
        model = "dinas.cooperative" if kind == "koperasi" else "dinas.msme"
        domain = [
            *self._directory_domain(kind, "", "", ""),
            ("id", "=", record_id),
        ]
        field_names = PUBLIC_FIELDS if kind == "koperasi" else MSME_PUBLIC_FIELDS
        record = request.env[model].sudo().search_fetch(domain, field_names, limit=1)
        if not record:
            raise request.not_found()
        Model = request.env[model]
        label_field = "cooperative_type" if kind == "koperasi" else "sector"
        return request.render(
            "dinas_portal.dinas_directory_detail",
            {
                "kind": kind,
                "record": record,
                "type_labels": dict(
                    Model._fields[label_field]._description_selection(request.env)
                ),
                "type_value": record[label_field],
            },
        )

    # ------------------------------------------------------------------
    # Letter verification
    # ------------------------------------------------------------------
    @http.route(
        "/dinas/verifikasi/<string:token>", type="http", auth="public", website=True
    )
    def dinas_verify(self, token, **kw):
        letter = request.env["dinas.letter.request"]._get_by_verification_token(token)
        if not letter:
            raise request.not_found()
        return request.render("dinas_portal.dinas_verify", {"letter": letter})

    # ------------------------------------------------------------------
    # Public consultation and guestbook
    # ------------------------------------------------------------------
    @http.route("/dinas/konsultasi", type="http", auth="public", website=True)
    def dinas_consultation(self, **kw):
        error = success = None
        values = {}
        if request.httprequest.method == "POST":
            values = {
                key: kw.get(key, "")
                for key in ("name", "question", "asker_name", "email")
            }
            values["allow_publish"] = bool(kw.get("allow_publish"))
            if self._is_bot(kw):
                success = True
            else:
                try:
                    self._check_challenge(kw)
                    with request.env.cr.savepoint():
                        request.env["dinas.consultation"]._create_from_website(
                            values,
                            partner=None
                            if request.env.user._is_public()
                            else request.env.user.partner_id,
                            ip_address=self._remote_addr(),
                        )
                    success = True
                    values = {}
                except ValidationError as exc:
                    error = exc.args[0]
        published = (
            request.env["dinas.consultation"]
            .sudo()
            .search_fetch(
                [*self._company_domain(), ("website_published", "=", True)],
                ["name", "question", "answer", "asker_name", "answer_date"],
                limit=50,
            )
        )
        return request.render(
            "dinas_portal.dinas_consultation",
            {
                "consultations": published,
                "error": error,
                "success": success,
                "values": values,
            },
        )

    @http.route("/dinas/bukutamu", type="http", auth="public", website=True)
    def dinas_guestbook(self, **kw):
        error = success = None
        values = {}
        if request.httprequest.method == "POST":
            values = {key: kw.get(key, "") for key in ("name", "email", "message")}
            if self._is_bot(kw):
                success = True
            else:
                try:
                    self._check_challenge(kw)
                    request.env["dinas.guestbook"]._create_from_website(
                        values, ip_address=self._remote_addr()
                    )
                    success = True
                    values = {}
                except ValidationError as exc:
                    error = exc.args[0]
        entries = (
            request.env["dinas.guestbook"]
            .sudo()
            .search_fetch(
                [*self._company_domain(), ("state", "=", "approved")],
                ["name", "message", "create_date"],
                limit=50,
            )
        )
        return request.render(
            "dinas_portal.dinas_guestbook",
            {"entries": entries, "error": error, "success": success, "values": values},
        )

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------
    @http.route("/dinas/daftar", type="http", auth="public", website=True)
    def dinas_register(self, **kw):
        error = success = None
        fields_ = (
            "applicant_type",
            "name",
            "contact_name",
            "email",
            "phone",
            "legal_number",
            "nik_koperasi",
            "cooperative_type",
            "nib",
            "kecamatan",
            "desa",
        )
        values = {}
        if request.httprequest.method == "POST":
            values = {key: kw.get(key) or "" for key in fields_}
            if self._is_bot(kw):
                success = True
            else:
                try:
                    self._check_challenge(kw)
                    # Counted before any upload is read.
                    request.env["dinas.registration"]._check_rate_limit(
                        self._remote_addr()
                    )
                    files = [
                        (upload.filename, upload.read(MAX_UPLOAD_SIZE + 1))
                        for upload in request.httprequest.files.getlist("documents")[
                            :10
                        ]
                        if upload.filename
                    ]
                    with request.env.cr.savepoint():
                        self._create_registration(values, files)
                    success = True
                    values = {}
                except (ValidationError, UserError) as exc:
                    error = exc.args[0]
        return request.render(
            "dinas_portal.dinas_register",
            {
                "error": error,
                "success": success,
                "values": values,
                "cooperative_types": request.env["dinas.registration"]
                ._fields["cooperative_type"]
                ._description_selection(request.env),
            },
        )

    def _create_registration(self, values, files):
        env = request.env
        for key, value in values.items():
            values[key] = clean_text(env, value, max_length=200)
        if values["applicant_type"] not in ("cooperative", "msme"):
            raise ValidationError(env._("Please choose cooperative or MSME."))
        if not values["name"] or not values["contact_name"]:
            raise ValidationError(
                env._("Please give the name of the organisation and the contact.")
            )
        if not email_normalize(values["email"]):
            raise ValidationError(env._("The e-mail address is not valid."))
        if values["cooperative_type"] not in dict(COOPERATIVE_TYPES):
            values["cooperative_type"] = False
        for filename, data in files:
            if len(data) > MAX_UPLOAD_SIZE or not detect_file_type(data):
                raise ValidationError(
                    env._(
                        "The document %(name)s must be a PDF, PNG or JPEG of at most 5 MB.",
                        name=filename,
                    )
                )
        Registration = env["dinas.registration"]
        registration = Registration.sudo().create(
            {
                **values,
                "ip_address": self._remote_addr(),
                "company_id": env.company.id,
            }
        )
        if files:
            attachments = (
                env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": filename,
                            "raw": data,
                            "mimetype": detect_file_type(data),
                            "res_model": "dinas.registration",
                            "res_id": registration.id,
                        }
                        for filename, data in files
                    ]
                )
            )
            registration.attachment_ids = [fields.Command.set(attachments.ids)]
        return registration
