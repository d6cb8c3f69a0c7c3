import re
from datetime import timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalCost(HttpCase):
    """At month-end every member opens /my/koperasi at once: the page costs
    about what Odoo's own /my costs, and no more for a longer history."""

    def _hot_count(self, url):
        for _i in range(3):
            self.assertEqual(self.url_open(url).status_code, 200)
        count0 = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - count0

    def test_member_page_costs_what_odoo_portal_costs(self):
        member = self.env.ref("koperasi_membership.member_siti_aminah")
        self.authenticate("siti.aminah", "siti.aminah")
        odoo_page = self._hot_count("/my")
        ours = self._hot_count("/my/koperasi")
        self.assertGreater(odoo_page, 5, "the queries are counted")
        self.assertLessEqual(
            ours, odoo_page * 1.2, f"/my/koperasi: {ours} queries, /my: {odoo_page}"
        )
        # A longer history is read in the same queries: one more year of
        # unpaid dues, then two more.
        Due = self.env["koperasi.capital.due"]
        first = min(member.due_ids.mapped("period_date") or [member.join_date])

        def older_dues(start, count):
            Due.create(
                [
                    {
                        "member_id": member.id,
                        "kind": "wajib",
                        "period_date": first - relativedelta(months=months),
                        "amount": 25000,
                    }
                    for months in range(start, start + count)
                ]
            )
            self.env.flush_all()

        older_dues(1, 12)
        year = self._hot_count("/my/koperasi")
        older_dues(13, 24)
        self.assertEqual(self._hot_count("/my/koperasi"), year)

    def test_layout_describes_three_fields_of_the_main_object(self):
        """The website layout asks whether a logged-in visitor may publish,
        edit or optimise the page's main object: it describes the three
        fields concerned, not every field of the object at each question,
        and the page says the same as before to a member and to an editor."""
        post = self.env["blog.post"].create(
            {
                "name": "Rapat Anggota Tahunan",
                "blog_id": self.env.ref("koperasi_membership.blog_kopnews").id,
                "is_published": True,
                # Published an hour ago: website_blog shows a post to
                # readers once its date, to the second, has passed.
                "post_date": fields.Datetime.now() - timedelta(hours=1),
            }
        )
        url = f"/blog/{self.env['ir.http']._slug(post.blog_id)}/{self.env['ir.http']._slug(post)}"
        described = []
        describe = fields.Field.get_description

        def spy(field, env, attributes=None):
            if field.model_name == "blog.post":
                described.append(field.name)
            return describe(field, env, attributes=attributes)

        def html_tag(login):
            self.authenticate(login, login)
            self.url_open(url)  # warm
            described.clear()
            with patch.object(fields.Field, "get_description", spy):
                page = self.url_open(url)
            self.assertEqual(page.status_code, 200)
            tag = re.search(r"<html[^>]*>", page.text).group(0)
            self.assertIn(f'data-main-object="blog.post({post.id},)"', tag)
            return tag

        member_tag = html_tag("siti.aminah")
        self.assertIn('data-is-published="True"', member_tag)
        self.assertIn('data-can-optimize-seo="True"', member_tag)
        self.assertNotIn("data-can-publish", member_tag)
        self.assertLessEqual(
            len(described), 3, f"{len(described)} fields of blog.post described"
        )
        new_test_user(
            self.env,
            login="redaksi",
            password="redaksi",
            groups="base.group_user,website.group_website_designer",
        )
        editor_tag = html_tag("redaksi")
        self.assertIn('data-can-publish="True"', editor_tag)
        self.assertIn('data-editable-in-backend="True"', editor_tag)
        self.assertLessEqual(len(described), 3)
