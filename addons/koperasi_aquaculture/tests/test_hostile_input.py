from datetime import date

from odoo.tests import tagged

from odoo.addons.koperasi_base.tests import hostile


@tagged("post_install", "-at_install", "koperasi_showcase")
class TestHostileInput(hostile.HostileInputCase):
    """Every pond route, as a visitor and as a farmer with a batch growing
    in her pond (so that her log forms are shown and fuzzed)."""

    addon = "koperasi_aquaculture"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        farmer = cls._portal_user("kaq_hostile")
        group = cls.env["aquaculture.farmer.group"].create(
            {
                "name": "Pokdakan Serangan",
                "code": "KAQ-HOS",
                "leader_id": farmer.partner_id.id,
            }
        )
        farmer.partner_id.aquaculture_farmer_group_id = group
        pond = cls.env["aquaculture.pond"].create(
            {
                "name": "Kolam Serangan",
                "code": "KAQ-HOS-1",
                "pond_type": "terpal",
                "length_m": 3.0,
                "width_m": 2.0,
                "depth_m": 0.8,
                "owner_id": farmer.partner_id.id,
                "farmer_group_id": group.id,
            }
        )
        live_fish = cls.env["product.product"].create(
            {"name": "Lele Serangan", "is_storable": True, "tracking": "lot"}
        )
        batch = cls.env["aquaculture.batch"].create(
            {
                "pond_id": pond.id,
                "stocking_date": date(2026, 1, 1),
                "fry_count": 500,
                "fry_weight_g": 10.0,
                "product_id": live_fish.id,
            }
        )
        batch.action_stock()

    def _personas(self):
        return [(None, None), ("kaq_hostile", "kaq_hostile_pw")]
