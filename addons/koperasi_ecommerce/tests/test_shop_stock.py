from odoo import Command
from odoo.tests import tagged

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestShopStock(KoperasiEcommerceCommon):
    """The shop's stock figures: what shoppers are told is free to order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.stock_location.warehouse_id
        cls.other_warehouse = cls.env["stock.warehouse"].create(
            {"name": "Gudang Kraksaan", "code": "KRK", "company_id": cls.company.id}
        )
        # 20 more abon in the other warehouse, 3 abon reserved by an order.
        cls.env["stock.quant"]._update_available_quantity(
            cls.abon.product_variant_id, cls.other_warehouse.lot_stock_id, 20
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.shopper.partner_id.id,
                "warehouse_id": cls.warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.abon.product_variant_id.id,
                            "product_uom_qty": 3,
                        }
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.sambal = cls.env["product.template"].create(
            {
                "name": "Sambal Lele Uji",
                "list_price": 15000.0,
                "is_published": True,
                "sale_ok": True,
                "is_storable": False,
                "company_id": cls.company.id,
                "koperasi_producer_id": cls.producer.id,
            }
        )

    def _free_qty_by_stock(self, product, warehouse):
        product.invalidate_recordset(["free_qty"])
        return product.with_context(warehouse_id=warehouse.id).free_qty

    def test_free_qty_of_the_website_warehouse(self):
        product = self.abon.product_variant_id
        self.assertEqual(self.order.picking_ids.state, "assigned")
        self.website.warehouse_id = self.warehouse
        # 50 on hand - 3 reserved; the other warehouse's 20 are not offered.
        self.assertEqual(self.website._get_product_available_qty(product), 47.0)
        self.assertEqual(self._free_qty_by_stock(product, self.warehouse), 47.0)
        self.website.warehouse_id = self.other_warehouse
        self.assertEqual(self.website._get_product_available_qty(product), 20.0)
        self.assertEqual(self._free_qty_by_stock(product, self.other_warehouse), 20.0)

    def test_free_qty_without_website_warehouse(self):
        """Without a warehouse on the website, every warehouse of the company counts."""
        product = self.abon.product_variant_id
        self.website.warehouse_id = False
        self.assertEqual(self.website._get_product_available_qty(product), 67.0)
        self.assertEqual(
            self._free_qty_by_stock(product, self.env["stock.warehouse"]), 67.0
        )

    def test_delivery_frees_nothing_reserved_is_taken(self):
        """After the delivery the 3 abon are gone from on-hand, not counted twice."""
        self.website.warehouse_id = self.warehouse
        self._deliver(self.order)
        self.assertEqual(
            self.website._get_product_available_qty(self.abon.product_variant_id), 47.0
        )

    def test_combination_info(self):
        """The product page is told the free quantity of storable products only."""
        self.website.warehouse_id = self.warehouse
        for template in (self.abon, self.sambal):
            template.product_variant_id.stock_notification_partner_ids = (
                self.shopper.partner_id
            )
        shopper_env = self.env(
            user=self.shopper, context={"website_id": self.website.id}
        )
        abon = self.abon.with_env(shopper_env)._get_combination_info()
        self.assertEqual(abon["free_qty"], 47.0)
        self.assertTrue(abon["has_stock_notification"])
        sambal = self.sambal.with_env(shopper_env)._get_combination_info()
        self.assertEqual(sambal["free_qty"], 0.0)
        self.assertFalse(sambal["has_stock_notification"])
        self.assertEqual(sambal["product_type"], "consu")

    def test_anonymous_visitor_reads_no_subscribers(self):
        """An anonymous visitor's product page does not read who asked to be
        notified: the public partner never asks (a visitor gives an email)."""
        public = self.website.user_id
        product = self.abon.product_variant_id
        product.stock_notification_partner_ids = (
            public.partner_id | self.shopper.partner_id
        )
        self.env.flush_all()
        self.env.invalidate_all()
        # As website_sale_stock asks: on the product in sudo, as the visitor.
        product = product.with_user(public).sudo()
        self.assertTrue(product.is_storable and product.env.user._is_public())
        self.assertEqual(product.env.user.partner_id, public.partner_id)
        with self.assertQueryCount(0):
            self.assertFalse(product._has_stock_notification(public.partner_id))
        self.assertTrue(product._has_stock_notification(self.shopper.partner_id))
        shopper_product = product.with_user(self.shopper).sudo()
        self.assertTrue(
            shopper_product._has_stock_notification(self.shopper.partner_id)
        )

    def test_no_stock_query_for_other_products(self):
        """Products that are not storable cost the product page no stock query."""
        self.website.warehouse_id = self.warehouse
        sambal = self.sambal.product_variant_id
        self.assertFalse(sambal.is_storable)
        with self.assertQueryCount(0):
            self.assertEqual(self.website._get_product_available_qty(sambal), 0.0)

    def test_one_stock_query_for_a_page_of_products(self):
        """A shop grid reads the free stock of all its products at once."""
        self.website.warehouse_id = self.warehouse
        products = (self.abon | self.kerupuk | self.pakan).product_variant_id
        # Warm the warehouse and its locations, then forget the figures.
        self.website._get_product_available_qty(products[0])
        products.invalidate_recordset(["koperasi_free_qty"])
        products.mapped("uom_id.rounding")
        self.env.flush_all()
        with self.assertQueryCount(1):
            quantities = [
                self.website._get_product_available_qty(product) for product in products
            ]
        self.assertEqual(quantities, [47.0, 50.0, 50.0])

    def test_figure_follows_stock_changes(self):
        """Within one transaction the figure follows the quants."""
        self.website.warehouse_id = self.warehouse
        product = self.kerupuk.product_variant_id
        self.assertEqual(self.website._get_product_available_qty(product), 50.0)
        self.env["stock.quant"]._update_available_quantity(
            product, self.stock_location, -8
        )
        self.assertEqual(self.website._get_product_available_qty(product), 42.0)

    def test_one_stock_query_for_a_product_page(self):
        """The warehouses' locations are remembered between pages: a product
        page reads its free stock in one query, even with a cold cache."""
        self.website.warehouse_id = False
        product = self.abon.product_variant_id
        self.assertEqual(self.website._get_product_available_qty(product), 67.0)
        self.env.invalidate_all()
        # What the page has read by then: the website, the product, its unit.
        self.website.mapped("warehouse_id")
        product.mapped("is_storable")
        product.mapped("uom_id.rounding")
        with self.assertQueryCount(1):
            self.assertEqual(self.website._get_product_available_qty(product), 67.0)

    def test_figure_follows_the_warehouses(self):
        """A warehouse opened or moved counts at once, though the locations
        of the warehouses are remembered between pages."""
        self.website.warehouse_id = False
        product = self.abon.product_variant_id
        self.assertEqual(self.website._get_product_available_qty(product), 67.0)
        third = self.env["stock.warehouse"].create(
            {"name": "Gudang Paiton", "code": "PTN", "company_id": self.company.id}
        )
        self.env["stock.quant"]._update_available_quantity(
            product, third.lot_stock_id, 5
        )
        self.assertEqual(self.website._get_product_available_qty(product), 72.0)
        self.website.warehouse_id = third
        self.assertEqual(self.website._get_product_available_qty(product), 5.0)
        # The third warehouse's locations moved under the first one's.
        third.view_location_id.location_id = self.warehouse.view_location_id
        self.assertEqual(self.website._get_product_available_qty(product), 5.0)
        self.website.warehouse_id = self.warehouse
        self.assertEqual(self.website._get_product_available_qty(product), 52.0)
        self.website.warehouse_id = False
        self.assertEqual(self.website._get_product_available_qty(product), 72.0)
