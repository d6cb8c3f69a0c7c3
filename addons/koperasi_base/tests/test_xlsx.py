import io
import zipfile

from odoo.tests import TransactionCase, tagged

from ..tools import xlsx


def _sheet_xml(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode(), archive.read(
            "xl/sharedStrings.xml"
        ).decode()


@tagged("post_install", "-at_install")
class TestXlsx(TransactionCase):
    HOSTILE = (
        '=HYPERLINK("http://evil.example.com","klik")',
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "http://evil.example.com",
        "00123",
    )

    def test_text_is_never_a_formula_a_link_or_a_number(self):
        rows = [[name, 5000.0] for name in self.HOSTILE]
        content = xlsx.build_workbook("Daftar", ["Nama", "Jumlah"], rows)
        sheet, strings = _sheet_xml(content)
        self.assertNotIn("<f>", sheet)
        self.assertNotIn("hyperlink", sheet.lower())
        text = strings.replace("&quot;", '"')
        for name in self.HOSTILE:
            self.assertIn(name, text)
        self.assertIn("<v>5000</v>", sheet)

    def test_plain_write_of_a_new_workbook_keeps_text(self):
        stream = io.BytesIO()
        workbook = xlsx.new_workbook(stream)
        sheet = workbook.add_worksheet("Uji")
        sheet.write(0, 0, "=1+1")
        sheet.write(1, 0, "https://example.com")
        workbook.close()
        xml, strings = _sheet_xml(stream.getvalue())
        self.assertNotIn("<f>", xml)
        self.assertIn("=1+1", strings)
        self.assertIn("https://example.com", strings)
