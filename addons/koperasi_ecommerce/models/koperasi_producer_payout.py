from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action


class KoperasiProducerPayout(models.Model):
    _name = "koperasi.producer.payout"
    _description = "Producer Payout"
    _inherit = ["mail.thread", "koperasi.workflow.mixin"]
    _order = "request_date desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "name",
        "producer_id",
        "amount",
        "requested_by_id",
        "state",
        "payment_id",
        "reject_reason",
    )
    _workflow_sequence_code = "koperasi.producer.payout"

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    producer_id = fields.Many2one(
        "koperasi.producer",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, readonly=True, tracking=True)
    request_date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True
    )
    requested_by_id = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(
        [("requested", "Requested"), ("paid", "Paid"), ("rejected", "Rejected")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    payment_id = fields.Many2one(
        "account.payment", readonly=True, check_company=True, copy=False
    )
    reject_reason = fields.Text(readonly=True, copy=False)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if any(payout.state == "paid" for payout in self):
            raise UserError(self.env._("A paid payout cannot be deleted."))

    # ------------------------------------------------------------------
    # Approval pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_approve(self):
        self._workflow_check_group(
            "koperasi_ecommerce.group_koperasi_ecommerce_manager",
            self.env._("Only a shop manager can approve payouts."),
        )
        # The producers' balances are read under their lock: a payout
        # approved at the same moment is counted.
        self.producer_id._lock_for_payout()
        self._check_can_approve()
        self._do_approve()
        return True

    def _check_can_approve(self):
        for payout in self:
            if payout.state != "requested":
                raise UserError(
                    self.env._(
                        "The payout %(name)s is not waiting for approval.",
                        name=payout.name,
                    )
                )
            balance = payout.producer_id.balance
            if payout.currency_id.compare_amounts(payout.amount, balance) > 0:
                raise UserError(
                    self.env._(
                        "The payout %(name)s is above the producer's balance (%(balance)s).",
                        name=payout.name,
                        balance=payout.currency_id.format(balance),
                    )
                )

    def _do_approve(self):
        """Pay the payouts by bank, one payment each, made together by the
        koperasi posting service."""
        payments = self.env["koperasi.posting"]._post_cash_movements(
            [payout._get_cash_movement() for payout in self]
        )
        for payout, payment in zip(self, payments, strict=True):
            payout.write({"state": "paid", "payment_id": payment.id})

    def _get_cash_movement(self):
        """The payout as a movement of the koperasi posting service."""
        self.ensure_one()
        journal = self.company_id._koperasi_payout_journal()
        if not journal:
            raise UserError(
                self.env._("Configure a bank journal for the producers' payouts.")
            )
        _journal, _expense, payable = self.company_id._koperasi_producer_accounting()
        return {
            "company": self.company_id,
            "journal": journal,
            "partner": self.producer_id.partner_id,
            "partner_type": "supplier",
            "amount": self.amount,
            "direction": "out",
            "account": payable,
            "date": business_today(self),
            "memo": self.env._("Producer payout %(name)s", name=self.name),
        }

    @workflow_action
    def action_reject(self, reason=None):
        self._workflow_check_group(
            "koperasi_ecommerce.group_koperasi_ecommerce_manager",
            self.env._("Only a shop manager can reject payouts."),
        )
        for payout in self:
            if payout.state != "requested":
                raise UserError(
                    self.env._(
                        "The payout %(name)s is not waiting for approval.",
                        name=payout.name,
                    )
                )
        self.write({"state": "rejected", "reject_reason": reason or False})
        return True
