from odoo.tests import HttpCase, tagged

from .common import PNG_BYTES, KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestTours(HttpCase, KoperasiEcommerceCommon):
    def test_member_sees_member_price(self):
        self.start_tour(
            self.abon.website_url, "koperasi_member_price", login="kec_member"
        )

    def test_shopper_checks_out_by_transfer_and_uploads_proof(self):
        self.start_tour(
            self.abon.website_url, "koperasi_transfer_checkout", login="kec_shopper"
        )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.shopper.partner_id.id)], limit=1
        )
        self.assertEqual(order.koperasi_proof_state, "to_verify")
        self.assertEqual(order.koperasi_proof_attachment_id.mimetype, "image/png")
        self.assertEqual(order.amount_total, 100000.0)
        self.assertEqual(order.transaction_ids.state, "pending")

    def test_staff_verify_proof(self):
        order, tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        order._koperasi_submit_proof("bukti.png", PNG_BYTES)
        self.start_tour(
            "/odoo/action-koperasi_ecommerce.koperasi_proof_to_verify_action",
            "koperasi_verify_proof",
            login="kec_officer",
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(tx.state, "done")
        self.assertEqual(order.koperasi_proof_state, "verified")
        self.assertIn(order.invoice_ids.payment_state, ("paid", "in_payment"))
