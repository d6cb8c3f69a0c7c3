from decimal import Decimal

from odoo.tests import BaseCase, tagged

from ..tools import shu


@tagged("post_install", "-at_install")
class TestShuTools(BaseCase):
    def test_default_allocation(self):
        amounts = shu.allocate(10_000_000, shu.DEFAULT_ALLOCATION)
        self.assertEqual(amounts["reserve"], Decimal("4000000"))
        self.assertEqual(amounts["capital"], Decimal("2000000"))
        self.assertEqual(amounts["usage"], Decimal("2000000"))
        for key in ("board", "staff", "education", "social"):
            self.assertEqual(amounts[key], Decimal("500000"))

    def test_allocation_residue_to_reserve(self):
        amounts = shu.allocate(10_000_003, shu.DEFAULT_ALLOCATION)
        # 40% = 4,000,001.2 floored, plus the 2 rupiah the others leave
        self.assertEqual(amounts["reserve"], Decimal("4000003"))
        self.assertEqual(amounts["capital"], Decimal("2000000"))
        self.assertEqual(amounts["board"], Decimal("500000"))
        self.assertEqual(sum(amounts.values()), Decimal("10000003"))

    def test_percentages_must_total_100(self):
        lines = [("reserve", "40"), ("capital", "30"), ("usage", "20.01")]
        with self.assertRaises(shu.ShuError) as caught:
            shu.allocate(1_000_000, lines)
        self.assertEqual(caught.exception.code, "total")
        self.assertEqual(caught.exception.params["total"], Decimal("90.01"))
        with self.assertRaises(shu.ShuError) as caught:
            shu.check_percentages([("reserve", 110), ("board", -10)])
        self.assertEqual(caught.exception.code, "negative")
        # 33.33 + 33.33 + 33.34 is exactly 100 in decimal
        self.assertEqual(
            shu.check_percentages(
                [("reserve", 33.33), ("capital", 33.33), ("usage", 33.34)]
            ),
            Decimal("100"),
        )

    def test_no_surplus(self):
        with self.assertRaises(shu.ShuError) as caught:
            shu.allocate(-5_000, shu.DEFAULT_ALLOCATION)
        self.assertEqual(caught.exception.code, "no_surplus")

    def test_capital_months(self):
        # held 300,000 all year
        self.assertEqual(shu.capital_base([300_000] * 12), Decimal("3600000"))
        # joined in July: six month-ends with 100,000
        joined = [0] * 6 + [100_000] * 6
        self.assertEqual(shu.capital_base(joined), Decimal("600000"))
        self.assertEqual(shu.average_capital(joined), Decimal("50000"))
        self.assertEqual(shu.average_capital([]), Decimal("0"))

    def test_worked_example(self):
        """A: 300,000 all year; B: 100,000 then 200,000 from June; C joined
        in July with 100,000. JM = JA = 2,000,000."""
        bases = {
            "A": (shu.capital_base([300_000] * 12), 1_500_000),
            "B": (shu.capital_base([100_000] * 5 + [200_000] * 7), 500_000),
            "C": (shu.capital_base([0] * 6 + [100_000] * 6), 1_000_000),
        }
        self.assertEqual(bases["B"][0], Decimal("1900000"))
        shares, cap_residue, use_residue = shu.split_members(
            bases, 2_000_000, 2_000_000
        )
        # 3.6M / 6.1M * 2M = 1,180,327.87 ; 1.9M / 6.1M * 2M = 622,950.82 ;
        # 0.6M / 6.1M * 2M = 196,721.31
        self.assertEqual(shares["A"], (Decimal("1180327"), Decimal("1000000")))
        self.assertEqual(shares["B"], (Decimal("622950"), Decimal("333333")))
        self.assertEqual(shares["C"], (Decimal("196721"), Decimal("666666")))
        self.assertEqual(cap_residue, Decimal("2"))
        self.assertEqual(use_residue, Decimal("1"))
        self.assertEqual(
            sum(c for c, _u in shares.values()) + cap_residue, Decimal("2000000")
        )
        self.assertEqual(
            sum(u for _c, u in shares.values()) + use_residue, Decimal("2000000")
        )

    def test_no_volume_pool_goes_to_reserve(self):
        shares, cap_residue, use_residue = shu.split_members(
            {"A": (100, 0), "B": (300, 0)}, 1_000, 500
        )
        self.assertEqual(shares["A"], (Decimal("250"), Decimal("0")))
        self.assertEqual(shares["B"], (Decimal("750"), Decimal("0")))
        self.assertEqual(cap_residue, Decimal("0"))
        self.assertEqual(use_residue, Decimal("500"))
        shares, cap_residue, use_residue = shu.split_members({}, 1_000, 500)
        self.assertEqual((shares, cap_residue, use_residue), ({}, 1_000, 500))

    def test_members_part(self):
        # 10,000,000 result, 12,000,000 of 15,000,000 income from members
        self.assertEqual(
            shu.members_part(10_000_000, 12_000_000, 15_000_000),
            (Decimal("8000000"), Decimal("2000000")),
        )
        # 10,000,001 * 2/3 = 6,666,667.33 -> 6,666,667; the rest 3,333,334
        members, others = shu.members_part(10_000_001, 2_000_000, 3_000_000)
        self.assertEqual((members, others), (Decimal("6666667"), Decimal("3333334")))
        self.assertEqual(members + others, Decimal("10000001"))
        # No member income, all from members, no income at all
        self.assertEqual(
            shu.members_part(5_000_000, 0, 8_000_000), (0, Decimal("5000000"))
        )
        self.assertEqual(
            shu.members_part(5_000_000, 9_000_000, 8_000_000),
            (Decimal("5000000"), 0),
        )
        self.assertEqual(shu.members_part(5_000_000, 0, 0), (0, Decimal("5000000")))
