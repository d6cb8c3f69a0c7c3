import base64
import datetime
import io
import zipfile

from odoo.tests import tagged

from ..tools import rat as rat_tools
from .common_shu import YEAR, KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuRatPack(KoperasiShuCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.distribution = cls._approved()
        cls.wizard = cls.env["koperasi.rat.report"].create({"year": YEAR})

    def test_cash_book_tool(self):
        rows = rat_tools.cash_book(
            100.0, [(None, "A", "in", 50.0, 0.0), (None, "B", "out", 0.0, 30.0)]
        )
        self.assertEqual([row[-1] for row in rows], [150.0, 120.0])

    def test_balance_sheet_balances(self):
        data = self.wizard._get_rat_data()
        for key in ("balance", "balance_prev"):
            sheet = data[key]
            self.assertAlmostEqual(
                sheet["total_assets"],
                sheet["total_liabilities"] + sheet["total_equity"],
                places=2,
            )
        self.assertGreater(data["balance"]["total_assets"], 0)

    def test_income_result_equals_shu(self):
        data = self.wizard._get_rat_data()
        self.assertEqual(data["income"]["result"], self.distribution.shu_amount)
        self.assertEqual(data["income"]["result"], 10000000)
        self.assertEqual(data["income_prev"]["result"], 0)
        self.assertEqual(len(data["shu_lines"]), 3)

    def test_members_and_capital(self):
        self.member_c.join_date = datetime.date(YEAR, 7, 1)
        self.member_b.write(
            {
                "join_date": datetime.date(YEAR - 1, 12, 10),
                "exit_date": datetime.date(YEAR, 11, 30),
            }
        )
        data = self.wizard._get_rat_data()
        self.assertIn(self.member_c, data["joined"])
        self.assertIn(self.member_b, data["left"])
        self.assertNotIn(self.member_b, data["joined"])
        # B's wajib (100,000) and C's pokok were received during the year.
        self.assertGreaterEqual(data["pokok_received"], 100000)
        self.assertGreaterEqual(data["wajib_received"], 100000)

    def test_cash_book_running_balance(self):
        data = self.wizard._get_rat_data()
        rows = data["cash_rows"]
        self.assertTrue(rows)
        self.assertEqual(
            rows[-1][5],
            data["cash_opening"] + sum(r[3] for r in rows) - sum(r[4] for r in rows),
        )

    def test_pdf_and_xlsx(self):
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "koperasi_membership.action_report_rat_pack", self.wizard.ids
        )
        html = html.decode()
        self.assertIn("o_rat_balance", html)
        self.assertIn("o_rat_income", html)
        self.assertIn("10,000,000", html)
        action = self.wizard.action_export_xlsx()
        self.assertIn("download=true", action["url"])
        content = base64.b64decode(self.wizard.xlsx_file)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("xl/worksheets/sheet6.xml", names)
        self.assertIn("Balance Sheet", strings)
        self.assertIn(self.member_a.name, strings)
