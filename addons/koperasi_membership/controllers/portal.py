from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
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
        """Values of the /my/koperasi page; other addons add theirs.

        ``member`` is read with the portal user's rights. Dues are read in one
        query whatever the length of the history.
        """
        dues = request.env["koperasi.capital.due"].search(
            [("member_id", "=", member.id)], order="period_date desc, kind, id desc"
        )
        return {
            "member": member,
            "page_name": "koperasi",
            "koperasi_dues": dues,
            "koperasi_card_url": f"/my/koperasi/card/{member.id}",
            **self._prepare_koperasi_news_values(),
        }

    def _prepare_koperasi_news_values(self, limit=3):
        """The latest Kopnews posts of the current website for /my/koperasi.

        Read as the member, through website_blog's rules, in one query that
        fetches what the page shows; none when the blog is another website's.
        """
        Post = request.env["blog.post"]
        blog_id = request.env["ir.model.data"]._xmlid_to_res_id(
            "koperasi_membership.blog_kopnews"
        )
        posts = Post
        if blog_id:
            posts = Post.search_fetch(
                [
                    ("blog_id", "=", blog_id),
                    ("is_published", "=", True),
                    ("post_date", "<=", fields.Datetime.now()),
                    *request.website.website_domain(),
                ],
                [
                    "name",
                    "seo_name",
                    "post_date",
                    "teaser_manual",
                    "content",
                    "blog_id",
                ],
                order="post_date desc, id desc",
                limit=limit,
            )
        return {
            "koperasi_news_posts": posts,
            "koperasi_news_blog": posts.blog_id[:1],
        }

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

    @http.route(
        "/my/koperasi/card/<int:member_id>", type="http", auth="user", website=True
    )
    def portal_my_koperasi_card(self, member_id, **kw):
        """The member card PDF; only the member's own card."""
        try:
            member_sudo = self._document_check_access("koperasi.member", member_id)
        except (AccessError, MissingError):
            raise request.not_found() from None
        own = request.env["koperasi.member"]._get_member_for_user()
        if member_sudo != own:
            raise request.not_found()
        return self._show_report(
            model=member_sudo,
            report_type="pdf",
            report_ref="koperasi_membership.action_report_member_card",
            download=True,
        )
