from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.personas import PersonaCase, RpcRefused


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestDinasPersonas(PersonaCase):
    """The Dinas of the showcase: a cooperative follows its letters in the
    portal, the staff review, the head approves and issues, and anyone
    checks the issued letter's QR page."""

    def test_letter_from_request_to_public_verification(self):
        cooperative = self.log_in("koperasi.waluyo")
        letters = self.env["dinas.letter.request"].search(
            [("partner_id", "=", cooperative.partner_id.id)]
        )
        self.assertTrue(letters)
        text = self.page_text(self.visit("/my/surat"))
        for letter in letters:
            self.assertIn(letter.name, text)
        letter = letters.filtered(lambda letter: letter.state == "submitted")[:1]
        self.assertTrue(letter, "the showcase has a letter waiting for the staff")
        self.visit(f"/my/surat/{letter.id}")
        # The staff review it; approving and issuing is the head's.
        self.log_in("dinas.staf")
        self.rpc("dinas.letter.request", "action_review", [letter.id])
        with self.assertRaises(RpcRefused):
            self.rpc("dinas.letter.request", "action_approve", [letter.id])
        self.log_in("dinas.kepala")
        self.rpc("dinas.letter.request", "action_approve", [letter.id])
        self.rpc("dinas.letter.request", "action_issue", [letter.id])
        letter.invalidate_recordset()
        self.assertEqual(letter.state, "issued")
        self.assertTrue(letter.verification_token)
        # A visitor scanning the QR code sees the letter is genuine.
        self.log_out()
        text = self.page_text(
            self.visit(f"/dinas/verifikasi/{letter.verification_token}")
        )
        self.assertIn(letter.number, text)
        self.assertEqual(
            self.url_open("/dinas/verifikasi/bukan-token-asli").status_code, 404
        )

    def test_dinas_site_has_its_profile_news_and_directory(self):
        for url in ("/dinas", "/dinas/direktori", "/dinas/unduhan", "/dinas/galeri"):
            self.visit(url)
        news = self.env["blog.post"].search([("is_published", "=", True)])
        self.assertTrue(news, "the showcase has Dinas news")
        text = self.page_text(self.visit("/blog"))
        self.assertIn(news[0].name, text)
