from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.models import PREFETCH_MAX
from odoo.tests import HttpCase, tagged

from odoo.addons.koperasi_base.tools.business_date import business_today

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestMemberPrice(HttpCase, KoperasiEcommerceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.flash_end = (fields.Datetime.now() + timedelta(days=2)).replace(
            microsecond=0
        )
        cls.public_pricelist.item_ids = [
            Command.create(
                {
                    "applied_on": "1_product",
                    "product_tmpl_id": cls.kerupuk.id,
                    "compute_price": "fixed",
                    "fixed_price": 15000.0,
                    "date_start": fields.Datetime.now() - timedelta(days=1),
                    "date_end": cls.flash_end,
                }
            )
        ]

    def _price_on_page(self, template):
        page = self.url_open(template.website_url)
        self.assertEqual(page.status_code, 200)
        return page.text

    def test_pricelist_of_partners(self):
        self.assertEqual(
            self.member_user.partner_id.property_product_pricelist,
            self.member_pricelist,
        )
        self.assertNotEqual(
            self.shopper.partner_id.property_product_pricelist, self.member_pricelist
        )
        self.member.state = "suspended"
        self.member_user.partner_id.invalidate_recordset(["property_product_pricelist"])
        self.assertNotEqual(
            self.member_user.partner_id.property_product_pricelist,
            self.member_pricelist,
        )

    def test_members_pricelist_is_not_looked_up_by_country(self):
        """A member's pricelist is the member pricelist: Odoo's search for a
        pricelist by country is left to the other partners, together."""
        Pricelist = type(self.env["product.pricelist"])
        lookup = Pricelist._get_partner_pricelist_multi
        asked = []

        def spy(pricelists, partner_ids):
            asked.extend(partner_ids)
            return lookup(pricelists, partner_ids)

        partners = self.member_user.partner_id | self.shopper.partner_id
        partners.invalidate_recordset(["property_product_pricelist"])
        with patch.object(Pricelist, "_get_partner_pricelist_multi", spy):
            pricelists = partners.mapped("property_product_pricelist")
        self.assertEqual(asked, [self.shopper.partner_id.id])
        self.assertEqual(
            self.member_user.partner_id.property_product_pricelist,
            self.member_pricelist,
        )
        self.assertIn(self.member_pricelist, pricelists)
        self.assertNotEqual(
            self.shopper.partner_id.property_product_pricelist, self.member_pricelist
        )

    def test_price_keeps_the_currency_precision_when_the_variant_changes(self):
        """website_sale's script rewrites the price with the precision the
        page gives, two decimals without it: the page gives the currency's to
        members and shoppers, not only to editors."""
        self.authenticate("kec_member", "kec_member")
        html = self._price_on_page(self.abon)
        precision = self.website.currency_id.decimal_places
        self.assertRegex(
            html,
            r'class="d-none decimal_precision o_koperasi_decimal_precision"\s+'
            rf'data-precision="{precision}"',
        )

    def test_member_sees_member_price(self):
        self.authenticate("kec_member", "kec_member")
        html = self._price_on_page(self.abon)
        self.assertIn("90,000.00", html)
        self.assertIn("o_koperasi_member_price", html)
        # The flash sale applies to members too (10% below it), with its end shown.
        html = self._price_on_page(self.kerupuk)
        self.assertIn("13,500.00", html)
        self.assertIn("o_koperasi_flash_sale", html)

    def test_shopper_and_public_see_shop_price(self):
        html = self._price_on_page(self.abon)
        self.assertIn("100,000.00", html)
        self.assertNotIn("o_koperasi_member_price", html)
        html = self._price_on_page(self.kerupuk)
        self.assertIn("15,000.00", html)
        self.assertIn("o_koperasi_flash_sale", html)
        self.authenticate("kec_shopper", "kec_shopper")
        html = self._price_on_page(self.abon)
        self.assertIn("100,000.00", html)
        self.assertNotIn("90,000.00", html)
        # A shopper cannot switch to the member pricelist by URL.
        self.url_open(f"/shop/change_pricelist/{self.member_pricelist.id}")
        self.assertNotIn("90,000.00", self._price_on_page(self.abon))

    def test_suspended_member_loses_member_price(self):
        self.member.state = "suspended"
        self.authenticate("kec_member", "kec_member")
        html = self._price_on_page(self.abon)
        self.assertIn("100,000.00", html)
        self.assertNotIn("90,000.00", html)

    def test_product_page_badges_and_share(self):
        badge = self.env["koperasi.product.badge"].create(
            {"name": "Halal Uji", "color": "info"}
        )
        self.abon.koperasi_badge_ids = badge
        html = self._price_on_page(self.abon)
        self.assertIn("Halal Uji", html)
        self.assertIn("https://wa.me/?text=Abon%20Lele%20Uji", html)
        self.assertIn(self.producer.name, html)

    def test_badges_and_producer_follow_their_changes(self):
        """The page's badges and producer come from the product's row and a
        cache: renaming, reordering or archiving a badge, or renaming the
        producer, shows at once, and reading them costs no query."""
        Badge = self.env["koperasi.product.badge"]
        organik = Badge.create({"name": "Organik Uji", "sequence": 5})
        halal = Badge.create(
            {"name": "Halal Uji", "sequence": 1, "color": "info", "icon": "fa-star"}
        )
        self.abon.koperasi_badge_ids = organik | halal
        self.assertEqual(
            self.abon._koperasi_badges(),
            [
                {"name": "Halal Uji", "color": "info", "icon": "fa-star"},
                {"name": "Organik Uji", "color": "success", "icon": "fa-leaf"},
            ],
        )
        with self.assertQueryCount(0):
            self.abon._koperasi_badges()
        organik.write({"name": "Organik Bersertifikat", "sequence": 0})
        halal.active = False
        self.assertEqual(
            [badge["name"] for badge in self.abon._koperasi_badges()],
            ["Organik Bersertifikat"],
        )
        halal.active = True
        self.assertEqual(
            [badge["name"] for badge in self.abon._koperasi_badges()],
            ["Organik Bersertifikat", "Halal Uji"],
        )
        self.abon.koperasi_badge_ids = organik
        self.assertEqual(len(self.abon._koperasi_badges()), 1)
        self.producer.member_id.partner_id.name = "Sumiati Lestari"
        self.assertEqual(self.abon.koperasi_producer_name, "Sumiati Lestari")
        html = self._price_on_page(self.abon)
        self.assertIn("Organik Bersertifikat", html)
        self.assertNotIn("Halal Uji", html)
        self.assertIn("Sumiati Lestari", html)

    def test_flash_sale_end_is_told_on_the_cooperatives_clock(self):
        """Every visitor reads the end of a flash sale on the cooperative's
        clock, its zone said: WIB for Asia/Jakarta, WITA for a cooperative in
        Makassar, whatever the visitor's own timezone."""
        self.shopper.tz = "Europe/Paris"
        for tz, hours, zone in (
            ("Asia/Jakarta", 7, "WIB"),
            ("Asia/Makassar", 8, "WITA"),
        ):
            self.company.partner_id.tz = tz
            local = self.flash_end + timedelta(hours=hours)
            told = f"{local.day} {local:%B %Y %H:%M} {zone}"
            for login in (None, "kec_shopper"):
                self.authenticate(login, login)
                html = self._price_on_page(self.kerupuk)
                self.assertIn(told, html, (tz, login))

    def test_flash_sale_end(self):
        self.assertEqual(
            self.kerupuk._koperasi_flash_sale_end(self.public_pricelist), self.flash_end
        )
        self.assertEqual(
            self.kerupuk._koperasi_flash_sale_end(self.member_pricelist), self.flash_end
        )
        self.assertFalse(self.abon._koperasi_flash_sale_end(self.member_pricelist))

    def test_flash_sale_end_from_the_rules_that_priced_the_page(self):
        """A product page prices the product at an instant, then shows when
        its flash sale ends: the rules found for the price answer it, for the
        member pricelist and the shop's it is based on, without a search."""
        product = self.kerupuk.product_variant_id
        pricelist = self.member_pricelist
        with freeze_time(fields.Datetime.now()) as clock:
            self.assertTrue(self.kerupuk._koperasi_pricelists_with_end(pricelist))
            price = pricelist._get_product_price(
                product, 1.0, target_currency=pricelist.currency_id
            )
            self.assertEqual(price, 13500.0)  # the flash price, less 10%
            # The clock moves on by a second while the page renders.
            clock.tick(timedelta(seconds=1))
            with self.assertQueryCount(0):
                end = self.kerupuk._koperasi_flash_sale_end(pricelist)
            self.assertEqual(end, self.flash_end)

    def _abon_sale(self, start, end=False):
        """A sale of abon at 20,000 on the shop's pricelist between the dates."""
        return self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.public_pricelist.id,
                "applied_on": "1_product",
                "product_tmpl_id": self.abon.id,
                "compute_price": "fixed",
                "fixed_price": 20000.0,
                "date_start": start,
                "date_end": end,
            }
        )

    def test_rules_of_an_instant_are_exact_within_the_next_minutes(self):
        """Rules searched at an instant answer the next minutes without a
        search, each instant getting exactly the rules valid at it: a sale
        starting and ending in between applies only while it runs."""
        now = fields.Datetime.now()
        pricelist = self.public_pricelist
        product = self.abon.product_variant_id
        sale = self._abon_sale(now + timedelta(seconds=30), now + timedelta(seconds=90))
        regular = pricelist._get_product_price(product, 1.0, date=now)
        self.assertNotEqual(regular, 20000.0)
        self.assertNotIn(sale, pricelist._get_applicable_rules(product, now))
        for seconds, applies in ((29, False), (30, True), (90, True), (91, False)):
            instant = now + timedelta(seconds=seconds)
            with self.assertQueryCount(0):
                rules = pricelist._get_applicable_rules(product, instant)
            self.assertEqual(sale in rules, applies, seconds)
            self.assertEqual(
                pricelist._get_product_price(product, 1.0, date=instant),
                20000.0 if applies else regular,
                seconds,
            )
        # Past the minutes searched for, or before them: searched again.
        for instant in (now + timedelta(minutes=11), now - timedelta(seconds=60)):
            with self.assertQueryCount(1):
                rules = pricelist._get_applicable_rules(product, instant)
            self.assertNotIn(sale, rules)

    def test_the_search_window_is_not_taken_from_the_context(self):
        """A caller's context naming a far end for the rule search (any RPC
        call can carry one) neither prices a sale that has not started nor
        lists its rule, on the memoised path or on Odoo's own (a batch too
        large to memoise)."""
        now = fields.Datetime.now()
        pricelist = self.public_pricelist
        product = self.abon.product_variant_id
        sale = self._abon_sale(now + timedelta(days=30))
        regular = pricelist._get_product_price(product, 1.0, date=now)
        self.assertNotEqual(regular, 20000.0)
        self.assertEqual(
            pricelist._get_product_price(product, 1.0, date=now + timedelta(days=31)),
            20000.0,
        )
        forged = pricelist.with_context(koperasi_rules_until=now + timedelta(days=365))
        many = product.with_prefetch(
            (product.id, *range(10**9, 10**9 + PREFETCH_MAX + 1))
        )
        for products in (product, many):
            rules = forged._get_applicable_rules(products, now)
            self.assertNotIn(sale, rules)
            self.assertEqual(
                forged._get_product_price(products, 1.0, date=now), regular
            )
            # Nor can Python code pass the window to it.
            rules = pricelist._get_applicable_rules(
                products, now, koperasi_rules_until=now + timedelta(days=365)
            )
            self.assertNotIn(sale, rules)


@tagged("post_install", "-at_install")
class TestShuVolume(KoperasiEcommerceCommon):
    def test_shop_purchases_feed_shu_volume(self):
        order, _tx = self._create_transfer_order(
            self.member_user.partner_id, [(self.abon, 2)]
        )
        order._koperasi_submit_proof("bukti.png", b"\x89PNG\r\n\x1a\n0000")
        order.with_user(self.officer).action_koperasi_proof_confirm()
        # Unpaid quotations and backend orders do not count.
        self._create_transfer_order(self.member_user.partner_id, [(self.kerupuk, 1)])
        today = business_today(order)
        Member = self.env["koperasi.member"]
        base = Member._get_shu_base(
            self.member | self.producer_member, today - timedelta(days=30), today
        )
        self.assertEqual(base[self.member.id]["volume"], 200000.0)
        self.assertEqual(base[self.producer_member.id]["volume"], 0.0)
        # Dates given as strings, as the membership hook's callers may do.
        base = Member._get_shu_base(
            self.member, "2000-01-01", fields.Date.to_string(today)
        )
        self.assertEqual(base[self.member.id]["volume"], 200000.0)
        base = Member._get_shu_base(
            self.member, today + timedelta(days=1), today + timedelta(days=30)
        )
        self.assertEqual(base[self.member.id]["volume"], 0.0)
