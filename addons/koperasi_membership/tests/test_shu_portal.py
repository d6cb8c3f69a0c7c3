from odoo.tests import HttpCase, tagged

from .common_shu import KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuPortal(HttpCase, KoperasiShuCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.distribution = cls._approved()
        cls.own_line = cls.distribution.member_line_ids.filtered(
            lambda line: line.member_id == cls.member_a
        )
        cls.other_line = cls.distribution.member_line_ids.filtered(
            lambda line: line.member_id == cls.member_b
        )

    def test_portal_page_shows_shu(self):
        self.authenticate("kop_shu_portal", "kop_shu_portal")
        response = self.url_open("/my/koperasi")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_shu_row", response.text)
        self.assertIn("1,180,327", response.text)
        self.assertIn(f"/my/koperasi/shu/{self.own_line.id}", response.text)
        self.assertNotIn(f"/my/koperasi/shu/{self.other_line.id}", response.text)

    def test_statement_own_only(self):
        self.authenticate("kop_shu_portal", "kop_shu_portal")
        response = self.url_open(f"/my/koperasi/shu/{self.own_line.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("1,180,327", response.text)
        response = self.url_open(f"/my/koperasi/shu/{self.other_line.id}")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/koperasi/shu/999999999")
        self.assertEqual(response.status_code, 404)

    def test_computed_shu_not_shown(self):
        """Before the RAT approves it, the member sees nothing."""
        self.distribution.state = "computed"
        self.authenticate("kop_shu_portal", "kop_shu_portal")
        response = self.url_open("/my/koperasi")
        self.assertNotIn("o_koperasi_shu_row", response.text)
        response = self.url_open(f"/my/koperasi/shu/{self.own_line.id}")
        self.assertEqual(response.status_code, 404)

    def test_portal_record_rule(self):
        Line = self.env["koperasi.shu.member.line"].with_user(self.portal_user)
        self.assertEqual(Line.search([]), self.own_line)

    def test_shu_portal_tour(self):
        self.start_tour(
            "/my/koperasi", "koperasi_shu_portal_tour", login="kop_shu_portal"
        )
