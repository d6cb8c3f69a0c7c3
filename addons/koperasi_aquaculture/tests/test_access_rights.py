from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AquacultureCommon


@tagged("post_install", "-at_install")
class TestAccessRights(AquacultureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls._create_batch()
        cls.other_batch = cls._create_batch(pond=cls.other_pond)

    def test_technician_logs_but_does_not_manage(self):
        Log = self.env["aquaculture.log"].with_user(self.technician)
        log = Log.create(
            {
                "batch_id": self.batch.id,
                "log_type": "feeding",
                "product_id": self.feed.id,
                "quantity": 2.0,
            }
        )
        self.assertEqual(log.move_id.state, "done")
        self.assertEqual(log.user_id, self.technician)
        with self.assertRaises(AccessError):
            self.env["aquaculture.batch"].with_user(self.technician).create(
                {"pond_id": self.pond.id, "fry_count": 10}
            )
        with self.assertRaises(AccessError):
            self.batch.with_user(self.technician).write({"fry_cost": 1.0})
        with self.assertRaises(AccessError):
            self.env["aquaculture.harvest"].with_user(self.technician).create(
                {"batch_id": self.batch.id, "fish_count": 1, "weight_kg": 0.1}
            )
        with self.assertRaises(AccessError):
            self.group.with_user(self.technician).write({"name": "Ubah"})

    def test_officer_manages_batches_not_configuration(self):
        batch = self.env["aquaculture.batch"].with_user(self.officer)
        planned = batch.create(
            {"pond_id": self.pond.id, "fry_count": 10, "product_id": self.live_fish.id}
        )
        self.assertEqual(planned.state, "planned")
        with self.assertRaises(AccessError):
            self.pond.with_user(self.officer).unlink()
        with self.assertRaises(AccessError):
            self.env["aquaculture.farmer.group"].with_user(self.officer).create(
                {"name": "Baru"}
            )
        self.group.with_user(self.manager).write({"name": "Pokdakan Uji 2"})

    def test_farmer_sees_own_ponds_only(self):
        Pond = self.env["aquaculture.pond"].with_user(self.farmer_user)
        self.assertEqual(Pond.search([]), self.pond)
        self.assertEqual(
            self.env["aquaculture.batch"].with_user(self.farmer_user).search([]),
            self.batch,
        )
        with self.assertRaises(AccessError):
            self.other_pond.with_user(self.farmer_user).read(["name"])
        with self.assertRaises(AccessError):
            self.other_batch.with_user(self.farmer_user).read(["live_count"])
        with self.assertRaises(AccessError):
            self.env["aquaculture.log"].with_user(self.farmer_user).create(
                {
                    "batch_id": self.batch.id,
                    "log_type": "mortality",
                    "mortality_count": 1,
                }
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.pond.with_user(self.farmer_user).write({"name": "Milik saya"})

    def test_kanban_query_count_is_bounded(self):
        """The pond kanban reads the same number of queries for 2 or 12 ponds."""
        Pond = self.env["aquaculture.pond"]
        spec = {
            "display_name": {},
            "pond_type": {},
            "owner_id": {"fields": {"display_name": {}}},
            "farmer_group_id": {"fields": {"display_name": {}}},
            "area_m2": {},
            "volume_m3": {},
            "state": {},
            "current_batch_id": {"fields": {"display_name": {}}},
            "current_days_of_culture": {},
            "current_live_count": {},
            "current_biomass_kg": {},
        }
        domain = [("code", "like", "KAQ-")]
        Pond = Pond.with_user(self.manager)

        def count_queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = Pond.web_search_read(domain, spec)
            return self.env.cr.sql_log_count - before, result["length"]

        count_queries()  # warm the caches of views and rules
        small, length = count_queries()
        self.assertEqual(length, 2)
        for i in range(10):
            pond = self.env["aquaculture.pond"].create(
                {
                    "name": f"Kolam {i}",
                    "code": f"KAQ-P{i}",
                    "length_m": 4,
                    "width_m": 4,
                    "depth_m": 1,
                    "owner_id": self.farmer.id,
                }
            )
            self._create_batch(pond=pond)
        large, length = count_queries()
        self.assertEqual(length, 12)
        self.assertEqual(small, large)
        self.assertLess(large, 20)

    def test_officer_cannot_forge_a_done_harvest(self):
        Harvest = self.env["aquaculture.harvest"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Harvest.create(
                {
                    "batch_id": self.batch.id,
                    "fish_count": 100,
                    "weight_kg": 10.0,
                    "state": "done",
                }
            )
        harvest = Harvest.create(
            {"batch_id": self.batch.id, "fish_count": 100, "weight_kg": 10.0}
        )
        with self.assertRaises(AccessError):
            harvest.write({"state": "done"})
        self.assertFalse(harvest.move_id)
        harvest.action_done()
        self.assertEqual(harvest.state, "done")
        self.assertTrue(harvest.move_id)
        with self.assertRaises(UserError):
            harvest.write({"fish_count": 1000})
        self.assertEqual(harvest.fish_count, 100)
