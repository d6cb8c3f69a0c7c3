import base64
import io

from lxml import html
from PIL import Image

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


def _jpeg(color):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), color).save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue())


class DinasSiteContentCommon(HttpCase):
    """A news blog with a post, albums and links of the Dinas website."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # People take seconds to fill a form; these tests post at once.
        cls.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 0
        )
        cls.company = cls.env.company
        cls.blog = cls.env["blog.blog"].create({"name": "Berita Dinas Uji"})
        cls.company.dinas_blog_id = cls.blog
        cls.post = cls.env["blog.post"].create(
            {
                "blog_id": cls.blog.id,
                "name": "Rapat koordinasi tur koperasi",
                "content": "<p>Rapat koordinasi pengurus koperasi.</p>",
                "is_published": True,
            }
        )
        cls.album = cls.env["dinas.album"].create(
            {
                "name": "Album Tur Pameran",
                "description": "Pameran produk UMKM",
                "is_published": True,
                "photo_ids": [
                    (0, 0, {"image": _jpeg("red"), "caption": "Stan kerupuk lele"}),
                    (0, 0, {"image": _jpeg("blue"), "caption": "Stan batik"}),
                ],
            }
        )


@tagged("post_install", "-at_install")
class TestSiteContent(DinasSiteContentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = mail_new_test_user(
            cls.env,
            login="dns_sc_staff",
            groups="dinas_portal.group_dinas_portal_user",
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="dns_sc_head",
            groups="dinas_portal.group_dinas_portal_officer",
        )
        cls.employee = mail_new_test_user(
            cls.env, login="dns_sc_employee", groups="base.group_user"
        )
        cls.coop_user = mail_new_test_user(
            cls.env,
            login="dns_sc_coop",
            password="dns_sc_coop",
            email="pengurus@kud-uji.example.com",
            groups="base.group_portal",
        )
        cls.msme_user = mail_new_test_user(
            cls.env,
            login="dns_sc_msme",
            password="dns_sc_msme",
            email="pemilik@umkm-uji.example.com",
            groups="base.group_portal",
        )
        cls.env["dinas.cooperative"].create(
            {"name": "KUD Uji Pengumuman", "partner_id": cls.coop_user.partner_id.id}
        )
        cls.env["dinas.msme"].create(
            {
                "name": "UMKM Uji Pengumuman",
                "nib": "9999000000777",
                "partner_id": cls.msme_user.partner_id.id,
            }
        )

    def _form(self, url, css_class):
        """The hidden fields of a page's form, as a browser sends them back."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        form = html.fromstring(response.content).xpath(
            f"//form[hasclass('{css_class}')]"
        )[0]
        return {
            field.get("name"): field.get("value") or ""
            for field in form.xpath(".//input[@type='hidden']")
        }

    def _comment(self, **values):
        data = self._form(self.post.website_url, "o_dinas_comment_form")
        data.update(values)
        return self.url_open(f"/dinas/berita/{self.post.id}/komentar", data=data)

    # ------------------------------------------------------------------
    # News comments
    # ------------------------------------------------------------------
    def test_news_comment_waits_for_moderation(self):
        response = self._comment(
            name="Warga Uji",
            email="warga@example.com",
            message="Kapan <b>pelatihan</b> berikutnya?",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("komentar=terkirim", response.url)
        self.assertIn("o_dinas_comment_pending", response.text)
        self.assertNotIn("pelatihan</b> berikutnya", response.text)
        comment = self.env["dinas.news.comment"].search(
            [("post_id", "=", self.post.id)]
        )
        self.assertEqual(comment.state, "pending")
        self.assertEqual(comment.company_id, self.company)
        self.assertNotIn("berikutnya", self.url_open(self.post.website_url).text)

        # Neither a portal user nor an employee outside the Dinas moderates.
        for user in (self.coop_user, self.employee):
            with self.assertRaises(AccessError):
                comment.with_user(user).action_approve()
        with self.assertRaises(AccessError):
            comment.with_user(self.staff).write({"state": "approved"})
        self.assertEqual(comment.state, "pending")

        comment.with_user(self.staff).action_approve()
        self.assertEqual(comment.state, "approved")
        self.assertEqual(comment.moderator_id, self.staff)
        page = self.url_open(self.post.website_url).text
        self.assertIn("Kapan &lt;b&gt;pelatihan&lt;/b&gt; berikutnya?", page)
        self.assertNotIn("warga@example.com", page)

    def test_news_comment_refuses_hostile_input(self):
        Comment = self.env["dinas.news.comment"]
        for values in (
            {"name": "Warga\x00", "email": "w@example.com", "message": "Halo"},
            {"name": "Warga", "email": "bukan-email", "message": "Halo"},
            {"name": "Warga", "email": "w@example.com", "message": "A" * 5000},
            {"name": "", "email": "w@example.com", "message": "Halo"},
        ):
            response = self._comment(**values)
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_dinas_error", response.text)
        self.assertFalse(Comment.search([("post_id", "=", self.post.id)]))
        # A bot filling the honeypot is thanked, and nothing is stored.
        self._comment(name="Bot", email="b@example.com", message="spam", website_hp="x")
        self.assertFalse(Comment.search([("post_id", "=", self.post.id)]))
        # Only published posts of the news blog take comments.
        other_post = self.env["blog.post"].create(
            {
                "blog_id": self.env["blog.blog"].create({"name": "Lain"}).id,
                "name": "Blog lain",
                "is_published": True,
            }
        )
        self.post.is_published = False
        for post in (self.post, other_post):
            with mute_logger("odoo.http"):
                response = self.url_open(f"/dinas/berita/{post.id}/komentar")
            self.assertEqual(response.status_code, 404)

    def test_news_link_opens_the_news_blog(self):
        response = self.url_open("/dinas/berita", allow_redirects=False)
        self.assertIn(response.status_code, (301, 302, 303))
        self.assertIn(
            f"/blog/{self.env['ir.http']._slug(self.blog)}",
            response.headers["Location"],
        )

    # ------------------------------------------------------------------
    # Announcements
    # ------------------------------------------------------------------
    def test_announcement_reaches_the_targeted_members(self):
        Announcement = self.env["dinas.announcement"]
        for_coops = Announcement.with_user(self.staff).create(
            {
                "name": "Batas laporan RAT uji",
                "body": "<p>Serahkan laporan RAT sebelum 30 Juni.</p>",
                "target": "cooperative",
            }
        )
        for_msmes = Announcement.create(
            {
                "name": "Sertifikasi halal uji",
                "body": "<p>Daftar.</p>",
                "target": "msme",
            }
        )
        draft = Announcement.create(
            {"name": "Konsep rahasia uji", "body": "<p>Belum.</p>", "target": "both"}
        )
        # The staff write; publishing is the head's.
        with self.assertRaises(AccessError):
            for_coops.with_user(self.staff).action_publish()
        with self.assertRaises(AccessError):
            for_coops.with_user(self.staff).write({"state": "published"})
        (for_coops | for_msmes).with_user(self.head).action_publish()
        self.assertEqual(for_coops.state, "published")
        self.assertTrue(for_coops.publish_date)

        mails = self.env["mail.mail"].search(
            [("model", "=", "dinas.announcement"), ("res_id", "=", for_coops.id)]
        )
        self.assertTrue(mails)
        self.assertIn(self.coop_user.partner_id, mails.recipient_ids)
        self.assertNotIn(self.msme_user.partner_id, mails.recipient_ids)
        self.assertIn("Batas laporan RAT uji", mails[0].subject)
        msme_mails = self.env["mail.mail"].search(
            [("model", "=", "dinas.announcement"), ("res_id", "=", for_msmes.id)]
        )
        self.assertIn(self.msme_user.partner_id, msme_mails.recipient_ids)
        self.assertNotIn(self.coop_user.partner_id, msme_mails.recipient_ids)

        # The ORM, as each member: the record rules keep its own audience.
        coop_env = Announcement.with_user(self.coop_user)
        self.assertEqual(
            coop_env.search([("id", "in", (for_coops | for_msmes | draft).ids)]),
            for_coops,
        )
        msme_env = Announcement.with_user(self.msme_user)
        self.assertEqual(
            msme_env.search([("id", "in", (for_coops | for_msmes | draft).ids)]),
            for_msmes,
        )

        self.authenticate("dns_sc_coop", "dns_sc_coop")
        listing = self.url_open("/my/pengumuman").text
        self.assertIn("Batas laporan RAT uji", listing)
        self.assertNotIn("Sertifikasi halal uji", listing)
        self.assertNotIn("Konsep rahasia uji", listing)
        detail = self.url_open(f"/my/pengumuman/{for_coops.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn("Serahkan laporan RAT", detail.text)
        with mute_logger("odoo.http"):
            for other in (for_msmes, draft):
                response = self.url_open(f"/my/pengumuman/{other.id}")
                self.assertEqual(response.status_code, 404)

        self.authenticate("dns_sc_msme", "dns_sc_msme")
        listing = self.url_open("/my/pengumuman").text
        self.assertIn("Sertifikasi halal uji", listing)
        self.assertNotIn("Batas laporan RAT uji", listing)
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/pengumuman/{for_coops.id}")
        self.assertEqual(response.status_code, 404)

        # Unpublished, it leaves the portal; the target is fixed once sent.
        for_coops.with_user(self.head).action_unpublish()
        self.assertFalse(coop_env.search([("id", "=", for_coops.id)]))
        for_coops.with_user(self.head).action_publish()
        self.assertEqual(
            self.env["mail.mail"].search_count(
                [("model", "=", "dinas.announcement"), ("res_id", "=", for_coops.id)]
            ),
            len(mails),
            "a publication again does not mail the members twice",
        )
        with self.assertRaises(AccessError):
            for_coops.with_user(self.staff).write({"target": "both"})
        # Nor can the staff change what the members read and were mailed.
        for vals in ({"body": "<p>Diubah diam-diam.</p>"}, {"name": "Diubah"}):
            with self.assertRaises(AccessError):
                for_coops.with_user(self.staff).write(vals)
        self.assertEqual(for_coops.name, "Batas laporan RAT uji")

    # ------------------------------------------------------------------
    # Gallery, links, contact and profile
    # ------------------------------------------------------------------
    def test_gallery_lists_published_albums(self):
        hidden = self.env["dinas.album"].create(
            {
                "name": "Album Belum Terbit",
                "photo_ids": [(0, 0, {"image": _jpeg("green")})],
            }
        )
        gallery = self.url_open("/dinas/galeri")
        self.assertEqual(gallery.status_code, 200)
        self.assertIn("Album Tur Pameran", gallery.text)
        self.assertNotIn("Album Belum Terbit", gallery.text)
        self.assertIn(self.album.website_url, gallery.text)

        page = self.url_open(self.album.website_url)
        self.assertEqual(page.status_code, 200)
        tree = html.fromstring(page.content)
        sources = tree.xpath("//section[hasclass('s_image_gallery')]//img/@src")
        self.assertEqual(
            sources,
            [
                f"/web/image/dinas.album.photo/{photo.id}/image_1024"
                for photo in self.album.photo_ids
            ],
        )
        self.assertIn("Stan kerupuk lele", page.text)
        # An old or bare id is redirected to the album's address.
        response = self.url_open(
            f"/dinas/galeri/{self.album.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 301)

        with mute_logger("odoo.http"):
            for url in (
                hidden.website_url,
                f"/dinas/galeri/{hidden.id}",
                "/dinas/galeri/album-0",
                f"/dinas/galeri/x-{10**20}",
            ):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404), url)
        # The picture of an unpublished album: Odoo's placeholder, not the photo.
        response = self.url_open(
            f"/web/image/dinas.album.photo/{hidden.photo_ids.id}/image_1024"
        )
        self.assertNotEqual(
            response.content, base64.b64decode(hidden.photo_ids.image_1024)
        )
        response = self.url_open(sources[0])
        self.assertEqual(
            response.content, base64.b64decode(self.album.photo_ids[0].image_1024)
        )

    def test_links_contact_and_profile(self):
        Link = self.env["dinas.link"]
        for url in ("javascript:alert(1)", "ftp://oss.go.id", "https://", "oss.go.id"):
            with self.assertRaises(ValidationError, msg=url):
                Link.create({"name": "Tautan jahat", "url": url})
        Link.create({"name": "OSS Uji", "url": "https://oss.go.id"})
        Link.create(
            {
                "name": "Tautan Draf",
                "url": "https://draft.example.com",
                "website_published": False,
            }
        )
        self.company.dinas_office_hours = "Senin - Jumat 08.00 - 15.00"
        contact = self.url_open("/dinas/kontak")
        self.assertEqual(contact.status_code, 200)
        tree = html.fromstring(contact.content)
        self.assertTrue(
            tree.xpath("//a[@href='https://oss.go.id'][@rel='noopener noreferrer']")
        )
        self.assertNotIn("Tautan Draf", contact.text)
        self.assertIn("Senin - Jumat 08.00 - 15.00", contact.text)
        self.assertTrue(
            tree.xpath("//a[hasclass('o_dinas_map_link')]/@href")[0].startswith(
                "https://"
            )
        )
        self.assertTrue(tree.xpath("//form[@action='/dinas/bukutamu']"))
        self.assertTrue(
            tree.xpath(
                "//*[@id='oe_structure_dinas_contact_info'][hasclass('oe_structure')]"
            )
        )
        profile = html.fromstring(self.url_open("/dinas").content)
        self.assertTrue(
            profile.xpath(
                "//*[@id='oe_structure_dinas_home_profile'][hasclass('oe_structure')]//p"
            )
        )
        self.assertTrue(profile.xpath("//a[@href='https://oss.go.id']"))


@tagged("post_install", "-at_install")
class TestSiteContentTour(DinasSiteContentCommon):
    def test_news_and_gallery_tour(self):
        self.start_tour("/dinas", "dinas_portal_news_gallery")
        comment = self.env["dinas.news.comment"].search(
            [("post_id", "=", self.post.id)]
        )
        self.assertEqual(comment.name, "Warga Tur")
        self.assertEqual(comment.state, "pending")
