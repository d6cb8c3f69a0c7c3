import re
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from ..tools import payment_proof
from .common import PDF_BYTES, PNG_BYTES, KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestPaymentProof(KoperasiEcommerceCommon):
    def test_confirm_proof_pays_everything(self):
        order, tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1), (self.kerupuk, 2)]
        )
        self.assertEqual(order.state, "sent")
        self.assertEqual(tx.state, "pending")
        self.assertTrue(order._koperasi_can_upload_proof())
        order._koperasi_submit_proof("bukti.pdf", PDF_BYTES)
        self.assertEqual(order.koperasi_proof_state, "to_verify")
        self.assertEqual(order.koperasi_proof_attachment_id.mimetype, "application/pdf")
        self.assertIn(
            order,
            self.env["sale.order"].search([("koperasi_proof_state", "=", "to_verify")]),
        )
        # Uploading again while it is being verified is refused.
        with self.assertRaises(UserError):
            order._koperasi_submit_proof("bukti2.png", PNG_BYTES)
        order.with_user(self.officer).action_koperasi_proof_confirm()
        self.assertEqual(tx.state, "done")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.koperasi_proof_state, "verified")
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_total, 140000.0)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        # Verifying twice: a clear error, nothing changes.
        with self.assertRaisesRegex(UserError, "not waiting for verification"):
            order.with_user(self.officer).action_koperasi_proof_confirm()
        self.assertEqual(len(order.invoice_ids), 1)

    def test_bad_proofs_change_nothing(self):
        order, _tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        with self.assertRaisesRegex(UserError, "image"):
            order._koperasi_submit_proof("bukti.png", b"<html>not an image</html>")
        with self.assertRaisesRegex(UserError, "too large"):
            order._koperasi_submit_proof(
                "besar.pdf", b"%PDF-" + b"0" * payment_proof.MAX_PROOF_SIZE
            )
        with self.assertRaises(UserError):
            order._koperasi_submit_proof("kosong.png", b"")
        self.assertEqual(order.koperasi_proof_state, "none")
        self.assertFalse(order.koperasi_proof_attachment_id)
        # Only officers verify.
        order._koperasi_submit_proof("bukti.png", PNG_BYTES)
        with self.assertRaises(UserError):
            order.with_user(self.store_manager).action_koperasi_proof_confirm()
        self.assertEqual(order.koperasi_proof_state, "to_verify")

    def test_reject_then_upload_again(self):
        order, tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        order._koperasi_submit_proof("bukti.png", PNG_BYTES)
        wizard = (
            self.env["sale.order.proof.reject"]
            .with_user(self.officer)
            .create(
                {"order_ids": [(6, 0, order.ids)], "reason": "Nominal transfer kurang"}
            )
        )
        wizard.action_reject()
        self.assertEqual(order.koperasi_proof_state, "rejected")
        self.assertEqual(order.koperasi_proof_reject_reason, "Nominal transfer kurang")
        self.assertEqual(tx.state, "pending")
        notice = order.message_ids.filtered(
            lambda m: self.shopper.partner_id in m.partner_ids
        )[:1]
        self.assertIn("Nominal transfer kurang", str(notice.body))
        self.assertTrue(order._koperasi_can_upload_proof())
        order._koperasi_submit_proof("bukti-baru.png", PNG_BYTES)
        self.assertEqual(order.koperasi_proof_state, "to_verify")
        with self.assertRaises(UserError):
            self.env["sale.order.proof.reject"].with_user(self.officer).create(
                {"order_ids": [(6, 0, order.ids)], "reason": "  "}
            ).action_reject()

    def test_reminder_then_cancel_releases_stock(self):
        order, tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 3)]
        )
        # The shop reserved the goods (confirmed order) but no transfer came.
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.state, "assigned")
        product = self.abon.product_variant_id
        self.assertEqual(
            product.with_context(location=self.stock_location.id).free_qty, 47.0
        )
        Order = self.env["sale.order"]
        started = tx.create_date
        with patch.object(fields.Datetime, "now", lambda: started + timedelta(hours=2)):
            Order._cron_koperasi_transfer_reminders()
        self.assertFalse(order.koperasi_proof_reminder_date)
        with patch.object(
            fields.Datetime, "now", lambda: started + timedelta(days=1, hours=1)
        ):
            Order._cron_koperasi_transfer_reminders()
        self.assertTrue(order.koperasi_proof_reminder_date)
        self.assertEqual(order.state, "sale")
        with patch.object(
            fields.Datetime, "now", lambda: started + timedelta(days=3, hours=1)
        ):
            Order._cron_koperasi_transfer_reminders()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(tx.state, "cancel")
        self.assertEqual(picking.state, "cancel")
        product.invalidate_recordset()
        self.assertEqual(
            product.with_context(location=self.stock_location.id).free_qty, 50.0
        )

    def test_orders_with_proof_are_not_cancelled(self):
        order, tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        order._koperasi_submit_proof("bukti.png", PNG_BYTES)
        with patch.object(
            fields.Datetime, "now", lambda: tx.create_date + timedelta(days=10)
        ):
            self.env["sale.order"]._cron_koperasi_transfer_reminders()
        self.assertEqual(order.state, "sent")
        self.assertEqual(order.koperasi_proof_state, "to_verify")


@tagged("post_install", "-at_install")
class TestPaymentProofHttp(HttpCase, KoperasiEcommerceCommon):
    def _csrf(self, order, access_token=True):
        url = order.get_portal_url() if access_token else f"/my/orders/{order.id}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertTrue(match, "the page has a form")
        return match.group(1), page

    def test_upload_by_owner(self):
        order, _tx = self._create_transfer_order(
            self.shopper.partner_id, [(self.abon, 1)]
        )
        order._portal_ensure_token()
        self.authenticate("kec_shopper", "kec_shopper")
        token, page = self._csrf(order)
        self.assertIn("o_koperasi_proof_form", page.text)
        self.assertIn("wa.me/", page.text)
        response = self.url_open(
            f"/my/orders/{order.id}/payment_proof",
            data={"csrf_token": token, "access_token": order.access_token},
            files={"proof": ("bukti.exe", b"MZ\x90\x00binary", "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_proof_error", response.text)
        self.assertEqual(order.koperasi_proof_state, "none")
        token, _page = self._csrf(order)
        response = self.url_open(
            f"/my/orders/{order.id}/payment_proof",
            data={"csrf_token": token},
            files={"proof": ("bukti.png", PNG_BYTES, "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_koperasi_proof_sent", response.text)
        self.assertEqual(order.koperasi_proof_state, "to_verify")

    def test_upload_to_someone_elses_order(self):
        order, _tx = self._create_transfer_order(
            self.member_user.partner_id, [(self.abon, 1)]
        )
        own_order, _tx2 = self._create_transfer_order(
            self.shopper.partner_id, [(self.kerupuk, 1)]
        )
        self.authenticate("kec_shopper", "kec_shopper")
        token, _page = self._csrf(own_order)
        # Another shopper's order, by URL: forbidden, nothing attached.
        response = self.url_open(
            f"/my/orders/{order.id}/payment_proof",
            data={"csrf_token": token},
            files={"proof": ("bukti.png", PNG_BYTES, "image/png")},
        )
        self.assertEqual(response.status_code, 403)
        response = self.url_open(
            f"/my/orders/{order.id}/payment_proof",
            data={"csrf_token": token, "access_token": "tebakan-salah"},
            files={"proof": ("bukti.png", PNG_BYTES, "image/png")},
        )
        self.assertEqual(response.status_code, 403)
        response = self.url_open(
            "/my/orders/999999999/payment_proof",
            data={"csrf_token": token},
            files={"proof": ("bukti.png", PNG_BYTES, "image/png")},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(order.koperasi_proof_state, "none")
        self.assertFalse(order.koperasi_proof_attachment_id)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [
                    ("res_model", "=", "sale.order"),
                    ("res_id", "=", order.id),
                    ("name", "like", "Payment proof"),
                ]
            )
        )
