from datetime import date

from freezegun import freeze_time

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestLoanPortal(KoperasiLoanCommon, HttpCase):
    def _login(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)

    def test_simulation_route(self):
        self._login()
        result = self.make_jsonrpc_request(
            "/my/koperasi/pinjaman/simulasi",
            {"product_id": self.product.id, "amount": "12000000", "term_months": "12"},
        )
        self.assertEqual(len(result["lines"]), 12)
        self.assertEqual(result["lines"][0]["interest"], 120000)
        self.assertEqual(result["total_interest"], 780000)
        result = self.make_jsonrpc_request(
            "/my/koperasi/pinjaman/simulasi",
            {"product_id": self.product.id, "amount": "12000000", "term_months": "99"},
        )
        self.assertIn("between", result["error"])

    def test_apply_validates_and_creates_nothing_on_error(self):
        self._login()
        Loan = self.env["koperasi.loan"]
        before = Loan.search_count([])
        response = self.url_open(
            "/my/koperasi/pinjaman/ajukan",
            data={
                "product_id": self.product.id,
                "amount": "99000000",
                "term_months": "12",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_loan_error", response.text)
        self.assertEqual(Loan.search_count([]), before)
        response = self.url_open(
            "/my/koperasi/pinjaman/ajukan",
            data={
                "product_id": self.product.id,
                "amount": "6000000",
                "term_months": "6",
                "purpose": "Modal kolam lele",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        loan = Loan.search([("member_id", "=", self.member.id)])
        self.assertEqual(loan.state, "submitted")
        self.assertEqual(loan.amount, 6000000)
        self.assertTrue(response.url.endswith(f"/my/koperasi/pinjaman/{loan.id}"))

    def test_others_loans_are_not_found(self):
        other = self.env["koperasi.loan"].create(
            {
                "member_id": self.other_member.id,
                "product_id": self.product.id,
                "amount": 1000000,
                "term_months": 6,
            }
        )
        own = self._loan(amount=1000000, term=6)
        self._login()
        self.assertEqual(
            self.url_open(f"/my/koperasi/pinjaman/{own.id}").status_code, 200
        )
        for url in (
            f"/my/koperasi/pinjaman/{other.id}",
            f"/my/koperasi/pinjaman/{other.id}/statement.pdf",
            "/my/koperasi/pinjaman/999999",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        page = self.url_open("/my/koperasi/pinjaman")
        self.assertIn(own.name, page.text)
        self.assertNotIn(other.name, page.text)

    def test_tour_simulate_and_apply(self):
        self.start_tour(
            "/my/koperasi/pinjaman/ajukan",
            "koperasi_loan_apply_tour",
            login=self.portal_user.login,
        )
        loan = self.env["koperasi.loan"].search([("member_id", "=", self.member.id)])
        self.assertEqual(loan.state, "submitted")
        self.assertEqual(loan.amount, 12000000)
        self.assertEqual(loan.term_months, 12)

    def test_tour_view_schedule(self):
        loan = self._disbursed(day=date(2026, 1, 15))
        loan.register_payment(
            1120000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        with freeze_time("2026-04-01"):
            self.start_tour(
                "/my/koperasi",
                "koperasi_loan_schedule_tour",
                login=self.portal_user.login,
            )

    def test_document_upload_checked_by_content(self):
        self._login()
        Loan = self.env["koperasi.loan"]
        data = {
            "product_id": self.product.id,
            "amount": "6000000",
            "term_months": "6",
            "csrf_token": http.Request.csrf_token(self),
        }
        # An executable renamed to .pdf is refused, nothing is created.
        response = self.url_open(
            "/my/koperasi/pinjaman/ajukan",
            data=data,
            files={
                "document": ("slip.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
            },
        )
        self.assertIn("o_koperasi_loan_error", response.text)
        self.assertFalse(Loan.search([("member_id", "=", self.member.id)]))
        response = self.url_open(
            "/my/koperasi/pinjaman/ajukan",
            data=data,
            files={"document": ("slip.pdf", b"%PDF-1.4 slip gaji", "application/pdf")},
        )
        loan = Loan.search([("member_id", "=", self.member.id)])
        self.assertEqual(loan.state, "submitted")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "koperasi.loan"), ("res_id", "=", loan.id)]
        )
        self.assertEqual(attachment.name, "slip.pdf")
