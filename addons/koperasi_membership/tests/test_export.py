import io
import zipfile

from odoo.tests import tagged

from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools

from .common import KoperasiMembershipCommon


def _xlsx_text(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    return strings, sheet


@tagged("post_install", "-at_install")
class TestExport(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._create_member(
            "Siti Register",
            "3513104101800501",
            state="active",
            join_date="2021-03-01",
            member_group_id=cls.group_lele.id,
        )
        cls._pay(cls.member, "pokok", 100000)

    def test_register_rows(self):
        title, headers, rows = self.member._get_register_xlsx_data()
        self.assertEqual(title, "Member Register")
        self.assertEqual(len(headers), len(rows[0]))
        row = rows[0]
        self.assertEqual(row[0], self.member.member_number)
        self.assertEqual(row[1], "Siti Register")
        self.assertEqual(row[5], "Kelompok Lele")
        self.assertEqual(str(row[6]), "2021-03-01")
        content = xlsx_tools.build_workbook(title, headers, rows)
        strings, _sheet = _xlsx_text(content)
        self.assertIn("Siti Register", strings)
        self.assertIn("3513104101800501", strings)

    def test_capital_statement(self):
        title, headers, rows = self.member._get_capital_xlsx_data()
        self.assertEqual(rows[0][3:], [100000.0, 0.0, 100000.0, 0.0])
        self.assertEqual(rows[-1][1], "Total")
        content = xlsx_tools.build_workbook(title, headers, rows)
        strings, sheet = _xlsx_text(content)
        self.assertIn("Capital Statement", strings)
        self.assertIn("<v>100000</v>", sheet)
