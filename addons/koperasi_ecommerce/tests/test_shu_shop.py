import datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_shu import YEAR, KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuShop(KoperasiShuCommon):
    """The membership SHU example (2020: SHU 10,000,000, usage pool
    2,000,000) with the members' shop purchases as their volume.

    A buys 150,000 in March and 50,000 in November; B 100,000 in June and
    400,000 on 2 January 2021 (next year); C buys nothing; a shopper who is
    not a member buys 1,000,000; C's unconfirmed quotation does not count.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's demo promotions would change the amounts of the orders.
        cls.env["loyalty.program"].search([]).action_archive()
        cls.website = cls.env["website"].search(
            [("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["website"].create(
            {"name": "Toko SHU Uji", "company_id": cls.company.id}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Harga SHU Uji", "currency_id": cls.currency.id}
        )
        cls.abon = cls.env["product.product"].create(
            {
                "name": "Abon Lele SHU",
                "type": "consu",
                "list_price": 50000.0,
                "taxes_id": [Command.clear()],
                "sale_ok": True,
            }
        )
        cls.outsider = cls.env["res.partner"].create({"name": "Pembeli Bukan Anggota"})
        cls._shop_order(cls.member_a.partner_id, 3, datetime.date(YEAR, 3, 10))
        cls._shop_order(cls.member_a.partner_id, 1, datetime.date(YEAR, 11, 20))
        cls._shop_order(cls.member_b.partner_id, 2, datetime.date(YEAR, 6, 5))
        cls._shop_order(cls.member_b.partner_id, 8, datetime.date(YEAR + 1, 1, 2))
        cls._shop_order(cls.outsider, 20, datetime.date(YEAR, 8, 17))
        cls._shop_order(
            cls.member_c.partner_id, 5, datetime.date(YEAR, 9, 1), confirm=False
        )

    @classmethod
    def _shop_order(cls, partner, quantity, day, confirm=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "website_id": cls.website.id,
                "pricelist_id": cls.pricelist.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.abon.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        order.date_order = datetime.datetime.combine(day, datetime.time(10, 0))
        return order

    def test_usage_pool_split_by_shop_purchases(self):
        dist = self._distribution()
        dist.action_compute()
        self.assertEqual(dist.shu_amount, 10000000)
        lines = {line.member_id: line for line in dist.member_line_ids}
        self.assertEqual(set(lines), {self.member_a, self.member_b, self.member_c})
        a, b, c = lines[self.member_a], lines[self.member_b], lines[self.member_c]
        # Volumes: the year's confirmed shop orders, untaxed.
        self.assertEqual((a.volume, b.volume, c.volume), (200000, 100000, 0))
        # Usage pool 2,000,000 x 2/3 and x 1/3, floored; C bought nothing.
        self.assertEqual(a.usage_share, 1333333)
        self.assertEqual(b.usage_share, 666666)
        self.assertEqual(c.usage_share, 0)
        # The capital shares are those of the membership example.
        self.assertEqual(
            (a.capital_share, b.capital_share, c.capital_share),
            (1180327, 622950, 196721),
        )
        self.assertEqual(a.amount, 1180327 + 1333333)
        allocation = {line.kind: line.amount for line in dist.allocation_line_ids}
        self.assertEqual(allocation["usage"], 1999999)
        self.assertEqual(allocation["capital"], 1999998)
        # 40% plus the rupiah of both roundings (2 + 1)
        self.assertEqual(allocation["reserve"], 4000003)
        self.assertEqual(dist.residue_amount, 3)
        # The member shares and the residues make up the pools exactly.
        shares = dist.member_line_ids
        self.assertEqual(sum(shares.mapped("usage_share")) + 1, 2000000)
        self.assertEqual(sum(shares.mapped("capital_share")) + 2, 2000000)
        self.assertEqual(
            dist.members_amount, allocation["usage"] + allocation["capital"]
        )
        self.assertEqual(sum(allocation.values()), 10000000)
