from contextlib import contextmanager
from datetime import date

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


class AquacultureCommon(BaseCommon):
    """The cast of the aquaculture tests, built once per class.

    The worked example of the KPI tests: 1,000 fry of 10 g stocked in a
    5 x 4 x 0.8 m tarpaulin pond (16 m3, 62.5 fish/m3).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.manager = mail_new_test_user(
            cls.env,
            login="kaq_manager",
            name="Manajer Budidaya",
            groups="koperasi_aquaculture.group_koperasi_aquaculture_manager,"
            "stock.group_stock_manager,mrp.group_mrp_manager",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="kaq_officer",
            name="Petugas Budidaya",
            groups="koperasi_aquaculture.group_koperasi_aquaculture_officer",
        )
        cls.technician = mail_new_test_user(
            cls.env,
            login="kaq_technician",
            name="Teknisi Kolam",
            groups="koperasi_aquaculture.group_koperasi_aquaculture_user",
        )
        cls.farmer_user = mail_new_test_user(
            cls.env, login="kaq_farmer", name="Bu Ani", groups="base.group_portal"
        )
        cls.other_farmer_user = mail_new_test_user(
            cls.env, login="kaq_farmer2", name="Bu Tini", groups="base.group_portal"
        )
        cls.farmer = cls.farmer_user.partner_id
        cls.other_farmer = cls.other_farmer_user.partner_id
        cls.group = cls.env["aquaculture.farmer.group"].create(
            {"name": "Pokdakan Uji", "code": "KAQ-UJI", "leader_id": cls.farmer.id}
        )
        (cls.farmer | cls.other_farmer).aquaculture_farmer_group_id = cls.group
        Product = cls.env["product.product"]
        cls.feed = Product.create(
            {
                "name": "Pakan Uji",
                "is_storable": True,
                "uom_id": cls.env.ref("uom.product_uom_kgm").id,
                "uom_po_id": cls.env.ref("uom.product_uom_kgm").id,
                "standard_price": 9000.0,
                "aquaculture_use": "feed",
            }
        )
        cls.probiotic = Product.create(
            {
                "name": "Probiotik Uji",
                "is_storable": True,
                "uom_id": cls.env.ref("uom.product_uom_litre").id,
                "uom_po_id": cls.env.ref("uom.product_uom_litre").id,
                "standard_price": 25000.0,
                "aquaculture_use": "treatment",
            }
        )
        cls.live_fish = Product.create(
            {
                "name": "Lele Hidup Uji",
                "is_storable": True,
                "tracking": "lot",
                "uom_id": cls.env.ref("uom.product_uom_kgm").id,
                "uom_po_id": cls.env.ref("uom.product_uom_kgm").id,
                "standard_price": 17000.0,
                "aquaculture_use": "live_fish",
            }
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.feed, cls.stock_location, 500.0)
        Quant._update_available_quantity(cls.probiotic, cls.stock_location, 20.0)
        Pond = cls.env["aquaculture.pond"]
        cls.pond = Pond.create(
            {
                "name": "Kolam Terpal Bu Ani",
                "code": "KAQ-01",
                "pond_type": "terpal",
                "length_m": 5.0,
                "width_m": 4.0,
                "depth_m": 0.8,
                "owner_id": cls.farmer.id,
                "farmer_group_id": cls.group.id,
                "user_id": cls.technician.id,
            }
        )
        cls.other_pond = Pond.create(
            {
                "name": "Kolam Bu Tini",
                "code": "KAQ-02",
                "pond_type": "beton",
                "length_m": 4.0,
                "width_m": 3.0,
                "depth_m": 1.0,
                "owner_id": cls.other_farmer.id,
                "farmer_group_id": cls.group.id,
            }
        )

    @classmethod
    def _create_batch(cls, pond=None, stock=True, **vals):
        batch = cls.env["aquaculture.batch"].create(
            {
                "pond_id": (pond or cls.pond).id,
                "stocking_date": date(2026, 1, 1),
                "fry_count": 1000,
                "fry_weight_g": 10.0,
                "fry_size_cm": 8.5,
                "fry_cost": 300000.0,
                "other_cost": 88800.0,
                "product_id": cls.live_fish.id,
                "user_id": cls.technician.id,
                **vals,
            }
        )
        if stock:
            batch.action_stock()
        return batch

    @classmethod
    def _log(cls, batch, log_type, **vals):
        return cls.env["aquaculture.log"].create(
            {
                "batch_id": batch.id,
                "log_type": log_type,
                "date": date(2026, 1, 2),
                **vals,
            }
        )

    @classmethod
    def _harvest(cls, batch, count, kg, harvest_type="partial", price=23000.0):
        harvest = cls.env["aquaculture.harvest"].create(
            {
                "batch_id": batch.id,
                "date": date(2026, 3, 22),
                "harvest_type": harvest_type,
                "fish_count": count,
                "weight_kg": kg,
                "unit_price": price,
            }
        )
        harvest.action_done()
        return harvest

    @contextmanager
    def assertRaisesMsg(self, exception, pattern):
        """assertRaises (which rolls back the savepoint) and check the message."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception), pattern)
