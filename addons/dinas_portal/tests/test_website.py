from lxml import html

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import EXE_BYTES, PDF_BYTES


@tagged("post_install", "-at_install")
class TestWebsite(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        # People take seconds to fill a form; these tests post at once.
        cls.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_min_seconds", 0
        )
        cls.member = mail_new_test_user(
            cls.env,
            login="dns_web_member",
            password="dns_web_member",
            groups="base.group_portal",
        )
        cls.other = mail_new_test_user(
            cls.env,
            login="dns_web_other",
            password="dns_web_other",
            groups="base.group_portal",
        )
        cls.letter_type = cls.env["dinas.letter.type"].create(
            {"name": "Surat Tugas Web", "code": "tugas", "unit_code": "WEB"}
        )
        cls.Letter = cls.env["dinas.letter.request"]

    def _letter(self, user):
        return self.Letter.with_user(user)._create_from_portal(
            user.partner_id,
            {
                "letter_type_id": self.letter_type.id,
                "purpose": "Pelatihan",
                "addressee": "<b>Panitia</b>",
            },
        )

    def _csrf(self, url):
        tree = html.fromstring(self.url_open(url).content)
        # The form's challenge goes with the token, as a browser sends it.
        challenge = tree.xpath("//input[@name='kop_form_ts']/@value")
        self._form_challenge = challenge[0] if challenge else None
        return tree.xpath("//input[@name='csrf_token']/@value")[0]

    def url_open(self, url, data=None, *args, **kwargs):
        if (
            isinstance(data, dict)
            and "csrf_token" in data
            and "kop_form_ts" not in data
            and getattr(self, "_form_challenge", None)
        ):
            data = {**data, "kop_form_ts": self._form_challenge}
        return super().url_open(url, data, *args, **kwargs)

    def test_public_form_challenge(self):
        """A script that posts the fields without loading the page, or at
        once, is refused with a message; nothing is stored."""
        Guestbook = self.env["dinas.guestbook"]
        count = Guestbook.search_count([])
        csrf = self._csrf("/dinas/bukutamu")
        for challenge in ("", "123.forged", self._form_challenge):
            if challenge == self._form_challenge:
                # Sent at once: too fast for a person.
                self.env["ir.config_parameter"].sudo().set_param(
                    "koperasi_base.form_min_seconds", 3
                )
            response = self.url_open(
                "/dinas/bukutamu",
                data={
                    "csrf_token": csrf,
                    "kop_form_ts": challenge,
                    "name": "Skrip",
                    "message": "spam",
                },
            )
            self.assertIn("o_dinas_error", response.text)
            self.assertIn("too quickly", response.text)
        self.assertEqual(Guestbook.search_count([]), count)

    def test_unknown_token_is_404(self):
        for token in ("x", "A" * 43, "../../etc"):
            response = self.url_open(f"/dinas/verifikasi/{token}")
            self.assertEqual(response.status_code, 404)

    def test_other_members_letter_is_refused(self):
        letter = self._letter(self.other)
        self.authenticate("dns_web_member", "dns_web_member")
        response = self.url_open(f"/my/surat/{letter.id}")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn("Pelatihan", response.text)
        response = self.url_open(f"/my/surat/{letter.id}?report_type=pdf")
        self.assertIn(response.status_code, (403, 404))
        response = self.url_open("/my/surat/999999999")
        self.assertEqual(response.status_code, 404)
        own = self._letter(self.member)
        response = self.url_open(f"/my/surat/{own.id}")
        self.assertEqual(response.status_code, 200)
        # not issued yet: no PDF
        response = self.url_open(f"/my/surat/{own.id}?report_type=pdf")
        self.assertEqual(response.status_code, 404)
        # the addressee is shown escaped
        self.assertIn(
            "&lt;b&gt;Panitia&lt;/b&gt;", self.url_open(f"/my/surat/{own.id}").text
        )

    def test_portal_upload_checked_by_content(self):
        self.authenticate("dns_web_member", "dns_web_member")
        count = self.Letter.search_count([])
        data = {
            "csrf_token": self._csrf("/my/surat/new"),
            "letter_type_id": self.letter_type.id,
            "purpose": "Uji unggah",
            "addressee": "Bank",
        }
        response = self.url_open(
            "/my/surat/new",
            data=data,
            files={"attachments": ("akta.pdf", EXE_BYTES, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_dinas_error", response.text)
        self.assertEqual(self.Letter.search_count([]), count)
        response = self.url_open(
            "/my/surat/new",
            data=data,
            files={"attachments": ("akta.pdf", PDF_BYTES, "application/pdf")},
        )
        self.assertEqual(self.Letter.search_count([]), count + 1)
        letter = self.Letter.search([], limit=1, order="id desc")
        self.assertEqual(letter.attachment_ids.name, "akta.pdf")
        self.assertIn(f"/my/surat/{letter.id}", response.url)

    def test_public_forms_honeypot_csrf_rate_limit(self):
        Guestbook = self.env["dinas.guestbook"]
        count = Guestbook.search_count([])
        csrf = self._csrf("/dinas/bukutamu")
        # without CSRF token: refused
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/dinas/bukutamu", data={"name": "Bot", "message": "spam"}
            )
        self.assertEqual(response.status_code, 400)
        # honeypot filled in: thanked, nothing stored
        response = self.url_open(
            "/dinas/bukutamu",
            data={
                "csrf_token": csrf,
                "name": "Bot",
                "message": "spam",
                "website_hp": "http://spam.example.com",
            },
        )
        self.assertIn("o_dinas_success", response.text)
        self.assertEqual(Guestbook.search_count([]), count)
        # real messages, then the rate limit
        for index in range(5):
            response = self.url_open(
                "/dinas/bukutamu",
                data={
                    "csrf_token": csrf,
                    "name": "Warga",
                    "message": f"<script>alert({index})</script>",
                },
            )
            self.assertIn("o_dinas_success", response.text)
        response = self.url_open(
            "/dinas/bukutamu",
            data={"csrf_token": csrf, "name": "Warga", "message": "lagi"},
        )
        self.assertIn("o_dinas_error", response.text)
        self.assertEqual(Guestbook.search_count([]), count + 5)
        entries = Guestbook.search([], limit=5, order="id desc")
        self.assertEqual(set(entries.mapped("state")), {"pending"})
        # moderated: only approved entries are shown, escaped
        entries[:1].action_approve()
        page = self.url_open("/dinas/bukutamu").text
        self.assertIn("&lt;script&gt;alert(4)&lt;/script&gt;", page)
        self.assertNotIn("alert(3)", page)

    def test_registration_form(self):
        csrf = self._csrf("/dinas/daftar")
        Registration = self.env["dinas.registration"]
        count = Registration.search_count([])
        values = {
            "csrf_token": csrf,
            "applicant_type": "msme",
            "name": "Tahu Uji Web",
            "contact_name": "Bu Tini",
            "email": "tini@tahu.example.com",
            "nib": "9120005550000",
        }
        response = self.url_open(
            "/dinas/daftar",
            data={**values, "email": "bukan-email"},
        )
        self.assertIn("o_dinas_error", response.text)
        response = self.url_open(
            "/dinas/daftar",
            data={**values, "nib": ""},
        )
        self.assertIn("o_dinas_error", response.text)
        self.assertEqual(Registration.search_count([]), count)
        response = self.url_open(
            "/dinas/daftar",
            data=values,
            files={"documents": ("nib.pdf", PDF_BYTES, "application/pdf")},
        )
        self.assertIn("o_dinas_success", response.text)
        registration = Registration.search([], limit=1, order="id desc")
        self.assertEqual(registration.name, "Tahu Uji Web")
        self.assertEqual(registration.attachment_ids.mimetype, "application/pdf")
        self.assertTrue(registration.ip_address)

    def test_public_consultation_published_once_answered(self):
        Consultation = self.env["dinas.consultation"]
        csrf = self._csrf("/dinas/konsultasi")
        for allow, subject in (
            (True, "Izin PIRT Uji"),
            (False, "Pinjaman Rahasia Uji"),
        ):
            data = {
                "csrf_token": csrf,
                "asker_name": "Warga",
                "email": "warga@example.com",
                "name": subject,
                "question": "Bagaimana caranya?",
            }
            if allow:
                data["allow_publish"] = "1"
            self.url_open("/dinas/konsultasi", data=data)
        public, private = Consultation.search(
            [("name", "in", ("Izin PIRT Uji", "Pinjaman Rahasia Uji"))],
            order="name",
        )
        self.assertEqual(public.name, "Izin PIRT Uji")
        page = self.url_open("/dinas/konsultasi").text
        self.assertNotIn("Izin PIRT Uji", page)
        (public | private).write({"answer": "Silakan ke kantor kecamatan."})
        (public | private).action_answer()
        page = self.url_open("/dinas/konsultasi").text
        self.assertIn("Izin PIRT Uji", page)
        self.assertNotIn("Pinjaman Rahasia Uji", page)

    def test_polls_reuse_survey(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "Jajak Pendapat Uji",
                "access_mode": "public",
                "dinas_published": True,
            }
        )
        hidden = self.env["survey.survey"].create(
            {"title": "Survei Internal Uji", "access_mode": "token"}
        )
        page = self.url_open("/dinas/jajak-pendapat").text
        self.assertIn(survey.title, page)
        self.assertIn(survey.get_start_url(), page)
        self.assertNotIn(hidden.title, page)

    def _poll(self, title, **values):
        return self.env["survey.survey"].create(
            {
                "title": title,
                "access_mode": "public",
                "dinas_published": True,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "Layanan surat cepat?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": "Ya"}),
                                Command.create({"value": "Tidak"}),
                            ],
                        }
                    )
                ],
                **values,
            }
        )

    def _start_poll(self, survey, agent="Mozilla/5.0 (Linux; Android 14) Uji"):
        """Open the poll as a browser without its cookies would: the answer
        token the start page sends it to."""
        self.opener.cookies.clear()
        if getattr(self, "_login_as", None):
            self.authenticate(self._login_as, self._login_as)
        response = self.url_open(
            survey.get_start_url(),
            headers={"User-Agent": agent},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[-3000:])
        return response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]

    def test_poll_keeps_one_answer_per_visitor(self):
        survey = self._poll("Jajak Pendapat Satu Suara")
        Answer = self.env["survey.user_input"]
        first = self._start_poll(survey)
        # The same visitor without the survey cookie gets the same answer.
        self.assertEqual(self._start_poll(survey), first)
        answer = Answer.search([("survey_id", "=", survey.id)])
        self.assertEqual(answer.access_token, first)
        answer._mark_done()
        # Once sent, asking again shows the sent answer, never a second one,
        # and the page offers no "take again".
        self.assertEqual(self._start_poll(survey), first)
        done = self.url_open(f"/survey/{survey.access_token}/{first}").text
        self.assertNotIn("/survey/retry/", done)
        self.assertEqual(Answer.search_count([("survey_id", "=", survey.id)]), 1)
        # Another browser at the address is another visitor.
        other = self._start_poll(survey, agent="Mozilla/5.0 (iPhone) Uji")
        self.assertNotEqual(other, first)
        # A logged-in member answers once, whatever the browser.
        self._login_as = "dns_web_member"
        mine = self._start_poll(survey)
        self.assertEqual(self._start_poll(survey, agent="Lain"), mine)
        self.assertEqual(
            Answer.search([("access_token", "=", mine)]).partner_id,
            self.member.partner_id,
        )
        self.assertEqual(Answer.search_count([("survey_id", "=", survey.id)]), 3)
        # A survey that is not a Dinas poll keeps Odoo's own behaviour.
        self._login_as = None
        plain = self._poll("Survei Biasa", dinas_published=False)
        self.assertNotEqual(self._start_poll(plain), self._start_poll(plain))

    def test_poll_answers_are_throttled_per_address(self):
        survey = self._poll("Jajak Pendapat Banjir")
        self.env["ir.config_parameter"].sudo().set_param(
            "koperasi_base.form_limit_per_client", 3
        )
        for n in range(3):
            self._start_poll(survey, agent=f"Skrip {n}")
        # A script that changes its browser name meets the address limit.
        self.opener.cookies.clear()
        response = self.url_open(
            survey.get_start_url(), headers={"User-Agent": "Skrip 4"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.env["survey.user_input"].search_count([("survey_id", "=", survey.id)]),
            3,
        )

    def test_public_pages_render(self):
        for url in (
            "/dinas",
            "/dinas/galeri",
            "/dinas/unduhan",
            "/dinas/bantuan",
            "/dinas/statistik",
            "/dinas/direktori?kind=umkm",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
        self.assertEqual(self.url_open("/dinas/unduhan/999999").status_code, 404)
