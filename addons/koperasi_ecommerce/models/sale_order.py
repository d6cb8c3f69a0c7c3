import base64
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import payment_proof
from ..tools.whatsapp import wa_link


class SaleOrder(models.Model):
    _inherit = "sale.order"

    koperasi_proof_state = fields.Selection(
        [
            ("none", "No Proof"),
            ("to_verify", "Proof to Verify"),
            ("verified", "Verified"),
            ("rejected", "Rejected"),
        ],
        string="Payment Proof",
        default="none",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    koperasi_proof_attachment_id = fields.Many2one(
        "ir.attachment", string="Proof File", copy=False, readonly=True
    )
    koperasi_proof_date = fields.Datetime(
        string="Proof Uploaded on", copy=False, readonly=True
    )
    koperasi_proof_reject_reason = fields.Text(
        string="Rejection Reason", copy=False, readonly=True
    )
    koperasi_proof_reminder_date = fields.Datetime(
        string="Payment Reminder Sent on", copy=False, readonly=True
    )
    koperasi_business_unit_ids = fields.Many2many(
        "koperasi.business.unit",
        "sale_order_koperasi_business_unit_rel",
        "order_id",
        "business_unit_id",
        string="Business Units",
        compute="_compute_koperasi_business_unit_ids",
        store=True,
    )

    @api.depends("order_line.product_id.product_tmpl_id.koperasi_business_unit_id")
    def _compute_koperasi_business_unit_ids(self):
        for order in self:
            order.koperasi_business_unit_ids = (
                order.order_line.product_id.product_tmpl_id.koperasi_business_unit_id
            )

    # ------------------------------------------------------------------
    # Bank transfer with proof of payment
    # ------------------------------------------------------------------
    def _koperasi_transfer_transaction(self):
        """The pending wire-transfer transaction of the order, if any."""
        self.ensure_one()
        return self.sudo().transaction_ids.filtered(
            lambda tx: (
                tx.provider_id.code == "custom"
                and tx.provider_id.custom_mode == "wire_transfer"
                and tx.state == "pending"
            )
        )[:1]

    def _koperasi_can_upload_proof(self):
        self.ensure_one()
        return (
            self.state in ("draft", "sent", "sale")
            and self.koperasi_proof_state in ("none", "rejected")
            and bool(self._koperasi_transfer_transaction())
        )

    def _koperasi_submit_proof(self, filename, data):
        """Attach a proof of payment and queue the order for verification.

        ``data`` is the raw file; its type is checked by content and its size
        against the limit. Raises a UserError and changes nothing otherwise.
        """
        self.ensure_one()
        if not self._koperasi_can_upload_proof():
            raise UserError(
                self.env._("This order does not wait for a proof of payment.")
            )
        error, mimetype, extension = payment_proof.check_proof(data)
        if error == "empty":
            raise UserError(
                self.env._("Please choose the file of your proof of payment.")
            )
        if error == "too_large":
            raise UserError(
                self.env._(
                    "The proof is too large: at most %(size)s MB.",
                    size=payment_proof.MAX_PROOF_SIZE // (1024 * 1024),
                )
            )
        if error == "bad_type":
            raise UserError(
                self.env._(
                    "The proof must be an image (JPEG, PNG, WebP) or a PDF document."
                )
            )
        order = self.sudo()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Payment proof %(order)s.%(ext)s",
                        order=order.name,
                        ext=extension,
                    ),
                    "datas": base64.b64encode(data),
                    "mimetype": mimetype,
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "description": filename or False,
                }
            )
        )
        order.write(
            {
                "koperasi_proof_state": "to_verify",
                "koperasi_proof_attachment_id": attachment.id,
                "koperasi_proof_date": fields.Datetime.now(),
                "koperasi_proof_reject_reason": False,
            }
        )
        order.message_post(
            body=self.env._("Proof of payment uploaded: to verify."),
            attachment_ids=attachment.ids,
        )
        return attachment

    def _koperasi_check_can_verify(self):
        if not self.env.user.has_group(
            "koperasi_ecommerce.group_koperasi_ecommerce_officer"
        ):
            raise UserError(self.env._("Only shop officers verify payments."))
        for order in self:
            if order.koperasi_proof_state != "to_verify":
                raise UserError(
                    self.env._(
                        "The proof of order %(order)s is not waiting for verification.",
                        order=order.name,
                    )
                )
            if not order._koperasi_transfer_transaction():
                raise UserError(
                    self.env._(
                        "Order %(order)s has no pending bank transfer.",
                        order=order.name,
                    )
                )

    def action_koperasi_proof_confirm(self):
        """Staff checked the bank statement: payment done, order confirmed, invoice paid."""
        self._koperasi_check_can_verify()
        for order in self:
            order._koperasi_do_confirm_proof()
        return True

    def _koperasi_do_confirm_proof(self):
        self.ensure_one()
        tx = self._koperasi_transfer_transaction()
        tx._set_done()
        # The paid amount is computed from the transactions' states: read it afresh.
        tx.sale_order_ids.invalidate_recordset(["amount_paid"])
        tx._check_amount_and_confirm_order()
        tx._invoice_sale_orders()
        invoices = tx.invoice_ids.filtered(lambda move: move.state == "draft")
        invoices.action_post()
        payment = self._koperasi_register_transfer_payment(tx)
        if payment:
            tx.payment_id = payment
        tx._post_process()
        self.sudo().write({"koperasi_proof_state": "verified"})
        self.message_post(
            body=self.env._("Proof of payment verified: payment received.")
        )

    def _koperasi_register_transfer_payment(self, tx):
        """Pay the order's invoices from the bank journal of the transfer."""
        invoices = tx.invoice_ids.filtered(
            lambda move: (
                move.state == "posted"
                and move.payment_state not in ("paid", "in_payment")
            )
        )
        if not invoices:
            return self.env["account.payment"]
        journal = (
            tx.provider_id.journal_id or self.company_id._koperasi_payout_journal()
        )
        wizard = (
            self.env["account.payment.register"]
            .sudo()
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create({"journal_id": journal.id, "communication": tx.reference})
        )
        return wizard._create_payments()

    def action_koperasi_proof_reject(self):
        self._koperasi_check_can_verify()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the Proof of Payment"),
            "res_model": "sale.order.proof.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def _koperasi_reject_proof(self, reason):
        self._koperasi_check_can_verify()
        if not (reason or "").strip():
            raise UserError(self.env._("Please give the reason of the rejection."))
        template = self.env.ref("koperasi_ecommerce.mail_template_proof_rejected")
        for order in self:
            order.sudo().write(
                {
                    "koperasi_proof_state": "rejected",
                    "koperasi_proof_reject_reason": reason.strip(),
                }
            )
            order.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return True

    # ------------------------------------------------------------------
    # Reminders and cancellation of unpaid transfers
    # ------------------------------------------------------------------
    @api.model
    def _koperasi_unpaid_transfer_orders(self):
        return self.sudo().search(
            [
                ("state", "in", ("draft", "sent", "sale")),
                ("koperasi_proof_state", "in", ("none", "rejected")),
                ("transaction_ids.state", "=", "pending"),
                ("transaction_ids.provider_id.custom_mode", "=", "wire_transfer"),
            ]
        )

    @api.model
    def _cron_koperasi_transfer_reminders(self):
        """Remind shoppers to pay or send a proof; cancel after N days."""
        now = fields.Datetime.now()
        template = self.env.ref("koperasi_ecommerce.mail_template_proof_reminder")
        for order in self._koperasi_unpaid_transfer_orders():
            company = order.company_id
            tx = order._koperasi_transfer_transaction()
            if not tx:
                continue
            started = tx.create_date
            cancel_days = company.koperasi_proof_cancel_days
            reminder_days = company.koperasi_proof_reminder_days
            if cancel_days and now >= started + timedelta(days=cancel_days):
                order._koperasi_cancel_unpaid(tx)
            elif (
                reminder_days
                and not order.koperasi_proof_reminder_date
                and now >= started + timedelta(days=reminder_days)
            ):
                order.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )
                order.koperasi_proof_reminder_date = now

    def _koperasi_cancel_unpaid(self, tx):
        """Cancel an unpaid order: the transaction too, and its stock is released."""
        self.ensure_one()
        tx._set_canceled(state_message=self.env._("No payment received in time."))
        self.with_context(disable_cancel_warning=True)._action_cancel()
        self.message_post(
            body=self.env._("Cancelled: the bank transfer was not received in time.")
        )

    # ------------------------------------------------------------------
    # Producers and sharing
    # ------------------------------------------------------------------
    def _koperasi_is_paid(self):
        """All the order's posted customer invoices are paid, and it is fully invoiced."""
        self.ensure_one()
        invoices = self.invoice_ids.filtered(
            lambda m: m.state == "posted" and m.move_type == "out_invoice"
        )
        return bool(invoices) and all(
            m.payment_state in ("paid", "in_payment") for m in invoices
        )

    def _koperasi_whatsapp_summary_link(self):
        """A wa.me link to the shop with a summary of the order."""
        self.ensure_one()
        order = self.sudo()
        lines = "\n".join(
            f"- {line.product_uom_qty:g} x {line.product_id.name}"
            for line in order.order_line
            if not line.display_type and line.product_id
        )
        text = self.env._(
            "Order %(order)s\n%(lines)s\nTotal: %(total)s",
            order=order.name,
            lines=lines,
            total=order.currency_id.format(order.amount_total),
        )
        return wa_link(text, order.company_id.koperasi_shop_whatsapp)

    @api.model
    def _cron_koperasi_credit_producers(self):
        lines = (
            self.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.state", "=", "sale"),
                    ("product_id.product_tmpl_id.koperasi_producer_id", "!=", False),
                    ("koperasi_ledger_ids", "=", False),
                ]
            )
        )
        lines._koperasi_credit_producers()

    # ------------------------------------------------------------------
    # Showcase data
    # ------------------------------------------------------------------
    @api.model
    def _demo_shop_history(self, partner_id, paid_lines, pending_lines, payout):
        """Demo data: the shop's history as its people made it. A bank
        transfer order paid with a proof, confirmed by staff and delivered
        (its producers credited), a producer's payout approved by the board,
        and a second order waiting for the shopper's proof of payment.

        Skipped when the shop cannot take transfers (no enabled transfer
        provider) or invoice them (no chart of accounts, no sales journal).
        """
        provider = self.env.ref(
            "payment.payment_provider_transfer", raise_if_not_found=False
        )
        website = self.env["website"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        sales_journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.env.company.id)], limit=1
        )
        if (
            not provider
            or provider.state != "enabled"
            or not website
            or not sales_journal
        ):
            return False
        partner = self.env["res.partner"].browse(partner_id)

        def transfer_order(lines):
            order = self.create(
                {
                    "partner_id": partner.id,
                    "website_id": website.id,
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": self.env["product.template"]
                                .browse(template_id)
                                .product_variant_id.id,
                                "product_uom_qty": qty,
                            }
                        )
                        for template_id, qty in lines
                    ],
                }
            )
            tx = self.env["payment.transaction"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": provider.payment_method_ids[:1].id,
                    "amount": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": partner.id,
                    "reference": self.env["payment.transaction"]._compute_reference(
                        provider.code, prefix=order.name
                    ),
                    "sale_order_ids": [fields.Command.set(order.ids)],
                    "operation": "online_redirect",
                }
            )
            tx._set_pending()
            tx._post_process()
            order._portal_ensure_token()
            return order

        paid = transfer_order(paid_lines)
        proof = base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
        paid._koperasi_submit_proof("bukti-transfer.png", proof)
        paid.action_koperasi_proof_confirm()
        for picking in paid.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        ):
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
            # No delivery SMS from demo data: nothing leaves the machine.
            picking.with_context(skip_sms=True)._action_done()
        self._cron_koperasi_credit_producers()
        producer_id, amount = payout
        producer = self.env["koperasi.producer"].browse(producer_id)
        if producer.available_balance >= amount:
            producer._request_payout(amount).action_approve()
        transfer_order(pending_lines)
        return paid
