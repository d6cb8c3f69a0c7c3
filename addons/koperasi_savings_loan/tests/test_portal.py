from odoo import http
from odoo.tests import HttpCase, tagged

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestSavingsPortal(KoperasiSavingsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.deposit(1000000, payment_journal=cls.accounts["cash_journal"])
        cls.other_account.deposit(2000000, payment_journal=cls.accounts["cash_journal"])
        cls.Request = cls.env["koperasi.savings.withdrawal.request"]

    def test_page_shows_own_accounts_only(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        response = self.url_open("/my/koperasi")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.account.name, response.text)
        self.assertIn("1,000,000", response.text)
        self.assertNotIn(self.other_account.name, response.text)
        self.assertNotIn("2,000,000", response.text)

    def test_statements_of_others_are_not_found(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        own = self.url_open(f"/my/koperasi/simpanan/{self.account.id}/statement.xlsx")
        self.assertEqual(own.status_code, 200)
        self.assertEqual(own.content[:2], b"PK")
        own_pdf = self.url_open(
            f"/my/koperasi/simpanan/{self.account.id}/statement.pdf"
        )
        self.assertEqual(own_pdf.status_code, 200)
        for suffix in ("xlsx", "pdf"):
            other = self.url_open(
                f"/my/koperasi/simpanan/{self.other_account.id}/statement.{suffix}"
            )
            self.assertEqual(other.status_code, 404)
        missing = self.url_open("/my/koperasi/simpanan/999999/statement.xlsx")
        self.assertEqual(missing.status_code, 404)

    def test_withdrawal_form_validates(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)
        before = self.Request.search_count([])
        response = self.url_open(
            "/my/koperasi/simpanan/tarik",
            data={
                "account_id": self.account.id,
                "amount": "5000000",
                "destination": "BRI 123",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_savings_error", response.text)
        self.assertIn("at most", response.text)
        # Somebody else's account by id: not found, nothing created.
        response = self.url_open(
            "/my/koperasi/simpanan/tarik",
            data={
                "account_id": self.other_account.id,
                "amount": "1000",
                "destination": "BRI 123",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.Request.search_count([]), before)

    def test_portal_tour_balances_and_request(self):
        self.start_tour(
            "/my/koperasi", "koperasi_savings_portal_tour", login=self.portal_user.login
        )
        request = self.Request.search([("account_id", "=", self.account.id)])
        self.assertEqual(request.amount, 250000)
        self.assertEqual(request.destination, "BRI 1234567890 a.n. Siti")
        self.assertEqual(request.state, "requested")
