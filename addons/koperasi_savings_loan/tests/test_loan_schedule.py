from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import loan_schedule as ls


@tagged("post_install", "-at_install")
class TestLoanScheduleTools(BaseCase):
    def test_efektif_check_figures(self):
        # P = 12,000,000, 12 months, 1%/month (12%/year) declining balance.
        lines = ls.compute_schedule(12000000, 12.0, 12, "efektif", date(2026, 1, 15))
        self.assertEqual(lines[0]["interest"], 120000)
        self.assertEqual(lines[0]["principal"], 1000000)
        self.assertEqual(lines[0]["amount"], 1120000)
        self.assertEqual(lines[-1]["interest"], 10000)
        totals = ls.schedule_totals(lines)
        self.assertEqual(totals["interest"], 780000)
        self.assertEqual(totals["principal"], 12000000)
        self.assertEqual(lines[-1]["balance"], 0)
        self.assertEqual(lines[0]["due_date"], date(2026, 2, 15))
        self.assertEqual(lines[-1]["due_date"], date(2027, 1, 15))

    def test_remaining_schedule_from_next_due_date(self):
        # A loan taken over: 6,000,000 left, 6 months, next due on the 31st.
        lines = ls.compute_schedule(
            6000000, 12.0, 6, "efektif", first_due_date=date(2026, 7, 31)
        )
        self.assertEqual(
            [line["due_date"] for line in lines],
            [
                date(2026, 7, 31),
                date(2026, 8, 31),
                date(2026, 9, 30),
                date(2026, 10, 31),
                date(2026, 11, 30),
                date(2026, 12, 31),
            ],
        )
        self.assertEqual(lines[0]["interest"], 60000)
        self.assertEqual(ls.schedule_totals(lines)["principal"], 6000000)

    def test_anuitas_check_figures(self):
        # P = 10,000,000, 12%/year, 12 months: instalment 888,488.
        self.assertAlmostEqual(
            float(ls.annuity_instalment(10000000, 12.0, 12)), 888487.89, 2
        )
        lines = ls.compute_schedule(10000000, 12.0, 12, "anuitas")
        self.assertEqual([line["amount"] for line in lines[:-1]], [888488] * 11)
        self.assertEqual(lines[0]["interest"], 100000)
        self.assertEqual(lines[0]["principal"], 788488)
        self.assertEqual(ls.schedule_totals(lines)["principal"], 10000000)
        # The last instalment absorbs the rounding: principal = what is left.
        self.assertEqual(lines[-1]["principal"], 879688)
        self.assertEqual(lines[-1]["amount"], 888485)
        self.assertEqual(lines[-1]["balance"], 0)

    def test_flat(self):
        lines = ls.compute_schedule(12000000, 12.0, 12, "flat")
        self.assertTrue(all(line["interest"] == 120000 for line in lines))
        self.assertTrue(all(line["principal"] == 1000000 for line in lines))
        self.assertEqual(ls.schedule_totals(lines)["interest"], 1440000)
        # A principal that does not divide evenly: the last one absorbs it.
        lines = ls.compute_schedule(1000000, 12.0, 3, "flat")
        self.assertEqual(
            [line["principal"] for line in lines], [333333, 333333, 333334]
        )

    def test_annuity_360_months(self):
        lines = ls.compute_schedule(500000000, 12.0, 360, "anuitas", date(2026, 1, 31))
        self.assertEqual(len(lines), 360)
        self.assertEqual(lines[0]["amount"], 5143063)
        self.assertEqual(lines[0]["interest"], 5000000)
        self.assertEqual(ls.schedule_totals(lines)["principal"], 500000000)
        self.assertEqual(lines[-1]["balance"], 0)
        self.assertEqual(lines[-1]["principal"], 5092068)
        self.assertEqual(lines[0]["due_date"], date(2026, 2, 28))
        self.assertEqual(lines[-1]["due_date"], date(2056, 1, 31))
        self.assertTrue(all(line["principal"] > 0 for line in lines))

    def test_zero_rate_and_bad_input(self):
        lines = ls.compute_schedule(1200000, 0.0, 12, "anuitas")
        self.assertEqual(ls.schedule_totals(lines)["interest"], 0)
        self.assertEqual(lines[0]["amount"], 100000)
        for args in ((0, 12, 12), (-5, 12, 12), (1000, -1, 12), (1000, 12, 0)):
            with self.assertRaises(ValueError):
                ls.compute_schedule(args[0], args[1], args[2], "efektif")
        with self.assertRaises(ValueError):
            ls.compute_schedule(1000, 12, 12, "bunga_berbunga")

    def test_allocation_order_oldest_first(self):
        dues = [
            {"id": 1, "penalty": 5000, "interest": 100000, "principal": 1000000},
            {"id": 2, "penalty": 0, "interest": 90000, "principal": 1000000},
        ]
        allocations, rest = ls.allocate_payment(1200000, dues)
        self.assertEqual(
            allocations,
            [
                {"id": 1, "penalty": 5000, "interest": 100000, "principal": 1000000},
                {"id": 2, "penalty": 0, "interest": 90000, "principal": 5000},
            ],
        )
        self.assertEqual(rest, 0)
        # Interest first, denda last.
        allocations, rest = ls.allocate_payment(
            103000, dues, ("interest", "principal", "penalty")
        )
        self.assertEqual(
            allocations,
            [{"id": 1, "penalty": 0, "interest": 100000, "principal": 3000}],
        )
        allocations, rest = ls.allocate_payment(3000000, dues)
        self.assertEqual(rest, 3000000 - 2195000)

    def test_penalty_and_collectibility_boundaries(self):
        self.assertEqual(ls.penalty_amount(1000000, 0.1, 10), 10000)
        self.assertEqual(ls.penalty_amount(1000000, 3.0, 15, per="month"), 15000)
        self.assertEqual(ls.penalty_amount(1000000, 0.1, 0), 0)
        self.assertEqual(ls.collectibility(0), "lancar")
        self.assertEqual(ls.collectibility(90), "lancar")
        self.assertEqual(ls.collectibility(91), "kurang_lancar")
        self.assertEqual(ls.collectibility(180), "kurang_lancar")
        self.assertEqual(ls.collectibility(181), "diragukan")
        self.assertEqual(ls.collectibility(360), "diragukan")
        self.assertEqual(ls.collectibility(361), "macet")

    def test_npl_bands_and_ratios(self):
        # DOMAIN bands: <= 5 sound, 5-10 fairly sound, 10-15 less sound, > 15.
        self.assertEqual(ls.npl_band(0), "sound")
        self.assertEqual(ls.npl_band(5.0), "sound")
        self.assertEqual(ls.npl_band(5.01), "fairly_sound")
        self.assertEqual(ls.npl_band(10.0), "fairly_sound")
        self.assertEqual(ls.npl_band(15.0), "less_sound")
        self.assertEqual(ls.npl_band(15.01), "unsound")
        self.assertEqual(ls.ratio_percent(1, 3), 33.33)
        self.assertEqual(ls.ratio_percent(2, 3), 66.67)
        self.assertEqual(ls.ratio_percent(5, 0), 0.0)
