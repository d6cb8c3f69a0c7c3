from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import AquacultureCommon


@tagged("post_install", "-at_install")
class TestStock(AquacultureCommon):
    def _available(self, product, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            product, self.stock_location, lot_id=lot, strict=bool(lot)
        )

    def test_feeding_moves_feed_to_pond_at_cost(self):
        batch = self._create_batch()
        before = self._available(self.feed)
        log = self._log(batch, "feeding", product_id=self.feed.id, quantity=12.5)
        move = log.move_id
        self.assertRecordValues(
            move,
            [
                {
                    "state": "done",
                    "product_id": self.feed.id,
                    "quantity": 12.5,
                    "location_id": self.stock_location.id,
                    "location_dest_id": self.env.ref(
                        "koperasi_aquaculture.stock_location_pond_consumption"
                    ).id,
                    "origin": batch.name,
                    "price_unit": 9000.0,
                }
            ],
        )
        self.assertEqual(log.cost, 112500.0)
        self.assertEqual(self._available(self.feed), before - 12.5)
        with self.assertRaises(UserError):
            log.write({"quantity": 1.0})
        with self.assertRaises(UserError):
            log.unlink()

    def test_harvest_receives_lot_named_after_batch(self):
        batch = self._create_batch()
        self._log(batch, "sampling", sample_count=30, sample_weight_kg=3.0)
        harvest = self._harvest(batch, 200, 20.0)
        self.assertEqual(batch.state, "harvesting")
        lot = harvest.lot_id
        self.assertEqual(lot.name, batch.name)
        self.assertEqual(lot.product_id, self.live_fish)
        self.assertEqual(batch.lot_id, lot)
        self.assertRecordValues(
            harvest.move_id,
            [
                {
                    "state": "done",
                    "quantity": 20.0,
                    "location_id": self.env.ref(
                        "koperasi_aquaculture.stock_location_pond_harvest"
                    ).id,
                    "location_dest_id": self.stock_location.id,
                }
            ],
        )
        self.assertEqual(harvest.move_id.move_line_ids.lot_id, lot)
        self.assertEqual(harvest.size_grade, "consumption")
        self.assertEqual(self._available(self.live_fish, lot), 20.0)
        # A second, total harvest goes to the same lot and closes the batch.
        total = self._harvest(batch, 790, 85.0, harvest_type="total")
        self.assertEqual(total.lot_id, lot)
        self.assertEqual(self._available(self.live_fish, lot), 105.0)
        self.assertEqual(batch.state, "closed")
        self.assertEqual(batch.harvested_count, 990)

    def test_harvest_above_live_count(self):
        batch = self._create_batch()
        self._log(batch, "mortality", mortality_count=100)
        harvest = self.env["aquaculture.harvest"].create(
            {"batch_id": batch.id, "fish_count": 901, "weight_kg": 90.0}
        )
        with self.assertRaisesMsg(UserError, "only 900 are alive"):
            harvest.action_done()
        self.assertEqual(harvest.state, "draft")
        self.assertFalse(harvest.move_id)
        self.assertFalse(self.env["stock.lot"].search([("name", "=", batch.name)]))
        harvest.fish_count = 0
        with self.assertRaises(UserError):
            harvest.action_done()
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self.env["aquaculture.harvest"].create(
                {"batch_id": batch.id, "fish_count": 10, "weight_kg": -1.0}
            )
        self.assertEqual(batch.harvest_ids, harvest)
        self.assertEqual(batch.live_count, 900)

    def test_processing_lot_through_bom(self):
        batch = self._create_batch()
        lot = self._harvest(batch, 300, 33.0).lot_id
        abon = self.env["product.product"].create(
            {
                "name": "Abon Lele Uji",
                "is_storable": True,
                "aquaculture_use": "processed",
            }
        )
        bom = self.env["mrp.bom"].create(
            {
                "product_tmpl_id": abon.product_tmpl_id.id,
                "product_qty": 10,
                "bom_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.live_fish.id,
                            "product_qty": 3.0,
                            "product_uom_id": self.env.ref("uom.product_uom_kgm").id,
                        },
                    )
                ],
            }
        )
        mo_form = Form(self.env["mrp.production"].with_user(self.manager))
        mo_form.product_id = abon
        mo_form.bom_id = bom
        mo_form.product_qty = 10
        production = mo_form.save()
        production.action_confirm()
        production.action_assign()
        self.assertEqual(production.move_raw_ids.move_line_ids.lot_id, lot)
        mo_form = Form(production)
        mo_form.qty_producing = 10
        production = mo_form.save()
        production.button_mark_done()
        self.assertEqual(production.state, "done")
        self.assertEqual(self._available(self.live_fish, lot), 30.0)
        self.assertEqual(self._available(abon), 10.0)

    def test_distribution_to_farmer_group(self):
        batch = self._create_batch()
        lot = self._harvest(batch, 300, 33.0).lot_id
        distribution = self.env["aquaculture.distribution"].create(
            {
                "farmer_group_id": self.group.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.live_fish.id,
                            "lot_id": lot.id,
                            "quantity": 8.0,
                        },
                    )
                ],
            }
        )
        distribution.action_allocate()
        self.assertEqual(distribution.state, "allocated")
        distribution.action_deliver()
        self.assertEqual(distribution.state, "delivered")
        move = distribution.line_ids.move_id
        self.assertEqual(
            move.location_dest_id, self.env.ref("stock.stock_location_customers")
        )
        self.assertEqual(move.partner_id, self.farmer)
        self.assertEqual(self._available(self.live_fish, lot), 25.0)
        received = self.env["aquaculture.distribution.line"].read_group(
            [("farmer_group_id", "=", self.group.id), ("state", "=", "delivered")],
            ["quantity:sum"],
            ["product_id"],
        )
        self.assertEqual(received[0]["quantity"], 8.0)
        # Too much: nothing delivered.
        too_much = distribution.copy()
        too_much.line_ids.quantity = 100.0
        too_much.action_allocate()
        with self.assertRaisesMsg(UserError, "Only 25"):
            too_much.action_deliver()
        self.assertEqual(too_much.state, "allocated")
        self.assertEqual(self._available(self.live_fish, lot), 25.0)
