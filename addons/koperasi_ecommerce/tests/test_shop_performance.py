from odoo.tests import HttpCase, tagged

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestShopPerformance(HttpCase, KoperasiEcommerceCommon):
    """The queries of /shop and of a product page do not grow with the catalogue."""

    def _add_products(self, count, start):
        badge = self.env["koperasi.product.badge"].create({"name": f"Lencana {start}"})
        producers = self.producer | self.other_producer | self.producer_pakan
        templates = self.env["product.template"].create(
            [
                {
                    "name": f"Produk Koperasi {start + index:04d}",
                    "is_storable": True,
                    "list_price": 10000.0 + index,
                    "is_published": True,
                    "sale_ok": True,
                    "company_id": self.company.id,
                    "koperasi_producer_id": producers[index % 3].id,
                    "koperasi_badge_ids": [(6, 0, badge.ids)],
                }
                for index in range(count)
            ]
        )
        # Stock on hand, as in the real catalogue: the grid asks for it.
        for template in templates:
            self.env["stock.quant"]._update_available_quantity(
                template.product_variant_id, self.stock_location, 5
            )
        self.env.flush_all()

    def _hot_count(self, url):
        for _i in range(3):
            self.url_open(url)
        count0 = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - count0

    def _check(self, url, login=None):
        if login:
            self.authenticate(login, login)
        self._add_products(25, 0)
        small = self._hot_count(url)
        self.assertGreater(small, 5, "the page's queries are counted")
        self._add_products(100, 100)
        self._hot_count(url)
        with self.assertQueryCount(small):
            self.url_open(url)

    def test_shop_public(self):
        self._check("/shop")

    def test_shop_member(self):
        self._check("/shop", login="kec_member")

    def test_product_page(self):
        self._check(self.abon.website_url, login="kec_member")
