import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from odoo.addons.koperasi_base.tools.business_date import business_today

from .common import KoperasiLoanCommon

YEAR = 2018
YEAR_END = date(YEAR, 12, 31)


@tagged("post_install", "-at_install")
class TestRatLoanPortfolio(KoperasiLoanCommon):
    """The RAT pack shows the loan portfolio at the 31st of December 2018.

    - Siti: 12,000,000 over 12 months (efektif 12%) from 15 January 2018;
      pays the first two instalments, then nothing until 5,000,000 on
      1 February 2019; written off afterwards (today).
    - Budi: 6,000,000 over 6 months from 15 June 2018, all repaid on
      15 December 2018 (closed before the year end).
    - Budi: 3,000,000 over 3 months from 1 November 2018, first instalment
      paid on 1 December 2018.
    - Budi: 2,000,000 disbursed on 10 January 2019 (after the year end).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.siti_loan = cls._disburse(cls.member, 12000000, 12, date(YEAR, 1, 15))
        cls._repay(cls.siti_loan, 1120000, date(YEAR, 2, 15))
        cls._repay(cls.siti_loan, 1110000, date(YEAR, 3, 15))
        cls._repay(cls.siti_loan, 5000000, date(YEAR + 1, 2, 1))
        cls.closed_loan = cls._disburse(cls.other_member, 6000000, 6, date(YEAR, 6, 15))
        cls._repay(cls.closed_loan, 6210000, date(YEAR, 12, 15))
        cls.current_loan = cls._disburse(
            cls.other_member, 3000000, 3, date(YEAR, 11, 1)
        )
        cls._repay(cls.current_loan, 1030000, date(YEAR, 12, 1))
        cls.later_loan = cls._disburse(
            cls.other_member, 2000000, 3, date(YEAR + 1, 1, 10)
        )
        cls.siti_loan.with_user(cls.manager).action_write_off()

    @classmethod
    def _disburse(cls, member, amount, term, day):
        loan = (
            cls.env["koperasi.loan"]
            .with_user(cls.officer)
            .create(
                {
                    "member_id": member.id,
                    "product_id": cls.product.id,
                    "amount": amount,
                    "term_months": term,
                }
            )
        )
        loan.action_submit()
        loan.with_user(cls.manager).action_approve()
        loan.with_user(cls.officer).action_disburse(payment_journal=cls.cash, date=day)
        return loan

    @classmethod
    def _repay(cls, loan, amount, day):
        return loan.with_user(cls.officer).register_payment(
            amount, payment_journal=cls.cash, date=day
        )

    def test_today_is_not_the_year_end(self):
        self.assertEqual(self.siti_loan.state, "written_off")
        self.assertEqual(self.siti_loan.write_off_date, business_today(self.siti_loan))
        self.assertEqual(self.closed_loan.state, "closed")
        # After the 2019 repayment Siti owed 5,400,000 (6,600,000 principal
        # paid of 12,000,000), written off since: today's figure is 0.
        self.assertEqual(sum(self.siti_loan.line_ids.mapped("principal_paid")), 6600000)
        self.assertEqual(self.siti_loan.outstanding_principal, 0)

    def test_write_off_without_provision_is_an_expense(self):
        """No provision was posted for Siti's loan: the 5,400,000 written
        off is the day's loan loss expense; the allowance is not debited."""
        move = self.env["account.move"].search(
            [("ref", "=", f"Write-off {self.siti_loan.name}")]
        )
        self.assertEqual(len(move), 1)
        balances = {line.account_id: line.balance for line in move.line_ids}
        self.assertEqual(
            balances,
            {
                self.product.account_provision_expense_id: 5400000,
                self.product.account_receivable_id: -5400000,
            },
        )
        self.assertNotIn(self.product.account_allowance_id, balances)
        self.assertEqual(self.siti_loan.ppap_posted, 0)

    def test_positions_at_year_end(self):
        positions, summary = self.env["koperasi.loan"]._get_portfolio_as_of(
            YEAR_END, [("company_id", "=", self.company.id)]
        )
        self.assertEqual(set(positions), {self.siti_loan, self.current_loan})
        siti = positions[self.siti_loan]
        self.assertEqual(siti["outstanding"], 10000000)
        # Third instalment due 15 April 2018, unpaid at the year end.
        self.assertEqual(siti["days_past_due"], 260)
        self.assertEqual(siti["arrears_instalments"], 9)
        # Instalments 3 to 11: 9,000,000 principal, 100,000 + ... + 20,000
        self.assertEqual(siti["arrears_amount"], 9540000)
        self.assertEqual(siti["collectibility"], "diragukan")
        current = positions[self.current_loan]
        self.assertEqual(
            (current["outstanding"], current["days_past_due"]), (2000000, 0)
        )
        self.assertEqual(current["collectibility"], "lancar")
        self.assertEqual(summary["loan_count"], 2)
        self.assertEqual(summary["outstanding"], 12000000)
        self.assertEqual(summary["by_collectibility"]["diragukan"], 10000000)
        self.assertEqual(summary["npl_amount"], 10000000)
        self.assertEqual(summary["npl_ratio"], 83.33)
        self.assertEqual(summary["par30_amount"], 10000000)
        self.assertEqual(summary["par30"], 83.33)
        # The company's thresholds: at most 300 days is still substandard.
        self.company.koperasi_loan_col_days_2 = 300
        positions, _summary = self.env["koperasi.loan"]._get_portfolio_as_of(
            YEAR_END, [("company_id", "=", self.company.id)]
        )
        self.assertEqual(positions[self.siti_loan]["collectibility"], "kurang_lancar")
        # A year earlier nothing was disbursed; a year later Budi's third loan
        # is in and Siti's balance is the 2019 one.
        positions, _summary = self.env["koperasi.loan"]._get_portfolio_as_of(
            date(YEAR - 1, 12, 31), [("company_id", "=", self.company.id)]
        )
        self.assertFalse(positions)

    def test_rat_xlsx_loan_sheet_at_year_end(self):
        wizard = self.env["koperasi.rat.report"].create({"year": YEAR})
        wizard.action_export_xlsx()
        workbook = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), data_only=True
        )
        sheet = workbook["Loan Portfolio"]
        self.assertEqual(sheet["A2"].value, "As at 12/31/2018")
        rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(rows["Current (lancar)"], (1, 2000000, 16.67))
        self.assertEqual(rows["Doubtful (diragukan)"], (1, 10000000, 83.33))
        self.assertEqual(rows["Loss (macet)"], (0, 0, 0))
        self.assertEqual(rows["Total outstanding"], (2, 12000000, 100))
        self.assertEqual(rows["Non-performing loans (NPL)"], (1, 10000000, 83.33))
        self.assertEqual(
            rows["PAR30 (more than 30 days past due)"], (1, 10000000, 83.33)
        )
        # One row per loan at the year end, with its year-end figures.
        sheet = workbook["Loans at Year End"]
        loans = {
            row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)
        }
        self.assertEqual(set(loans), {self.siti_loan.name, self.current_loan.name})
        self.assertEqual(
            loans[self.siti_loan.name][3:],
            (12000000, 10000000, 260, 9, 9540000, "Doubtful (diragukan)"),
        )
        self.assertEqual(
            loans[self.current_loan.name][3:],
            (3000000, 2000000, 0, 0, 0, "Current (lancar)"),
        )

    def test_rat_pdf_savings_and_loan_sections(self):
        self.account.write({"open_date": date(YEAR, 1, 1)})
        self.account.deposit(750000, payment_journal=self.cash, date=date(YEAR, 5, 2))
        wizard = self.env["koperasi.rat.report"].create({"year": YEAR})
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "koperasi_membership.action_report_rat_pack", wizard.ids
        )
        html = html.decode()
        self.assertIn('id="koperasi_rat_extra_sections"', html)
        self.assertIn("Savings Summary", html)
        self.assertIn("o_rat_savings", html)
        self.assertIn("Sukarela Uji", html)
        self.assertIn("750,000", html)
        self.assertIn("Loan Portfolio", html)
        self.assertIn("As at 12/31/2018", html)
        self.assertIn("o_rat_loans", html)
        self.assertIn("Doubtful (diragukan)", html)
        self.assertIn("10,000,000", html)
        self.assertIn("12,000,000", html)
        self.assertIn("83.33 %", html)
        self.assertIn("Non-performing loans (NPL)", html)
        self.assertIn("PAR30 (more than 30 days past due)", html)
        # Today's balance of Siti's loan is not the year-end one.
        self.assertNotIn("5,400,000", html)
