import io
import re
import zipfile

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestAccessRights(KoperasiEcommerceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order_olahan, _tx = cls._create_transfer_order(
            cls.shopper.partner_id, [(cls.abon, 1)]
        )
        cls.order_pakan, _tx = cls._create_transfer_order(
            cls.member_user.partner_id, [(cls.pakan, 1)]
        )
        cls.env["koperasi.producer.ledger"].create(
            {
                "producer_id": cls.other_producer.id,
                "sale_line_id": cls.order_olahan.order_line[0].id,
                "gross_amount": 100.0,
                "net_amount": 90.0,
            }
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_shopper(self):
        env = self.env(user=self.shopper)
        self.assertEqual(env["sale.order"].search([]), self.order_olahan)
        with self.assertRaises(AccessError):
            self.order_pakan.with_user(self.shopper).read(["name"])
        with self.assertRaises(AccessError):
            self.producer.with_user(self.shopper).read(["balance"])
        self.assertFalse(env["koperasi.producer.ledger"].search([]))
        with self.assertRaises(AccessError):
            env["koperasi.producer.payout"].create(
                {"producer_id": self.producer.id, "amount": 1}
            )
        with self.assertRaises(AccessError):
            self.abon.with_user(self.shopper).write({"list_price": 1})
        self.assertFalse(env["koperasi.producer"]._get_producer_for_user())

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_member(self):
        env = self.env(user=self.member_user)
        self.assertEqual(env["sale.order"].search([]), self.order_pakan)
        self.assertFalse(env["koperasi.producer"].search([]))
        with self.assertRaises(AccessError):
            self.other_producer.with_user(self.member_user).read(["balance"])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_producer(self):
        env = self.env(user=self.producer_user)
        self.assertEqual(env["koperasi.producer"].search([]), self.producer)
        self.assertEqual(
            env["koperasi.producer"]._get_producer_for_user(), self.producer
        )
        self.assertEqual(self.producer.with_user(self.producer_user).balance, 0.0)
        # Someone else's ledger stays hidden.
        self.assertFalse(env["koperasi.producer.ledger"].search([]))
        with self.assertRaises(AccessError):
            self.other_producer.with_user(self.producer_user).read(["balance"])
        with self.assertRaises(AccessError):
            self.producer.with_user(self.producer_user).write(
                {"commission_percent": 0.0}
            )
        with self.assertRaises(AccessError):
            env["koperasi.producer.payout"].create(
                {"producer_id": self.producer.id, "amount": 1000000}
            )
        with self.assertRaises(AccessError):
            self.abon.with_user(self.producer_user).write({"list_price": 1})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_store_manager(self):
        env = self.env(user=self.store_manager)
        products = env["product.template"].search(
            [("id", "in", (self.abon | self.kerupuk | self.pakan).ids)]
        )
        self.assertEqual(products, self.abon | self.kerupuk)
        self.abon.with_user(self.store_manager).write({"list_price": 110000.0})
        self.assertEqual(self.abon.list_price, 110000.0)
        with self.assertRaises(AccessError):
            self.pakan.with_user(self.store_manager).write({"list_price": 1})
        with self.assertRaises(AccessError):
            self.pakan.with_user(self.store_manager).read(["name"])
        orders = env["sale.order"].search(
            [("id", "in", (self.order_olahan | self.order_pakan).ids)]
        )
        self.assertEqual(orders, self.order_olahan)
        with self.assertRaises(AccessError):
            self.order_pakan.with_user(self.store_manager).read(["name"])
        with self.assertRaises(AccessError):
            env["product.template"].create(
                {"name": "Produk Lain", "koperasi_business_unit_id": self.unit_pakan.id}
            )
        new = env["product.template"].create(
            {
                "name": "Nugget Lele",
                "company_id": self.company.id,
                "koperasi_business_unit_id": self.unit_olahan.id,
            }
        )
        self.assertEqual(new.koperasi_business_unit_id, self.unit_olahan)
        with self.assertRaises(UserError):
            self.order_olahan.with_user(
                self.store_manager
            ).action_koperasi_proof_confirm()
        with self.assertRaises(AccessError):
            self.unit_olahan.with_user(self.store_manager).write(
                {"manager_user_ids": [Command.clear()]}
            )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_officer_and_manager(self):
        payout = self.env["koperasi.producer.payout"].create(
            {"producer_id": self.producer.id, "amount": 60000}
        )
        with self.assertRaises(AccessError):
            payout.with_user(self.officer).write({"state": "paid"})
        with self.assertRaises(UserError):
            payout.with_user(self.officer).action_approve()
        # The manager cannot pay more than the balance (nothing earned yet).
        with self.assertRaisesRegex(UserError, "above the producer's balance"):
            payout.with_user(self.manager).action_approve()
        self.assertEqual(payout.state, "requested")
        payout.with_user(self.manager).action_reject("Saldo kosong")
        self.assertEqual(payout.state, "rejected")
        self.assertTrue(
            self.env(user=self.officer)["sale.order"].search(
                [("id", "=", self.order_pakan.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestPortalAccess(HttpCase, KoperasiEcommerceCommon):
    def test_member_cannot_request_payout(self):
        payouts = self.env["koperasi.producer.payout"].search([])
        self.authenticate("kec_member", "kec_member")
        page = self.url_open("/my/koperasi")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("koperasi_producer", page.text)
        token = self._csrf(self.url_open("/my/account"))
        response = self.url_open(
            "/my/koperasi/payout", data={"amount": "60000", "csrf_token": token}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.env["koperasi.producer.payout"].search([]), payouts)

    def test_producer_portal_and_payout_errors(self):
        self.authenticate("kec_producer", "kec_producer")
        page = self.url_open("/my/koperasi")
        self.assertIn('id="koperasi_producer"', page.text)
        response = self.url_open(
            "/my/koperasi/payout",
            data={"amount": "60000", "csrf_token": self._csrf(page)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_payout_error", response.text)
        self.assertFalse(self.producer.payout_ids)

    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_sales_xlsx(self):
        order, _tx = self._create_transfer_order(
            self.member_user.partner_id, [(self.abon, 2)]
        )
        order._koperasi_submit_proof("bukti.png", b"\x89PNG\r\n\x1a\n0000")
        order.with_user(self.officer).action_koperasi_proof_confirm()
        self.env.flush_all()
        self.authenticate("kec_officer", "kec_officer")
        response = self.url_open("/koperasi_ecommerce/sales.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.producer.name, strings)
        self.assertIn(self.unit_olahan.name, strings)
        self.authenticate("kec_shopper", "kec_shopper")
        self.assertEqual(
            self.url_open("/koperasi_ecommerce/sales.xlsx").status_code, 403
        )
        self.authenticate("kec_store", "kec_store")
        self.assertEqual(
            self.url_open("/koperasi_ecommerce/sales.xlsx").status_code, 403
        )
