from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import savings_interest as si


@tagged("post_install", "-at_install")
class TestSavingsInterestTools(BaseCase):
    """Pure calculations, exact figures."""

    def setUp(self):
        super().setUp()
        # June 2026 (30 days): 10,000,000 opening; +5,000,000 on the 11th;
        # -2,000,000 on the 21st: 10 days each at 10M, 15M and 13M.
        self.movements = [(date(2026, 6, 11), 5000000), (date(2026, 6, 21), -2000000)]
        self.june = si.month_bounds(2026, 6)

    def test_daily_balance_worked_example(self):
        # (10M*10 + 15M*10 + 13M*10) * 6% / 365 = 380,000,000 * 0.06 / 365
        # = 62,465.75 -> 62,466
        interest = si.interest_daily_balance(10000000, self.movements, *self.june, 6.0)
        self.assertEqual(interest, 62466)

    def test_lowest_balance_worked_example(self):
        # 10,000,000 * 6% * 30 / 365 = 49,315.07 -> 49,315
        interest = si.interest_lowest_balance(10000000, self.movements, *self.june, 6.0)
        self.assertEqual(interest, 49315)
        self.assertEqual(
            si.compute_interest("lowest", 10000000, self.movements, *self.june, 6.0),
            49315,
        )

    def test_lowest_balance_counts_a_dip(self):
        movements = [(date(2026, 6, 5), -9000000), (date(2026, 6, 6), 9000000)]
        self.assertEqual(
            si.interest_lowest_balance(10000000, movements, *self.june, 6.0),
            # 1,000,000 * 6% * 30 / 365 = 4,931.5 -> 4,932
            4932,
        )

    def test_final_tax_threshold(self):
        self.assertEqual(si.final_tax(240000), 0)
        self.assertEqual(si.final_tax(240001), 24000)
        self.assertEqual(si.final_tax(500000), 50000)
        self.assertEqual(si.final_tax(0), 0)
        self.assertEqual(si.final_tax(300000, threshold=500000, rate=10.0), 0)
        self.assertEqual(si.final_tax(300000, threshold=0, rate=20.0), 60000)

    def test_month_bounds_and_add_months(self):
        self.assertEqual(
            si.month_bounds(2028, 2), (date(2028, 2, 1), date(2028, 2, 29))
        )
        self.assertEqual(
            si.month_bounds(2026, 12), (date(2026, 12, 1), date(2026, 12, 31))
        )
        self.assertEqual(si.add_months(date(2026, 1, 31), 1), date(2026, 2, 28))
        self.assertEqual(si.add_months(date(2026, 11, 15), 3), date(2027, 2, 15))
        self.assertEqual(si.add_months(date(2026, 3, 15), -6), date(2025, 9, 15))

    def test_rounding_and_penalty(self):
        self.assertEqual(si.round_rupiah(0.5), 1)
        self.assertEqual(si.round_rupiah(1234.49), 1234)
        self.assertEqual(si.early_withdrawal_penalty(5000000, 1.0), 50000)
        self.assertEqual(si.early_withdrawal_penalty(5000000, 0), 0)
