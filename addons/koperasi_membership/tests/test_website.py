import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import PNG_BYTES, KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestWebsite(HttpCase, KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # People take seconds to fill a form; these tests post at once.
        cls.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 0
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="kop_portal_web",
            password="kop_portal_web",
            name="Ibu Portal",
            groups="base.group_portal",
        )
        cls.member = cls._create_member(
            "Ibu Portal", "3513104101800601", state="active", join_date="2020-01-01"
        )
        cls.member.partner_id = cls.portal_user.partner_id
        cls.other = cls._create_member(
            "Ibu Lain", "3513104101800602", state="active", join_date="2020-01-01"
        )
        cls._pay(cls.member, "pokok", 100000)
        cls._create_dues(3)
        cls._pay(cls.member, "wajib", 50000)

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------
    def _registration_post(self, files=None, **values):
        page = self.url_open("/koperasi/daftar")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        challenge = re.search(r'name="kop_form_ts" value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": token,
            "kop_form_ts": challenge,
            "name": "Wulan Sari",
            "nik": "3513105512930088",
            "email": "wulan@example.com",
            "gender": "female",
            **values,
        }
        if files is None:
            files = {"id_photo": ("ktp.png", PNG_BYTES, "image/png")}
        return self.url_open("/koperasi/daftar", data=data, files=files)

    def _candidates(self, nik="3513105512930088"):
        return self.env["koperasi.member"].search([("nik", "=", nik)])

    def test_registration_creates_candidate(self):
        response = self._registration_post(member_group_id=str(self.group_lele.id))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_registration_done", response.text)
        member = self._candidates()
        self.assertEqual(member.state, "candidate")
        self.assertEqual(member.name, "Wulan Sari")
        self.assertEqual(member.member_group_id, self.group_lele)
        self.assertTrue(member.id_card_image)
        pokok = member.due_ids
        self.assertEqual(pokok.kind, "pokok")
        self.assertEqual(pokok.amount, 100000.0)

    def test_registration_by_a_logged_in_shopper_links_their_account(self):
        shopper = mail_new_test_user(
            self.env,
            login="pelanggan.toko@example.com",
            password="pelanggan.toko@example.com",
            name="Bu Pelanggan",
            email="pelanggan.toko@example.com",
            groups="base.group_portal",
        )
        partners = self.env["res.partner"].search_count([])
        self.authenticate(shopper.login, shopper.login)
        response = self._registration_post(
            name="Pelanggan Toko",
            email="pelanggan.toko@example.com",
            phone="081234567999",
        )
        self.assertIn("o_koperasi_registration_done", response.text)
        member = self._candidates()
        # No second contact: the application is the shopper's own contact.
        self.assertEqual(member.partner_id, shopper.partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual(shopper.partner_id.phone, "081234567999")
        # Applying again from the same account says so and creates nothing.
        response = self._registration_post(nik="3513105512930089")
        self.assertIn("already has a membership", response.text)
        self.assertFalse(self._candidates("3513105512930089"))

    def test_registration_bad_input(self):
        cases = {
            "short NIK": ({"nik": "12345"}, None, "16 digits"),
            "letters in NIK": ({"nik": "35131055129300ab"}, None, "16 digits"),
            "full-width NIK": ({"nik": "\uff13" * 16}, None, "16 digits"),
            "Arabic-Indic NIK": ({"nik": "\u0663" * 16}, None, "16 digits"),
            "NUL in the name": ({"name": "Wulan\x00Sari"}, None, "cannot be typed"),
            "birth year 0": ({"birth_date": "0000-01-01"}, None, "birth date"),
            "group 10^20": ({"member_group_id": str(10**20)}, None, "member group"),
            "no name": ({"name": ""}, None, "full name"),
            "bad email": ({"email": "wulan-at-example"}, None, "email"),
            "no photo": ({}, {}, "upload a photo"),
            "PDF as photo": (
                {},
                {"id_photo": ("ktp.png", b"%PDF-1.4 not an image", "image/png")},
                "JPEG or PNG",
            ),
            "too large": (
                {},
                {
                    "id_photo": (
                        "ktp.png",
                        PNG_BYTES + b"\0" * (5 * 1024 * 1024),
                        "image/png",
                    )
                },
                "at most 5 MB",
            ),
        }
        count = self.env["koperasi.member"].search_count([])
        for label, (values, files, message) in cases.items():
            with self.subTest(label):
                response = self._registration_post(files=files, **values)
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_koperasi_registration_errors", response.text)
                self.assertIn(message, response.text)
        self.assertEqual(self.env["koperasi.member"].search_count([]), count)

    def test_registration_does_not_tell_who_is_a_member(self):
        """A visitor typing a member's NIK learns nothing: the same page as
        any application; nothing is created; the board sees it on the
        member's record."""
        count = self.env["koperasi.member"].search_count([])
        known = self._registration_post(nik=self.member.nik)
        unknown = self._registration_post(nik="3513105512930077")
        self.assertEqual(known.status_code, 200)
        self.assertIn("o_koperasi_registration_done", known.text)
        self.assertNotIn("already", known.text)
        # The same page but for the per-request tokens (CSRF, challenge).
        tokens = r'[0-9a-f]{40}o[0-9]*|name="kop_form_ts" value="[^"]+"'
        self.assertEqual(
            re.sub(tokens, "", known.text), re.sub(tokens, "", unknown.text)
        )
        self.assertEqual(self.env["koperasi.member"].search_count([]), count + 1)
        self.assertIn(
            "with this member's NIK",
            "".join(self.member.message_ids.mapped("body")),
        )

    def test_registration_challenge(self):
        """Posted without loading the page, or at once: refused with a
        message, nothing created."""
        count = self.env["koperasi.member"].search_count([])
        for challenge in ("", "1700000000.forged"):
            response = self._registration_post(kop_form_ts=challenge)
            self.assertIn("o_koperasi_registration_errors", response.text)
            self.assertIn("too quickly", response.text)
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 3
        )
        response = self._registration_post()
        self.assertIn("too quickly", response.text)
        self.assertEqual(self.env["koperasi.member"].search_count([]), count)

    def test_registration_honeypot(self):
        response = self._registration_post(website_url="http://spam.example.com")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._candidates())

    @mute_logger("odoo.http")
    def test_registration_needs_csrf(self):
        response = self.url_open(
            "/koperasi/daftar",
            data={"name": "Robot", "nik": "3513105512930088", "email": "r@example.com"},
            files={"id_photo": ("ktp.png", PNG_BYTES, "image/png")},
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._candidates())

    def test_registration_tour(self):
        self.start_tour("/koperasi/daftar", "koperasi_registration_tour")
        member = self._candidates("3513105512930077")
        self.assertEqual(member.state, "candidate")
        self.assertEqual(member.name, "Wulan Sari")
        self.assertEqual(member.gender, "female")
        self.assertTrue(member.id_card_image)

    # ------------------------------------------------------------------
    # Card verification
    # ------------------------------------------------------------------
    def test_verification_page(self):
        token = self.member.card_token
        response = self.url_open(f"/koperasi/verifikasi/{token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ibu Portal", response.text)
        self.assertIn(self.member.member_number, response.text)
        self.assertIn("Active", response.text)
        # Name, number and status only.
        self.assertNotIn(self.member.nik, response.text)
        self.assertNotIn("100,000", response.text)

    def test_verification_unknown_token(self):
        for token in ("x" * 43, self.member.card_token[:-1] + "!", "short"):
            with self.subTest(token=token):
                response = self.url_open(f"/koperasi/verifikasi/{token}")
                self.assertEqual(response.status_code, 404)

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def test_portal_page(self):
        self.authenticate("kop_portal_web", "kop_portal_web")
        response = self.url_open("/my/koperasi")
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="koperasi_portal_sections"', response.text)
        self.assertIn("3513104101800601", response.text)
        self.assertNotIn("Ibu Lain", response.text)
        self.assertEqual(response.text.count("o_koperasi_due_row"), 4)  # pokok + 3

    def test_portal_card(self):
        self.authenticate("kop_portal_web", "kop_portal_web")
        response = self.url_open(f"/my/koperasi/card/{self.member.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member.member_number, response.text)
        self.assertIn("data:image/png;base64", response.text)
        # Another member's card, by URL: not found.
        response = self.url_open(f"/my/koperasi/card/{self.other.id}")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/koperasi/card/999999999")
        self.assertEqual(response.status_code, 404)

    def test_portal_tour(self):
        self.start_tour("/my", "koperasi_portal_tour", login="kop_portal_web")

    def test_portal_query_count_bounded(self):
        self.authenticate("kop_portal_web", "kop_portal_web")
        self.url_open("/my/koperasi")  # warm the caches
        self.env.flush_all()
        start = self.cr.sql_log_count
        self.url_open("/my/koperasi")
        short_history = self.cr.sql_log_count - start
        self.assertLess(short_history, 60)
        # Five years of dues and payments.
        self._create_dues(60)
        self._pay(self.member, "wajib", 25000 * 50)
        self.assertEqual(len(self.member.due_ids), 61)
        with self.assertQueryCount(short_history):
            response = self.url_open("/my/koperasi")
        self.assertEqual(response.text.count("o_koperasi_due_row"), 61)

    # ------------------------------------------------------------------
    # XLSX exports
    # ------------------------------------------------------------------
    def test_xlsx_export_routes(self):
        self.authenticate("kop_supervisor", "kop_supervisor")
        for report in ("register", "capital"):
            response = self.url_open(
                f"/koperasi/export/{report}?ids={self.member.id},{self.other.id}"
            )
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response.content.startswith(b"PK"))
            self.assertIn("spreadsheetml", response.headers.get("Content-Type", ""))
        self.assertEqual(self.url_open("/koperasi/export/other").status_code, 404)
        # A portal member cannot export the register.
        self.authenticate("kop_portal_web", "kop_portal_web")
        response = self.url_open(f"/koperasi/export/register?ids={self.member.id}")
        self.assertEqual(response.status_code, 404)

    # ------------------------------------------------------------------
    # Backend
    # ------------------------------------------------------------------
    def test_backend_tour(self):
        member = self._create_member(
            "Anggota Tur", "3513104101800699", state="active", join_date=self.today
        )
        self._pay(member, "pokok", 100000)
        self.start_tour(
            "/odoo/action-koperasi_membership.koperasi_member_action",
            "koperasi_backend_tour",
            login="kop_manager",
        )
        # Closing the wizard settled nothing.
        self.assertEqual(member.state, "active")
        self.assertFalse(member.settlement_move_id)
