from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import loan_portfolio as lp

YEAR_END = date(2018, 12, 31)


def efektif_lines():
    """12,000,000 over 12 months at 12% efektif, disbursed 15 January 2018:
    1,000,000 principal a month, interest 120,000 down to 10,000."""
    lines = []
    for k in range(1, 13):
        due = date(2018 + k // 12, k % 12 + 1, 15)
        lines.append((k, due, 1000000, 120000 - 10000 * (k - 1)))
    return lines


@tagged("post_install", "-at_install")
class TestLoanPortfolioTools(BaseCase):
    def test_position_at_year_end(self):
        lines = efektif_lines()
        self.assertEqual(lines[8][1], date(2018, 10, 15))
        self.assertEqual(lines[11][1], date(2019, 1, 15))
        # Instalments 1-8 paid; the 9th's interest and 300,000 of its principal.
        paid = {k: (1000000, 120000 - 10000 * (k - 1)) for k in range(1, 9)}
        paid[9] = (300000, 40000)
        position = lp.loan_position(YEAR_END, date(2018, 1, 15), 12000000, lines, paid)
        self.assertEqual(
            position,
            {
                "outstanding": 3700000,
                # since the 9th instalment, due 15 October: 16 + 30 + 31 days
                "days_past_due": 77,
                "arrears_instalments": 3,
                # 700,000 + (1,000,000 + 30,000) + (1,000,000 + 20,000)
                "arrears_amount": 2750000,
                "collectibility": "lancar",
            },
        )
        # The company's thresholds decide the class.
        strict = lp.loan_position(
            YEAR_END, date(2018, 1, 15), 12000000, lines, paid, (30, 60, 90)
        )
        self.assertEqual(strict["collectibility"], "diragukan")
        # Principal prepaid on a later instalment lowers the balance only.
        paid[12] = (500000, 0)
        position = lp.loan_position(YEAR_END, date(2018, 1, 15), 12000000, lines, paid)
        self.assertEqual(position["outstanding"], 3200000)
        self.assertEqual(position["days_past_due"], 77)

    def test_outside_the_portfolio(self):
        lines = efektif_lines()
        # Disbursed after the date
        self.assertIsNone(
            lp.loan_position(date(2018, 1, 14), date(2018, 1, 15), 12000000, lines, {})
        )
        # Repaid by the date
        paid = dict.fromkeys(range(1, 13), (1000000, 0))
        self.assertIsNone(
            lp.loan_position(YEAR_END, date(2018, 1, 15), 12000000, lines, paid)
        )
        # Nothing paid: due on the date is not yet late
        position = lp.loan_position(
            date(2018, 2, 15), date(2018, 1, 15), 12000000, lines, {}
        )
        self.assertEqual(position["days_past_due"], 0)
        self.assertEqual(position["arrears_instalments"], 0)

    def test_summary(self):
        positions = [
            {"outstanding": 3700000, "days_past_due": 77, "collectibility": "lancar"},
            {"outstanding": 5000000, "days_past_due": 0, "collectibility": "lancar"},
            {
                "outstanding": 1300000,
                "days_past_due": 200,
                "collectibility": "diragukan",
            },
            None,
        ]
        summary = lp.portfolio_summary(positions)
        self.assertEqual(summary["loan_count"], 3)
        self.assertEqual(summary["outstanding"], 10000000)
        self.assertEqual(
            summary["by_collectibility"],
            {"lancar": 8700000, "kurang_lancar": 0, "diragukan": 1300000, "macet": 0},
        )
        self.assertEqual(summary["count_by_collectibility"]["lancar"], 2)
        self.assertEqual((summary["npl_amount"], summary["npl_count"]), (1300000, 1))
        self.assertEqual(summary["npl_ratio"], 13.0)
        self.assertEqual(summary["npl_band"], "less_sound")
        self.assertEqual(
            (summary["par30_amount"], summary["par30_count"]), (5000000, 2)
        )
        self.assertEqual(summary["par30"], 50.0)
        empty = lp.portfolio_summary([])
        self.assertEqual((empty["outstanding"], empty["npl_ratio"]), (0, 0.0))
