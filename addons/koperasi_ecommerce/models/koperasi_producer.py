from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.locking import lock_rows

from ..tools import commission as commission_tools


class KoperasiProducer(models.Model):
    _name = "koperasi.producer"
    _description = "Shop Producer"
    _inherit = ["mail.thread"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_producer", store=True, index=True)
    producer_type = fields.Selection(
        [("member", "Member"), ("business_unit", "Business Unit")],
        string="Type",
        required=True,
        default="member",
        tracking=True,
    )
    member_id = fields.Many2one(
        "koperasi.member", index=True, check_company=True, tracking=True
    )
    business_unit_id = fields.Many2one(
        "koperasi.business.unit", index=True, check_company=True, tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_producer",
        store=True,
        index=True,
        string="Contact",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    commission_percent = fields.Float(
        string="Commission (%)",
        tracking=True,
        help="The cooperative's share of this producer's sales; 0 uses the "
        "product category's, then the cooperative's default.",
    )
    product_ids = fields.One2many(
        "product.template", "koperasi_producer_id", string="Products"
    )
    ledger_ids = fields.One2many(
        "koperasi.producer.ledger", "producer_id", string="Sales Ledger"
    )
    payout_ids = fields.One2many(
        "koperasi.producer.payout", "producer_id", string="Payouts"
    )
    balance = fields.Monetary(
        compute="_compute_balance",
        compute_sudo=True,
        help="Earned and not yet paid out: posted entries on the producer payable account.",
    )
    pending_payout_amount = fields.Monetary(
        compute="_compute_balance", compute_sudo=True
    )
    available_balance = fields.Monetary(
        compute="_compute_balance",
        compute_sudo=True,
        help="What the producer may still request: balance minus pending requests.",
    )

    _sql_constraints = [
        (
            "member_company_uniq",
            "unique(member_id, company_id)",
            "This member is already a producer of the shop.",
        ),
        (
            "business_unit_uniq",
            "unique(business_unit_id)",
            "This business unit is already a producer of the shop.",
        ),
    ]

    @api.depends(
        "producer_type",
        "member_id.name",
        "member_id.partner_id",
        "business_unit_id.name",
    )
    def _compute_producer(self):
        for producer in self:
            if producer.producer_type == "member":
                producer.name = producer.member_id.name
                producer.partner_id = producer.member_id.partner_id
            else:
                producer.name = producer.business_unit_id.name
                producer.partner_id = producer.company_id.partner_id

    def _compute_balance(self):
        balances = self._get_balances()
        pending = dict(
            self.env["koperasi.producer.payout"]._read_group(
                [("producer_id", "in", self.ids), ("state", "=", "requested")],
                ["producer_id"],
                ["amount:sum"],
            )
        )
        for producer in self:
            producer.balance = balances.get(producer.id, 0.0)
            producer.pending_payout_amount = pending.get(producer, 0.0)
            producer.available_balance = commission_tools.available_balance(
                producer.balance, producer.pending_payout_amount
            )

    @api.constrains("producer_type", "member_id", "business_unit_id")
    def _check_producer(self):
        for producer in self:
            if producer.producer_type == "member" and not producer.member_id:
                raise ValidationError(self.env._("A member producer needs a member."))
            if (
                producer.producer_type == "business_unit"
                and not producer.business_unit_id
            ):
                raise ValidationError(
                    self.env._("A business unit producer needs a business unit.")
                )

    @api.constrains("commission_percent")
    def _check_commission_percent(self):
        for producer in self:
            if not 0 <= producer.commission_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The commission of %(name)s must be between 0 and 100%%.",
                        name=producer.name,
                    )
                )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _get_balances(self):
        """``{producer_id: balance}`` from posted lines on the payable account."""
        result = {}
        for company in self.company_id:
            producers = self.filtered(
                lambda p, c=company: p.company_id == c and p.producer_type == "member"
            )
            payable = company.sudo().koperasi_producer_payable_account_id
            if not producers or not payable:
                continue
            groups = (
                self.env["account.move.line"]
                .sudo()
                ._read_group(
                    [
                        ("account_id", "=", payable.id),
                        ("partner_id", "in", producers.partner_id.ids),
                        ("parent_state", "=", "posted"),
                        ("company_id", "=", company.id),
                    ],
                    ["partner_id"],
                    ["balance:sum"],
                )
            )
            by_partner = {partner.id: -amount for partner, amount in groups}
            for producer in producers:
                result[producer.id] = company.currency_id.round(
                    by_partner.get(producer.partner_id.id, 0.0)
                )
        return result

    @api.model
    def _get_producer_for_user(self, user=None):
        """The producer record of a (portal) user, or an empty recordset."""
        user = user or self.env.user
        return self.sudo().search(
            [
                ("partner_id", "=", user.partner_id.commercial_partner_id.id),
                ("producer_type", "=", "member"),
                ("company_id", "in", self.env.companies.ids),
            ],
            limit=1,
        )

    def _lock_for_payout(self):
        """Lock and touch the producer's row for the rest of the transaction
        (koperasi_base's ``lock_rows``): a second request made at the same
        moment fails at once with a clear message; one whose snapshot predates
        a committed payout is retried by the server with fresh data."""
        lock_rows(
            self,
            self.env._(
                "Another payout request of this producer is being processed. "
                "Please try again in a moment."
            ),
        )

    def _request_payout(self, amount):
        """Create a payout request of ``amount`` after checking the balance.

        Used by the portal and the backend; never lets the available balance
        go below zero, even with concurrent requests.
        """
        self.ensure_one()
        if self.producer_type != "member":
            raise UserError(self.env._("Only member producers receive payouts."))
        self._lock_for_payout()
        self.invalidate_recordset(
            ["balance", "pending_payout_amount", "available_balance"]
        )
        amount = commission_tools.round_rupiah(amount)
        currency = self.currency_id
        error = commission_tools.check_payout_request(
            amount, self.available_balance, self.company_id.koperasi_payout_minimum
        )
        if error == "not_positive":
            raise UserError(self.env._("The payout amount must be positive."))
        if error == "below_minimum":
            raise UserError(
                self.env._(
                    "The minimum payout is %(minimum)s.",
                    minimum=currency.format(self.company_id.koperasi_payout_minimum),
                )
            )
        if error == "above_balance":
            raise UserError(
                self.env._(
                    "You asked for %(amount)s but only %(available)s is available.",
                    amount=currency.format(amount),
                    available=currency.format(self.available_balance),
                )
            )
        return (
            self.env["koperasi.producer.payout"]
            .sudo()
            .create(
                {
                    "producer_id": self.id,
                    "company_id": self.company_id.id,
                    "amount": amount,
                    "requested_by_id": self.env.user.id,
                }
            )
        )

    def action_view_ledger(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_ecommerce.koperasi_producer_ledger_action"
        )
        action["domain"] = [("producer_id", "=", self.id)]
        action["context"] = {"default_producer_id": self.id}
        return action
