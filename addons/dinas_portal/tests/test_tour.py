import re

from lxml import html

from odoo.tests import HttpCase, tagged

from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestLetterTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 0
        )
        cls.member = mail_new_test_user(
            cls.env,
            login="dns_tour_member",
            password="dns_tour_member",
            name="Pengurus KPRI Tur",
            groups="base.group_portal",
        )
        cls.head = mail_new_test_user(
            cls.env,
            login="dns_tour_head",
            name="Kepala Dinas Tur",
            groups="dinas_portal.group_dinas_portal_officer",
        )
        cls.letter_type = cls.env["dinas.letter.type"].create(
            {
                "name": "Surat Pengantar Tur",
                "code": "pengantar",
                "classification_code": "500.3",
                "unit_code": "DKUPP",
            }
        )
        cls.env["dinas.cooperative"].create(
            {"name": "KPRI Tur", "partner_id": cls.member.partner_id.id}
        )

    def test_letter_tour(self):
        Letter = self.env["dinas.letter.request"]
        # 1. the member requests a letter from the portal
        self.start_tour(
            "/my/surat", "dinas_portal_letter_request", login="dns_tour_member"
        )
        letter = Letter.search(
            [("partner_id", "=", self.member.partner_id.id)], order="id desc", limit=1
        )
        self.assertEqual(letter.state, "submitted")
        self.assertEqual(letter.letter_type_id, self.letter_type)
        self.assertIn("<script>alert(1)</script>", letter.details)

        # 2. the Dinas reviews, approves and issues it
        letter.with_user(self.head).action_review()
        letter.with_user(self.head).action_approve()
        letter.with_user(self.head).action_issue()
        self.assertRegex(letter.number, r"^500\.3/0001/DKUPP/\d{4}$")

        # 3. the member sees the number and downloads the letter
        self.start_tour(
            "/my/surat", "dinas_portal_letter_download", login="dns_tour_member"
        )
        self.authenticate("dns_tour_member", "dns_tour_member")
        detail = self.url_open(f"/my/surat/{letter.id}")
        self.assertNotIn("<script>alert(1)</script>", detail.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", detail.text)
        response = self.url_open(f"/my/surat/{letter.id}?report_type=pdf&download=true")
        self.assertEqual(response.status_code, 200)
        document = response.text  # HTML in test mode, the PDF otherwise
        self.assertIn(letter.number, document)
        tree = html.fromstring(response.content)
        self.assertTrue(tree.xpath("//img[contains(@src, 'data:image/png;base64,')]"))
        match = re.search(r"/dinas/verifikasi/([A-Za-z0-9_-]{43,})", document)
        self.assertTrue(match, "the letter carries its verification link")

        # 4. anyone scanning the QR code sees the letter is valid
        self.logout()
        page = self.url_open(f"/dinas/verifikasi/{match.group(1)}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_dinas_valid", page.text)
        self.assertIn(letter.number, page.text)
        self.assertIn(letter.addressee, page.text)

        # revoked letters show as revoked
        letter.with_user(self.head)._do_revoke("Salah data")
        page = self.url_open(f"/dinas/verifikasi/{match.group(1)}")
        self.assertIn("o_dinas_revoked", page.text)
        self.assertNotIn("o_dinas_valid", page.text)
