"""A second cooperative runs its own ponds: stocking, feeding and harvest
move its own warehouse's stock, never the first one's."""

from datetime import date

from odoo.tests import tagged

from .common import AquacultureCommon


@tagged("post_install", "-at_install")
class TestSecondCooperative(AquacultureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Koperasi Lele Uji B"})
        cls.env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company_b.id])
        )
        cls.warehouse_b = cls.env_b["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.env_b["stock.quant"]._update_available_quantity(
            cls.feed, cls.warehouse_b.lot_stock_id, 100.0
        )
        farmer_b = cls.env_b["res.partner"].create({"name": "Pak Lele B"})
        group_b = cls.env_b["aquaculture.farmer.group"].create(
            {"name": "Pokdakan B", "code": "KAQ-B", "company_id": cls.company_b.id}
        )
        cls.pond_b = cls.env_b["aquaculture.pond"].create(
            {
                "name": "Kolam B",
                "code": "KAQ-B1",
                "pond_type": "terpal",
                "length_m": 5.0,
                "width_m": 4.0,
                "depth_m": 0.8,
                "owner_id": farmer_b.id,
                "farmer_group_id": group_b.id,
                "company_id": cls.company_b.id,
            }
        )

    def test_batch_feeding_and_harvest_in_its_own_warehouse(self):
        feed_a_before = self.feed.with_company(self.env.company).qty_available
        batch = self.env_b["aquaculture.batch"].create(
            {
                "pond_id": self.pond_b.id,
                "company_id": self.company_b.id,
                "stocking_date": date(2026, 1, 1),
                "fry_count": 500,
                "fry_weight_g": 10.0,
                "fry_cost": 150000.0,
                "product_id": self.live_fish.id,
            }
        )
        batch.action_stock()
        log = self.env_b["aquaculture.log"].create(
            {
                "batch_id": batch.id,
                "log_type": "feeding",
                "product_id": self.feed.id,
                "quantity": 10.0,
                "date": date(2026, 1, 2),
            }
        )
        self.assertEqual(log.move_id.company_id, self.company_b)
        self.assertEqual(log.move_id.location_id, self.warehouse_b.lot_stock_id)
        self.assertEqual(
            self.feed.with_company(self.company_b)
            .with_context(warehouse_id=self.warehouse_b.id)
            .qty_available,
            90.0,
        )
        self.assertEqual(
            self.feed.with_company(self.env.company).qty_available, feed_a_before
        )
        harvest = self.env_b["aquaculture.harvest"].create(
            {
                "batch_id": batch.id,
                "date": date(2026, 3, 22),
                "harvest_type": "total",
                "fish_count": 450,
                "weight_kg": 45.0,
                "unit_price": 23000.0,
            }
        )
        harvest.action_done()
        self.assertEqual(harvest.company_id, self.company_b)
        self.assertEqual(harvest.move_id.company_id, self.company_b)
        self.assertEqual(
            harvest.move_id.location_dest_id.warehouse_id, self.warehouse_b
        )
        self.assertIn(batch.name, harvest.lot_id.name)
