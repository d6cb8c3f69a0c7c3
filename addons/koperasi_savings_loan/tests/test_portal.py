from datetime import date

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

    def test_recent_movements_of_every_account_in_one_query(self):
        """/my/koperasi lists the last five movements of each of the member's
        accounts: one query finds them whatever the number of accounts, in
        the ledger's order, through her record rules only."""
        hari_raya = self._create_product(
            self.env, self.accounts, name="Simpanan Hari Raya Uji", kind="sukarela"
        )
        second = self.env["koperasi.savings.account"].create(
            {
                "member_id": self.member.id,
                "product_id": hari_raya.id,
                "open_date": date(2026, 1, 1),
            }
        )
        for day in range(2, 9):
            self._deposit(self.account, 1000 * day, day=date(2026, 1, day))
        self._deposit(second, 500, day=date(2026, 1, 3))
        self.env.flush_all()
        accounts = (self.account | second | self.other_account).with_user(
            self.portal_user
        )
        accounts[0]._recent_transactions(5)  # her record rules, read once
        # The transactions' ids, then their rows: two queries for one
        # account, two for three.
        for some in (accounts[0], accounts):
            self.env.invalidate_all()
            with self.assertQueryCount(2):
                recent = some._recent_transactions(5)
        # The deposit of the set-up, made today, comes first.
        self.assertEqual(
            [trx.amount for trx in recent[self.account.id]],
            [1000000, 8000, 7000, 6000, 5000],
        )
        self.assertEqual([trx.amount for trx in recent[second.id]], [500])
        # Somebody else's account: her rules find nothing of it.
        self.assertFalse(recent[self.other_account.id])
        self.authenticate(self.portal_user.login, self.portal_user.login)
        page = self.url_open("/my/koperasi")
        self.assertEqual(page.status_code, 200)
        self.assertIn("5,000", page.text)
        self.assertNotIn("4,000", page.text)

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
