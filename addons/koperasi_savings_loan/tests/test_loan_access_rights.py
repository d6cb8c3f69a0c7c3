import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestLoanAccessRights(KoperasiLoanCommon):
    def test_supervisor_reads_only(self):
        loan = self._disbursed()
        as_supervisor = loan.with_user(self.supervisor)
        self.assertEqual(as_supervisor.outstanding_principal, 12000000)
        with self.assertRaises(AccessError):
            as_supervisor.write({"purpose": "Ubah"})
        with self.assertRaises(AccessError):
            as_supervisor.register_payment(100000, payment_journal=self.cash)
        with self.assertRaises(AccessError):
            self.product.with_user(self.supervisor).write({"interest_rate": 1})
        self.assertFalse(loan.payment_ids)

    def test_officer_cannot_approve_or_configure(self):
        loan = self._loan()
        loan.action_submit()
        with self.assertRaises(UserError):
            loan.with_user(self.officer).action_approve()
        with self.assertRaises(AccessError):
            self.product.with_user(self.officer).write({"interest_rate": 1})
        with self.assertRaises(AccessError):
            loan.with_user(self.officer).unlink()
        self.assertEqual(loan.state, "submitted")

    def test_only_board_reverses_repayments(self):
        loan = self._disbursed()
        payment = loan.register_payment(
            1120000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        with self.assertRaises(UserError):
            payment.with_user(self.officer).action_reverse()
        self.assertEqual(payment.state, "posted")

    def test_portal_member_sees_only_own_loans(self):
        own = self._loan(amount=1000000, term=6)
        other = self.env["koperasi.loan"].create(
            {
                "member_id": self.other_member.id,
                "product_id": self.product.id,
                "amount": 1000000,
                "term_months": 6,
            }
        )
        Loan = self.env["koperasi.loan"].with_user(self.portal_user)
        self.assertEqual(Loan.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.portal_user).read(["amount"])
        with self.assertRaises(AccessError):
            own.with_user(self.portal_user).write({"amount": 1})
        with self.assertRaises(AccessError):
            Loan.create(
                {
                    "member_id": self.member.id,
                    "product_id": self.product.id,
                    "amount": 1000000,
                    "term_months": 6,
                }
            )

    def test_reports_and_kpis(self):
        loan = self._disbursed()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "koperasi_savings_loan.action_report_loan_agreement", loan.ids
            )[0]
            .decode()
        )
        self.assertIn(loan.name, html)
        self.assertIn("barcode_type=QR", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "koperasi_savings_loan.action_report_loan_statement", loan.ids
            )[0]
            .decode()
        )
        self.assertIn("120,000", html)
        self.assertEqual(loan._get_aging_xlsx()[:2], b"PK")
        loan.sudo().write({"days_past_due": 45, "collectibility": "lancar"})
        kpis = self.env["koperasi.loan"]._get_portfolio_kpis()
        self.assertGreaterEqual(kpis["outstanding"], 12000000)
        self.assertGreater(kpis["par30"], 0)
        sheet = openpyxl.load_workbook(io.BytesIO(loan._get_aging_xlsx())).active
        rows = {row[2]: row[3] for row in sheet.iter_rows(values_only=True)}
        self.assertEqual(rows["NPL ratio (%)"], 0.0)
        self.assertEqual(rows["PAR30 (%)"], 100.0)

    def test_portfolio_dashboard(self):
        current = self._disbursed()
        late = self._disbursed()
        dashboard = (
            self.env["koperasi.loan.portfolio"]
            .with_user(self.supervisor)
            .create({"product_id": self.product.id})
        )
        self.assertEqual(dashboard.loan_count, 2)
        self.assertEqual(dashboard.outstanding, 24000000)
        self.assertEqual(dashboard.outstanding_lancar, 24000000)
        self.assertEqual(dashboard.npl_ratio, 0.0)
        self.assertEqual(dashboard.npl_band, "sound")
        self.assertEqual(dashboard.par30, 0.0)
        late.sudo().write({"days_past_due": 120, "collectibility": "kurang_lancar"})
        current.sudo().write({"days_past_due": 31})
        dashboard.invalidate_recordset()
        self.assertEqual(dashboard.outstanding_lancar, 12000000)
        self.assertEqual(dashboard.outstanding_kurang_lancar, 12000000)
        self.assertEqual(dashboard.npl_amount, 12000000)
        self.assertEqual(dashboard.npl_ratio, 50.0)
        self.assertEqual(dashboard.npl_band, "unsound")
        self.assertEqual(dashboard.par30, 100.0)
        action = dashboard.action_open_loans()
        self.assertEqual(
            self.env["koperasi.loan"].search(action["domain"]), current | late
        )
