import base64
import io
from datetime import date

import openpyxl

from odoo import fields
from odoo.tests import tagged

from .common import KoperasiLoanCommon

YEAR = 2018


@tagged("post_install", "-at_install")
class TestShuRatSavingsLoan(KoperasiLoanCommon):
    """Year 2018: SHU 10,000,000; Siti saves 1,200,000 all year and pays
    120,000 loan interest, Budi saves 600,000 from July."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.koperasi_shu_include_savings = True
        (cls.account | cls.other_account).write({"open_date": date(YEAR, 1, 1)})
        cls.account.deposit(1200000, payment_journal=cls.cash, date=date(YEAR, 1, 1))
        cls.other_account.deposit(
            600000, payment_journal=cls.cash, date=date(YEAR, 7, 1)
        )
        cls.loan = cls._loan(cls)
        cls.loan.action_submit()
        cls.loan.with_user(cls.manager).action_approve()
        cls.loan.with_user(cls.officer).action_disburse(
            payment_journal=cls.cash, date=date(YEAR, 1, 15)
        )
        cls.loan.register_payment(
            1120000, payment_journal=cls.cash, date=date(YEAR, 2, 15)
        )
        # The rest of the year's result: 9,880,000 more income.
        income = cls.env["account.account"].create(
            {"code": "KSLR410", "name": "Pendapatan Usaha", "account_type": "income"}
        )
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.accounts["journal"].id,
                "date": date(YEAR, 12, 31),
                "line_ids": [
                    fields.Command.create(
                        {"account_id": cls.accounts["cash"].id, "debit": 9880000}
                    ),
                    fields.Command.create({"account_id": income.id, "credit": 9880000}),
                ],
            }
        )
        move.action_post()

    def _distribution(self):
        return self.env["koperasi.shu.distribution"].create({"year": YEAR})

    def test_shu_includes_savings_and_loan_interest(self):
        dist = self._distribution()
        dist.action_compute()
        self.assertEqual(dist.shu_amount, 10000000)
        lines = {line.member_id: line for line in dist.member_line_ids}
        self.assertEqual(set(lines), {self.member, self.other_member})
        siti, budi = lines[self.member], lines[self.other_member]
        # Capital base: savings held month by month (12 x 1.2M vs 6 x 0.6M).
        self.assertEqual(siti.capital_average, 1200000)
        self.assertEqual(budi.capital_average, 300000)
        # Volume: the loan interest paid.
        self.assertEqual(siti.volume, 120000)
        self.assertEqual(budi.volume, 0)
        # Pools of 2,000,000 each: capital 80/20, usage all to Siti.
        self.assertEqual(siti.capital_share, 1600000)
        self.assertEqual(budi.capital_share, 400000)
        self.assertEqual(siti.usage_share, 2000000)
        self.assertEqual(budi.usage_share, 0)
        self.assertEqual(siti.amount, 3600000)
        self.assertEqual(budi.amount, 400000)
        self.assertEqual(dist.residue_amount, 0)

    def test_shu_without_savings_setting(self):
        self.company.koperasi_shu_include_savings = False
        dist = self._distribution()
        dist.action_compute()
        lines = dist.member_line_ids
        # Only the loan interest counts: Siti alone, usage share only.
        self.assertEqual(lines.member_id, self.member)
        self.assertEqual(lines.capital_share, 0)
        self.assertEqual(lines.usage_share, 2000000)
        self.assertEqual(dist.residue_amount, 2000000)

    def test_rat_pack_savings_and_loan_sheets(self):
        wizard = self.env["koperasi.rat.report"].create({"year": YEAR})
        wizard.action_export_xlsx()
        workbook = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), data_only=True
        )
        self.assertIn("Savings Summary", workbook.sheetnames)
        self.assertIn("Loan Portfolio", workbook.sheetnames)
        savings = {
            row[0]: row[1:]
            for row in workbook["Savings Summary"].iter_rows(
                min_row=4, values_only=True
            )
        }
        self.assertEqual(
            savings["Sukarela Uji"], ("Voluntary (sukarela)", 2, 1800000, 0)
        )
        self.assertEqual(savings["Total savings"][1:], (2, 1800000, 0))
        loans = {
            row[0]: row[1:]
            for row in workbook["Loan Portfolio"].iter_rows(min_row=5, values_only=True)
        }
        # At the year end: 11,000,000 left, the second instalment (due
        # 15 March) unpaid for 291 days, so doubtful; whatever today says.
        self.assertEqual(loans["Doubtful (diragukan)"], (1, 11000000, 100))
        self.assertEqual(loans["Current (lancar)"], (0, 0, 0))
        self.assertEqual(loans["Total outstanding"], (1, 11000000, 100))
        self.assertEqual(loans["Non-performing loans (NPL)"], (1, 11000000, 100))
