import io
import zipfile
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AquacultureCommon


@tagged("post_install", "-at_install")
class TestBatch(AquacultureCommon):
    def test_pond_dimensions(self):
        self.assertEqual(self.pond.area_m2, 20.0)
        self.assertEqual(self.pond.volume_m3, 16.0)
        round_pond = self.env["aquaculture.pond"].create(
            {
                "name": "Bioflok Bundar",
                "code": "KAQ-BF",
                "pond_type": "bioflok",
                "shape": "round",
                "diameter_m": 2.0,
                "depth_m": 1.0,
                "owner_id": self.farmer.id,
            }
        )
        self.assertEqual(round_pond.area_m2, 3.14)
        self.assertEqual(round_pond.volume_m3, 3.14)

    def test_sequence_and_pipeline(self):
        batch = self._create_batch(stock=False)
        self.assertTrue(batch.name.startswith("LELE/"))
        self.assertEqual(batch.state, "planned")
        self.assertEqual(self.pond.state, "empty")
        batch.action_stock()
        self.assertEqual(batch.state, "stocked")
        self.assertEqual(self.pond.state, "active")
        self.assertEqual(self.pond.current_batch_id, batch)
        self.assertEqual(batch.stocking_density, 62.5)
        self.assertEqual(batch.density_class, "semi_intensive")
        self.assertFalse(batch.density_warning)
        self._log(batch, "mortality", mortality_count=3)
        self.assertEqual(batch.state, "growing")
        with self.assertRaises(ValidationError):
            self._create_batch()  # the pond already holds a batch
        with self.assertRaises(UserError):
            batch.action_close()  # fish still alive
        with self.assertRaises(UserError):
            batch.unlink()

    def test_density_warning(self):
        batch = self._create_batch(stock=False, fry_count=3000)
        self.assertEqual(batch.stocking_density, 187.5)
        self.assertTrue(batch.density_warning)
        batch.action_stock()
        self.assertIn("outside the norms", batch.message_ids[0].body)

    def test_worked_example_kpis(self):
        """The worked example of test_kpi, through the records."""
        batch = self._create_batch()
        self._log(batch, "feeding", product_id=self.feed.id, quantity=106.8)
        self._log(batch, "treatment", product_id=self.probiotic.id, quantity=2.0)
        self._log(batch, "mortality", mortality_count=100, mortality_cause="disease")
        self._log(
            batch,
            "sampling",
            sample_count=30,
            sample_weight_kg=2.0,
            date=date(2026, 2, 1),
        )
        self._log(
            batch,
            "sampling",
            sample_count=30,
            sample_weight_kg=3.3,
            date=date(2026, 3, 22),
        )
        self._harvest(batch, 300, 33.0)
        self.assertRecordValues(
            batch,
            [
                {
                    "state": "harvesting",
                    "dead_count": 100,
                    "harvested_count": 300,
                    "harvested_kg": 33.0,
                    "live_count": 600,
                    "abw_g": 110.0,
                    "biomass_kg": 66.0,
                    "weight_gain_kg": 89.0,
                    "feed_kg": 106.8,
                    "feed_cost": 961200.0,
                    "treatment_cost": 50000.0,
                    "fcr": 1.2,
                    "survival_rate": 90.0,
                    "adg": 1.25,
                    "total_cost": 1400000.0,
                    "cost_per_kg": 14141.0,
                    "revenue": 759000.0,
                    "margin": -641000.0,
                }
            ],
        )
        # Pivot: a read_group on the stored KPIs.
        groups = self.env["aquaculture.batch"].read_group(
            [("id", "=", batch.id)], ["harvested_kg:sum", "fcr:avg"], ["pond_id"]
        )
        self.assertEqual(groups[0]["harvested_kg"], 33.0)
        self.assertEqual(groups[0]["fcr"], 1.2)

    def test_bad_input_changes_nothing(self):
        batch = self._create_batch()
        Log = self.env["aquaculture.log"]
        before = Log.search_count([("batch_id", "=", batch.id)])
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._log(batch, "mortality", mortality_count=-5)
        with self.assertRaisesMsg(ValidationError, "above zero"):
            self._log(batch, "sampling", sample_count=30, sample_weight_kg=0.0)
        with self.assertRaisesMsg(ValidationError, "exceed"):
            self._log(batch, "mortality", mortality_count=1001)
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._log(batch, "feeding", product_id=self.feed.id, quantity=-1.0)
        with self.assertRaisesMsg(ValidationError, "not a"):
            self._log(batch, "feeding", product_id=self.probiotic.id, quantity=1.0)
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._create_batch(pond=self.other_pond, stock=False, fry_count=-10)
        # Implausible figures are refused like negative ones.
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._log(batch, "water", temperature=1e40, ph=7.0, dissolved_oxygen=5.0)
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._log(batch, "water", temperature=28.0, ph=15.0, dissolved_oxygen=5.0)
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._log(batch, "feeding", product_id=self.feed.id, quantity=1e30)
        with self.assertRaisesMsg(ValidationError, "must be between"):
            self._create_batch(pond=self.other_pond, stock=False, fry_count=10**9)
        self._log(batch, "mortality", mortality_count=10)
        with self.assertRaisesMsg(ValidationError, "exceed"):
            batch.fry_count = 5
        self.assertEqual(batch.fry_count, 1000)
        self.assertEqual(Log.search_count([("batch_id", "=", batch.id)]), before + 1)
        self.assertEqual(batch.live_count, 990)
        self.assertFalse(
            self.env["stock.move"].search([("origin", "=", batch.name)]),
        )

    def test_closed_batch_refuses_logs(self):
        batch = self._create_batch()
        self._log(batch, "mortality", mortality_count=10)
        self._harvest(batch, 990, 99.0, harvest_type="total")
        self.assertEqual(batch.state, "closed")
        self.assertEqual(batch.date_closed, date(2026, 3, 22))
        self.assertEqual(batch.live_count, 0)
        self.assertEqual(batch.survival_rate, 99.0)
        self.assertEqual(self.pond.state, "empty")
        self.assertFalse(self.pond.current_batch_id)
        with self.assertRaisesMsg(UserError, "Closed"):
            self._log(batch, "mortality", mortality_count=1)
        with self.assertRaises(UserError):
            batch.log_ids[:1].write({"mortality_count": 2})
        self.assertEqual(batch.dead_count, 10)

    def test_water_quality_alert(self):
        batch = self._create_batch()
        log = self._log(
            batch, "water", temperature=28.0, ph=7.5, dissolved_oxygen=4.0, ammonia=0.01
        )
        self.assertFalse(log.water_alert)
        self.assertFalse(batch.activity_ids)
        log = self._log(
            batch, "water", temperature=32.0, ph=7.5, dissolved_oxygen=2.0, ammonia=0.01
        )
        self.assertTrue(log.water_alert)
        self.assertEqual(len(batch.activity_ids), 1)
        self.assertEqual(batch.activity_ids.user_id, self.technician)
        self.assertIn("dissolved oxygen", batch.activity_ids.summary)
        with self.assertRaises(ValidationError):
            self._log(batch, "water", temperature=28.0, ph=15.0, dissolved_oxygen=4.0)

    def test_xlsx_export_and_pdf(self):
        batch = self._create_batch()
        self._log(batch, "sampling", sample_count=30, sample_weight_kg=0.9)
        content = batch._export_xlsx()
        self.assertEqual(content[:2], b"PK")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(batch.name, strings)
        self.assertIn("FCR", strings)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "koperasi_aquaculture.report_aquaculture_batch", batch.ids
            )[0]
            .decode()
        )
        self.assertIn(batch.name, html)
        self.assertIn("Survival Rate", html)
        action = batch.action_export_xlsx()
        self.assertIn(str(batch.id), action["url"])
