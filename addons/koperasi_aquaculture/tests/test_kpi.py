from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import kpi


@tagged("post_install", "-at_install")
class TestKpiFunctions(BaseCase):
    """The worked example: 1,000 fry of 10 g, 100 deaths, 300 fish (33 kg)
    harvested, a last sample of 30 fish weighing 3.3 kg on day 80, 106.8 kg
    of feed at Rp 9,000, Rp 50,000 of probiotic, Rp 300,000 of fry and
    Rp 88,800 of other costs; the harvest sold at Rp 23,000/kg."""

    def test_live_count_and_biomass(self):
        self.assertEqual(kpi.live_count(1000, 100, 300), 600)
        self.assertEqual(kpi.live_count(100, 80, 30), 0)
        self.assertEqual(kpi.average_body_weight(30, 3.3), 110.0)
        self.assertEqual(kpi.average_body_weight(0, 3.3), 0.0)
        self.assertEqual(kpi.biomass_kg(110.0, 600), 66.0)

    def test_fcr_survival_adg(self):
        gain = kpi.weight_gain_kg(1000, 10.0, 66.0, 33.0)
        self.assertEqual(gain, 89.0)
        self.assertEqual(kpi.fcr(106.8, gain), 1.2)
        self.assertEqual(kpi.fcr(10.0, 0.0), 0.0)
        self.assertEqual(kpi.survival_rate(1000, 300, 600), 90.0)
        self.assertEqual(kpi.survival_rate(1000, 870), 87.0)
        self.assertEqual(kpi.survival_rate(0, 0), 0.0)
        days = kpi.days_of_culture(date(2026, 1, 1), date(2026, 3, 22))
        self.assertEqual(days, 80)
        self.assertEqual(kpi.adg(110.0, 10.0, days), 1.25)
        self.assertEqual(kpi.adg(110.0, 10.0, 0), 0.0)
        self.assertEqual(kpi.days_of_culture(date(2026, 1, 1), None), 0)

    def test_cost_revenue_margin(self):
        cost = kpi.total_cost(300000, 106.8 * 9000, 50000, 88800)
        self.assertEqual(cost, 1400000)
        self.assertEqual(kpi.cost_per_kg(cost, 33.0 + 66.0), 14141)
        self.assertEqual(kpi.cost_per_kg(cost, 0), 0)
        revenue = kpi.revenue([(33.0, 23000)])
        self.assertEqual(revenue, 759000)
        self.assertEqual(kpi.revenue([(0.5, 1001)]), 501)  # 500.5 rounds up
        self.assertEqual(kpi.margin(revenue, cost), -641000)

    def test_density_and_water(self):
        self.assertEqual(kpi.stocking_density(1000, 16.0), 62.5)
        self.assertEqual(kpi.density_class(62.5), "semi_intensive")
        self.assertEqual(kpi.density_class(40.0), "traditional")
        self.assertEqual(kpi.density_class(180.0), "intensive")
        self.assertFalse(kpi.density_out_of_norm(62.5))
        self.assertTrue(kpi.density_out_of_norm(180.0))
        self.assertFalse(kpi.density_out_of_norm(400.0, biofloc=True))
        self.assertTrue(kpi.density_out_of_norm(250.0, biofloc=True))
        self.assertTrue(kpi.density_out_of_norm(520.0, biofloc=True))
        self.assertEqual(kpi.round_area(2.0), 3.14)
        self.assertEqual(
            kpi.water_quality_issues(
                {
                    "temperature": 28.0,
                    "ph": 7.0,
                    "dissolved_oxygen": 4.0,
                    "ammonia": 0.0,
                }
            ),
            [],
        )
        self.assertEqual(
            kpi.water_quality_issues(
                {
                    "temperature": 31.5,
                    "ph": 9.0,
                    "dissolved_oxygen": 2.0,
                    "ammonia": 0.5,
                }
            ),
            ["temperature", "ph", "dissolved_oxygen", "ammonia"],
        )
        self.assertEqual(kpi.size_grade(10.0), "consumption")
        self.assertEqual(kpi.size_grade(6.0), "jumbo")
        self.assertEqual(kpi.size_grade(15.0), "small")
