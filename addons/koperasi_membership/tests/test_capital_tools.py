import datetime

from odoo.tests import BaseCase, tagged

from ..tools import capital


@tagged("post_install", "-at_install")
class TestCapitalTools(BaseCase):
    def test_round_rupiah(self):
        self.assertEqual(capital.round_rupiah(1.5), 2.0)
        self.assertEqual(capital.round_rupiah(2.5), 3.0)
        self.assertEqual(capital.round_rupiah(-1.5), -2.0)
        self.assertEqual(capital.round_rupiah(24999.49), 24999.0)
        self.assertEqual(capital.round_rupiah(None), 0.0)

    def test_periods(self):
        day = datetime.date(2026, 11, 25)
        self.assertEqual(capital.period_start(day), datetime.date(2026, 11, 1))
        self.assertEqual(capital.add_months(day, 2), datetime.date(2027, 1, 1))
        self.assertEqual(capital.add_months(day, -11), datetime.date(2025, 12, 1))
        self.assertEqual(capital.period_label(day), "2026-11")

    def test_allocate_oldest_first(self):
        allocations, remainder = capital.allocate_payment(
            60000, [("jan", 25000), ("feb", 25000), ("mar", 25000)]
        )
        self.assertEqual(allocations, [("jan", 25000), ("feb", 25000), ("mar", 10000)])
        self.assertEqual(remainder, 0.0)

    def test_allocate_remainder(self):
        allocations, remainder = capital.allocate_payment(
            80000, [("jan", 10000), ("feb", 0), ("mar", 25000)]
        )
        self.assertEqual(allocations, [("jan", 10000), ("mar", 25000)])
        self.assertEqual(remainder, 45000.0)

    def test_prepayment_periods(self):
        first = datetime.date(2026, 12, 1)
        self.assertEqual(
            capital.prepayment_periods(first, 60000, 25000),
            [
                (datetime.date(2026, 12, 1), 25000.0),
                (datetime.date(2027, 1, 1), 25000.0),
                (datetime.date(2027, 2, 1), 10000.0),
            ],
        )
        self.assertEqual(capital.prepayment_periods(first, 60000, 0), [])

    def test_settlement(self):
        values = capital.settlement(100000, 250000, 50000, [30000, 20000.4], [15000])
        self.assertEqual(
            values,
            {
                "pokok": 100000.0,
                "wajib": 250000.0,
                "unpaid_dues": 50000.0,
                "deductions": 50000.0,
                "credits": 15000.0,
                "refund": 265000.0,
            },
        )

    def test_image_kind(self):
        self.assertEqual(capital.image_kind(b"\x89PNG\r\n\x1a\nrest"), "png")
        self.assertEqual(capital.image_kind(b"\xff\xd8\xff\xe0rest"), "jpeg")
        self.assertIsNone(capital.image_kind(b"%PDF-1.4"))
        self.assertIsNone(capital.image_kind(b"GIF89a"))
        self.assertIsNone(capital.image_kind(b""))
