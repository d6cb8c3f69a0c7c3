from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.koperasi_base.tools.inputs import MAX_ID, parse_int
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .main import HONEYPOT

ALBUM_STEP = 12
COMMENT_FIELDS = ("name", "email", "message")


class DinasSiteContent(http.Controller):
    """The Dinas news (the company's news blog) and its moderated comments,
    the photo albums and the contact page."""

    def _company_domain(self):
        return [("company_id", "=", request.env.company.id)]

    # ------------------------------------------------------------------
    # News
    # ------------------------------------------------------------------
    @http.route("/dinas/berita", type="http", auth="public", website=True)
    def dinas_news(self, **kw):
        """The News link of the Dinas site: the company's news blog."""
        blog = request.env.company.sudo().dinas_blog_id
        if blog and blog.with_env(request.env).can_access_from_current_website():
            return request.redirect(f"/blog/{request.env['ir.http']._slug(blog)}")
        return request.redirect("/blog")

    def _news_post(self, post_id):
        """The published news post a visitor may comment on, or 404."""
        post = request.env["blog.post"].search(
            [("id", "=", post_id), ("website_published", "=", True)], limit=1
        )
        if not post or not post._dinas_accepts_comments():
            raise request.not_found()
        return post

    @http.route(
        "/dinas/berita/<int:post_id>/komentar",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def dinas_news_comment(self, post_id, **kw):
        """The comment form of a news post (shown under the post; this page
        answers the form with its error, and is the form without script)."""
        post = self._news_post(post_id)
        user = request.env.user
        partner = None if user._is_public() else user.partner_id
        error = None
        values = {}
        if request.httprequest.method == "POST":
            values = {key: kw.get(key, "") for key in COMMENT_FIELDS}
            if kw.get(HONEYPOT):
                return request.redirect(self._comment_sent_url(post))
            try:
                request.env["koperasi.form.throttle"]._check_challenge(
                    kw.get("kop_form_ts")
                )
                with request.env.cr.savepoint():
                    request.env["dinas.news.comment"]._create_from_website(
                        post,
                        values,
                        partner=partner,
                        ip_address=request.httprequest.remote_addr,
                    )
                return request.redirect(self._comment_sent_url(post))
            except ValidationError as exc:
                error = exc.args[0]
        elif partner:
            values = {"name": partner.name, "email": partner.email or ""}
        return request.render(
            "dinas_portal.dinas_news_comment_page",
            {"blog_post": post, "error": error, "values": values},
        )

    @staticmethod
    def _comment_sent_url(post):
        return f"{post.website_url}?komentar=terkirim#o_dinas_comments"

    # ------------------------------------------------------------------
    # Gallery
    # ------------------------------------------------------------------
    def _album_domain(self):
        return [
            *self._company_domain(),
            ("is_published", "=", True),
            *request.website.website_domain(),
        ]

    @http.route(
        ["/dinas/galeri", "/dinas/galeri/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        sitemap=True,
    )
    def dinas_gallery(self, page=1, **kw):
        try:
            page = parse_int(request.env, page, minimum=1, maximum=100000, default=1)
        except ValidationError as exc:
            raise BadRequest(exc.args[0]) from None
        # sudo: visitors have no access to the albums; the domain keeps the
        # published albums of this website and company.
        Album = request.env["dinas.album"].sudo()
        domain = self._album_domain()
        total = Album.search_count(domain)
        pager = portal_pager(
            url="/dinas/galeri", total=total, page=page, step=ALBUM_STEP
        )
        albums_sudo = Album.search(domain, offset=pager["offset"], limit=ALBUM_STEP)
        pictures = (
            request.env["dinas.programme"]
            .sudo()
            .search_fetch(
                [
                    *self._company_domain(),
                    ("website_published", "=", True),
                    ("show_in_gallery", "=", True),
                ],
                ["name"],
                limit=60,
            )
            if page == 1
            else request.env["dinas.programme"]
        )
        return request.render(
            "dinas_portal.dinas_gallery",
            {"albums": albums_sudo, "pager": pager, "pictures": pictures},
        )

    @http.route(
        "/dinas/galeri/<string:album>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def dinas_album(self, album, **kw):
        __, album_id = request.env["ir.http"]._unslug(album)
        if not album_id or not 0 < album_id <= MAX_ID:
            raise request.not_found()
        album_sudo = (
            request.env["dinas.album"]
            .sudo()
            .search([("id", "=", album_id), *self._album_domain()], limit=1)
        )
        if not album_sudo:
            raise request.not_found()
        if album != request.env["ir.http"]._slug(album_sudo):
            return request.redirect(album_sudo.website_url, code=301)
        return request.render(
            "dinas_portal.dinas_album",
            {"album": album_sudo, "photos": album_sudo.photo_ids},
        )

    # ------------------------------------------------------------------
    # Contact
    # ------------------------------------------------------------------
    @http.route("/dinas/kontak", type="http", auth="public", website=True)
    def dinas_contact(self, **kw):
        # sudo: the office's public address card, shown to every visitor.
        company_sudo = request.env.company.sudo()
        return request.render(
            "dinas_portal.dinas_contact",
            {
                "company": company_sudo,
                "contact": company_sudo._dinas_contact(),
                "map_link": company_sudo._dinas_map_link(),
                "links": request.env["dinas.link"]._website_links(),
                "values": {},
            },
        )
