from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import convert_file

from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestKopnews(HttpCase):
    """A member sees the latest published Kopnews posts of the cooperative's
    own website on /my/koperasi."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.user = mail_new_test_user(
            cls.env,
            login="kop_news_member",
            password="kop_news_member",
            name="Ibu Kabar",
            groups="base.group_portal",
        )
        cls.env["koperasi.member"].create(
            {
                "partner_id": cls.user.partner_id.id,
                "nik": "3513104101800701",
                "state": "active",
            }
        )
        cls.blog = cls.env.ref("koperasi_membership.blog_kopnews")
        now = fields.Datetime.now()

        def post(name, hours_ago, blog=cls.blog, published=True):
            return cls.env["blog.post"].create(
                {
                    "blog_id": blog.id,
                    "name": name,
                    "content": f"<p>Isi berita {name}.</p>",
                    "is_published": published,
                    "post_date": now - timedelta(hours=hours_ago),
                }
            )

        # Newer than any demo post: the page shows the three latest.
        cls.shown = post("Kabar Satu", 1) | post("Kabar Dua", 2) | post("Kabar Tiga", 3)
        cls.older = post("Kabar Lama", 4)
        cls.draft = post("Kabar Draf", 0.5, published=False)
        cls.scheduled = post("Kabar Terjadwal", -24)
        # Another cooperative, on its own website.
        other_company = cls.env["res.company"].create({"name": "Koperasi Tetangga"})
        other_website = cls.env["website"].create(
            {
                "name": "Koperasi Tetangga",
                "company_id": other_company.id,
                "domain": "https://tetangga.example.com",
            }
        )
        cls.other_blog = cls.env["blog.blog"].create(
            {"name": "Kopnews Tetangga", "website_id": other_website.id}
        )
        cls.other_website = other_website
        post("Kabar Tetangga", 0.2, blog=cls.other_blog)

    def _page(self):
        self.authenticate("kop_news_member", "kop_news_member")
        response = self.url_open("/my/koperasi")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_latest_published_posts_on_member_page(self):
        page = self._page()
        for post in self.shown:
            self.assertIn(post.name, page)
            self.assertIn(post.website_url, page)
        self.assertIn(f"Isi berita {self.shown[0].name}.", page, "the teaser")
        blog_url = f"/blog/{self.env['ir.http']._slug(self.blog)}"
        self.assertIn(f'href="{blog_url}"', page, "all the news")
        for post in self.older | self.draft | self.scheduled:
            self.assertNotIn(post.name, page)
        self.assertNotIn("Kabar Tetangga", page, "another website's news")

    def test_no_news_of_another_website(self):
        """The Kopnews blog moved to another cooperative's website: this
        website's members see none of its posts."""
        self.blog.website_id = self.other_website
        page = self._page()
        self.assertNotIn("koperasi_portal_news", page)
        self.assertNotIn(self.shown[0].name, page)

    def test_portal_user_reads_published_posts_only(self):
        """The member API reads the blog the normal way: website_blog's
        rules let a portal user read published posts only."""
        posts = (
            self.env["blog.post"]
            .with_user(self.user)
            .search([("blog_id", "=", self.blog.id)])
        )
        self.assertIn(self.shown[0], posts)
        self.assertNotIn(self.draft, posts)


@tagged("post_install", "-at_install")
class TestGoogleLogin(HttpCase):
    """'Masuk dengan Google' on the login page, once the cooperative has
    entered its Google client id."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.google = cls.env.ref("auth_oauth.provider_google")
        # Bahasa Indonesia on the website, with the label the addon sets when
        # the language is there at its installation.
        lang = cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["website"].search([]).language_ids |= lang
        convert_file(
            cls.env,
            "koperasi_membership",
            "data/auth_oauth_data.xml",
            {},
            mode="init",
            noupdate=True,
        )

    def test_no_button_without_client_id(self):
        self.assertFalse(self.google.client_id)
        page = self.url_open("/web/login").text
        self.assertNotIn("accounts.google.com", page)
        self.assertNotIn("o_auth_oauth_providers", page, "nor Odoo.com's")

    def test_button_once_client_id_set(self):
        self.google.write(
            {"client_id": "kopz-1234.apps.googleusercontent.com", "enabled": True}
        )
        page = self.url_open("/web/login").text
        self.assertIn("Log in with Google", page)
        self.assertIn("client_id=kopz-1234.apps.googleusercontent.com", page)
        self.assertIn("Masuk dengan Google", self.url_open("/id/web/login").text)
