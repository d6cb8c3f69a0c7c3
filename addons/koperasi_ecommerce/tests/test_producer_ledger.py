from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_payment import StatementMatchMixin

from .common import KoperasiEcommerceCommon


@tagged("post_install", "-at_install")
class TestProducerLedger(StatementMatchMixin, KoperasiEcommerceCommon):
    def _paid_and_delivered_order(self, lines):
        order, _tx = self._create_transfer_order(self.member_user.partner_id, lines)
        order._koperasi_submit_proof("bukti.png", b"\x89PNG\r\n\x1a\n" + b"0" * 32)
        order.with_user(self.officer).action_koperasi_proof_confirm()
        self._deliver(order)
        return order

    def test_credit_when_delivered_and_paid(self):
        order = self._paid_and_delivered_order(
            [(self.abon, 2), (self.kerupuk, 3), (self.pakan, 1)]
        )
        abon_line = order.order_line.filtered(
            lambda line: line.product_id == self.abon.product_variant_id
        )
        entry = abon_line.koperasi_ledger_ids
        # Producer's own rate (8%) wins over the category's (12%).
        self.assertRecordValues(
            entry,
            [
                {
                    "producer_id": self.producer.id,
                    "gross_amount": 200000.0,
                    "commission_percent": 8.0,
                    "commission_amount": 16000.0,
                    "net_amount": 184000.0,
                }
            ],
        )
        self.assertEqual(entry.move_id.state, "posted")
        self.assertEqual(self._balances(self.producer)[0], 184000.0)
        # No producer rate: the category's 12% applies: 60,000 - 7,200.
        kerupuk_entry = order.order_line.filtered(
            lambda line: line.product_id == self.kerupuk.product_variant_id
        ).koperasi_ledger_ids
        self.assertEqual(kerupuk_entry.net_amount, 52800.0)
        self.assertEqual(self._balances(self.other_producer)[0], 52800.0)
        # A business unit's line is recorded without a payable.
        pakan_entry = order.order_line.filtered(
            lambda line: line.product_id == self.pakan.product_variant_id
        ).koperasi_ledger_ids
        self.assertEqual(pakan_entry.gross_amount, 45000.0)
        self.assertFalse(pakan_entry.move_id)
        # Idempotent: crediting again changes nothing.
        order.order_line._koperasi_credit_producers()
        self.env["sale.order"]._cron_koperasi_credit_producers()
        self.assertEqual(len(abon_line.koperasi_ledger_ids), 1)
        self.assertEqual(self._balances(self.producer)[0], 184000.0)

    def test_no_credit_before_payment(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.shopper.partner_id.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.abon.product_variant_id.id,
                            "product_uom_qty": 1,
                        },
                    )
                ],
            }
        )
        order.action_confirm()
        self._deliver(order)
        self.assertFalse(
            order.order_line.koperasi_ledger_ids,
            "delivered but not paid: nothing earned",
        )
        self.assertEqual(self._balances(self.producer)[0], 0.0)
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertFalse(
            order.order_line.koperasi_ledger_ids,
            "invoiced but not paid: nothing earned",
        )
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(order.order_line.koperasi_ledger_ids.net_amount, 92000.0)
        self.assertEqual(self._balances(self.producer)[0], 92000.0)

    def test_payout_request_and_approval(self):
        self._paid_and_delivered_order([(self.abon, 2)])
        producer = self.producer.with_user(self.producer_user)
        with self.assertRaisesRegex(UserError, "minimum payout"):
            producer.sudo()._request_payout(20000)
        with self.assertRaisesRegex(UserError, "only"):
            producer.sudo()._request_payout(200000)
        with self.assertRaises(UserError):
            producer.sudo()._request_payout(-5)
        self.assertFalse(self.producer.payout_ids, "refused requests create nothing")
        payout = producer.sudo()._request_payout(100000)
        self.assertEqual(payout.state, "requested")
        self.assertEqual(self._balances(self.producer)[1], 84000.0)
        with self.assertRaisesRegex(UserError, "only"):
            producer.sudo()._request_payout(100000)
        # Officers cannot approve; the manager can, once.
        with self.assertRaises(UserError):
            payout.with_user(self.officer).action_approve()
        payout.with_user(self.manager).action_approve()
        self.assertEqual(payout.state, "paid")
        payment = payout.payment_id
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(payment.amount, 100000.0)
        # The bank's outstanding payments account against the producers'
        # payable, until the bank statement shows the transfer.
        self.assertEqual(payment.journal_id.type, "bank")
        self.assertEqual(payment.partner_id, self.producer.partner_id)
        payable = self.company._koperasi_producer_accounting()[2]
        lines = payment.move_id.line_ids
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.filtered("debit").account_id, payable)
        self.assertEqual(lines.filtered("debit").debit, 100000.0)
        credit = lines.filtered("credit")
        self.assertEqual(credit.account_id, payment.outstanding_account_id)
        self.assertNotEqual(credit.account_id, payment.journal_id.default_account_id)
        self.assertEqual(credit.credit, 100000.0)
        self._match(self._statement_line(payment, -100000.0), payment)
        self.assertEqual(payment.state, "paid")
        self.assertEqual(self._balances(self.producer)[0], 84000.0)
        self.assertEqual(self._balances(self.producer)[1], 84000.0)
        with self.assertRaisesRegex(UserError, "not waiting"):
            payout.with_user(self.manager).action_approve()
        with self.assertRaises(UserError):
            payout.unlink()

    def test_payout_reject_releases_amount(self):
        self._paid_and_delivered_order([(self.abon, 1)])
        payout = self.producer.sudo()._request_payout(92000)
        self.assertEqual(self._balances(self.producer)[1], 0.0)
        payout.with_user(self.manager).action_reject("Rekening belum lengkap")
        self.assertEqual(payout.state, "rejected")
        self.assertEqual(self._balances(self.producer)[1], 92000.0)

    def test_payouts_and_credits_are_not_forged_over_rpc(self):
        self._paid_and_delivered_order([(self.abon, 2)])
        before = self._balances(self.producer)
        Payout = self.env["koperasi.producer.payout"].with_user(self.manager)
        with self.assertRaises(AccessError):
            Payout.create(
                {
                    "producer_id": self.producer.id,
                    "amount": 50000,
                    "state": "paid",
                }
            )
        payout = self.producer.sudo()._request_payout(100000)
        with self.assertRaises(AccessError):
            payout.with_user(self.manager).write({"amount": 184000})
        with self.assertRaises(AccessError):
            payout.with_user(self.manager).write({"state": "rejected"})
        ledger = self.producer.sudo().ledger_ids[:1]
        with self.assertRaises(AccessError):
            ledger.with_user(self.manager).write({"net_amount": 10**9})
        self.assertEqual(self._balances(self.producer)[0], before[0])

    def _abon_line(self, order):
        return order.order_line.filtered(
            lambda line: line.product_id == self.abon.product_variant_id
        )

    def test_refund_takes_the_producer_share_back(self):
        order = self._paid_and_delivered_order([(self.abon, 2)])
        self.assertEqual(self._balances(self.producer)[0], 184000.0)
        invoice = order.invoice_ids.filtered(lambda m: m.move_type == "out_invoice")
        refund = invoice._reverse_moves([{"ref": "Barang rusak"}])
        refund.action_post()
        entries = self._abon_line(order).koperasi_ledger_ids
        self.assertEqual(sorted(entries.mapped("net_amount")), [-184000.0, 184000.0])
        self.assertEqual(sum(entries.mapped("quantity")), 0)
        self.assertTrue(all(entry.move_id.state == "posted" for entry in entries))
        self.assertEqual(self._balances(self.producer)[0], 0.0)
        # Nothing left to pay out, and crediting again changes nothing.
        with self.assertRaisesRegex(UserError, "only"):
            self.producer.sudo()._request_payout(100000)
        self._abon_line(order)._koperasi_credit_producers()
        self.assertEqual(len(self._abon_line(order).koperasi_ledger_ids), 2)

    def test_return_takes_back_what_came_back_and_caps_the_payout(self):
        order = self._paid_and_delivered_order([(self.abon, 2)])
        # A payout asked before the return is not paid beyond what is left.
        payout = self.producer.sudo()._request_payout(150000)
        picking = order.picking_ids.filtered(lambda p: p.state == "done")
        wizard = (
            self.env["stock.return.picking"]
            .with_context(
                active_id=picking.id,
                active_ids=picking.ids,
                active_model="stock.picking",
            )
            .create({})
        )
        wizard.product_return_moves.quantity = 1
        returned = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self._deliver_picking(returned)
        line = self._abon_line(order)
        self.assertEqual(line.qty_delivered, 1)
        self.assertEqual(sum(line.koperasi_ledger_ids.mapped("net_amount")), 92000.0)
        self.assertEqual(self._balances(self.producer)[0], 92000.0)
        with self.assertRaisesRegex(UserError, "above the producer's balance"):
            payout.with_user(self.manager).action_approve()
        self.assertEqual(payout.state, "requested")
