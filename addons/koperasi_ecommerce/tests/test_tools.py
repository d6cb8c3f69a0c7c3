import io
import zipfile

from odoo.tests import BaseCase, tagged

from ..tools import commission, payment_proof, sales_xlsx, whatsapp


@tagged("post_install", "-at_install")
class TestTools(BaseCase):
    def test_commission_rate_priority(self):
        self.assertEqual(commission.effective_commission_rate(8.0, 12.0, 10.0), 8.0)
        self.assertEqual(commission.effective_commission_rate(0.0, 12.0, 10.0), 12.0)
        self.assertEqual(commission.effective_commission_rate(None, 0.0, 10.0), 10.0)
        self.assertEqual(commission.effective_commission_rate(0, 0, 0), 0.0)
        with self.assertRaises(ValueError):
            commission.effective_commission_rate(120.0, 0, 10.0)

    def test_split_sale_whole_rupiah(self):
        self.assertEqual(
            commission.split_sale(200000.0, 8.0), (200000.0, 16000.0, 184000.0)
        )
        # 33,333.5 rupiah at 7.5%: gross rounds half up, commission 2,500.05 -> 2,500
        self.assertEqual(
            commission.split_sale(33333.5, 7.5), (33334.0, 2500.0, 30834.0)
        )
        self.assertEqual(commission.split_sale(15000.0, 0), (15000.0, 0.0, 15000.0))
        self.assertEqual(commission.round_rupiah(2.5), 3.0)

    def test_payout_checks(self):
        self.assertEqual(commission.available_balance(184000.0, 100000.0), 84000.0)
        self.assertEqual(
            commission.check_payout_request(0, 184000, 50000), "not_positive"
        )
        self.assertEqual(
            commission.check_payout_request(20000, 184000, 50000), "below_minimum"
        )
        self.assertEqual(
            commission.check_payout_request(200000, 184000, 50000), "above_balance"
        )
        self.assertIsNone(commission.check_payout_request(184000, 184000, 50000))

    def test_proof_type_by_content(self):
        self.assertEqual(
            payment_proof.check_proof(b"\x89PNG\r\n\x1a\nxxxx"),
            (None, "image/png", "png"),
        )
        self.assertEqual(
            payment_proof.check_proof(b"\xff\xd8\xff\xe0xxxx"),
            (None, "image/jpeg", "jpg"),
        )
        self.assertEqual(
            payment_proof.check_proof(b"%PDF-1.7 ..."), (None, "application/pdf", "pdf")
        )
        self.assertEqual(
            payment_proof.check_proof(b"RIFF\x00\x00\x00\x00WEBPVP8 "),
            (None, "image/webp", "webp"),
        )
        # An executable or HTML named "bukti.png" is still refused.
        self.assertEqual(
            payment_proof.check_proof(b"MZ\x90\x00"), ("bad_type", None, None)
        )
        self.assertEqual(
            payment_proof.check_proof(b"<html><script>"), ("bad_type", None, None)
        )
        self.assertEqual(payment_proof.check_proof(b""), ("empty", None, None))
        big = b"%PDF-" + b"0" * payment_proof.MAX_PROOF_SIZE
        self.assertEqual(payment_proof.check_proof(big), ("too_large", None, None))
        exact = b"%PDF-" + b"0" * (payment_proof.MAX_PROOF_SIZE - 5)
        self.assertEqual(payment_proof.check_proof(exact)[0], None)

    def test_whatsapp_link(self):
        self.assertEqual(whatsapp.normalize_phone("0812-3456 7890"), "6281234567890")
        self.assertEqual(whatsapp.normalize_phone("+62 812 3456"), "628123456")
        self.assertEqual(
            whatsapp.wa_link("Abon Lele & sambal", "0812"),
            "https://wa.me/62812?text=Abon%20Lele%20%26%20sambal",
        )
        self.assertEqual(whatsapp.wa_link("Halo"), "https://wa.me/?text=Halo")

    def test_sales_workbook(self):
        content = sales_xlsx.build_sales_workbook(
            "Penjualan",
            ["Bulan", "Produsen", "Total"],
            [["2026-10", "Sumiati", 184000.0], ["2026-11", "Rohmah", 52800.0]],
            money_columns=(2,),
        )
        self.assertTrue(content.startswith(b"PK"))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("Sumiati", strings)
        self.assertIn("Rohmah", strings)
        self.assertIn("<v>236800</v>", sheet)
