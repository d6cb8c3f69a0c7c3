from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.inputs import clean_text, parse_amount
from odoo.addons.koperasi_base.tools.workflow import workflow_action


class KoperasiSavingsWithdrawalRequest(models.Model):
    _name = "koperasi.savings.withdrawal.request"
    _description = "Savings Withdrawal Request"
    _inherit = ["mail.thread", "portal.mixin", "koperasi.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = ("name", "state", "transaction_id", "decided_by_id")
    _workflow_frozen_fields = ("account_id", "amount", "destination")
    _workflow_open_states = ("requested",)
    _workflow_sequence_code = "koperasi.savings.withdrawal.request"

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one(
        "koperasi.savings.account", required=True, index=True, check_company=True
    )
    member_id = fields.Many2one(related="account_id.member_id", store=True, index=True)
    partner_id = fields.Many2one(related="account_id.partner_id", store=True)
    amount = fields.Monetary(required=True)
    destination = fields.Char(
        required=True,
        help="Where the money goes: bank account number and bank, or 'cash'.",
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="requested",
        required=True,
        tracking=True,
        index=True,
    )
    payment_journal_id = fields.Many2one(
        "account.journal",
        string="Paid From",
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    transaction_id = fields.Many2one(
        "koperasi.savings.transaction", readonly=True, copy=False
    )
    reject_reason = fields.Text(copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            request._notify_member(
                self.env._(
                    "We received your request to withdraw %(amount)s from %(account)s.",
                    amount=request.currency_id.format(request.amount),
                    account=request.account_id.name,
                )
            )
        return requests

    def _compute_access_url(self):
        super()._compute_access_url()
        for request in self:
            request.access_url = "/my/koperasi"

    @api.model
    def _create_from_portal(self, account, amount, destination):
        """Validate a member's request, then create it.

        ``account`` must already be read through the member's record rules.
        """
        try:
            amount = parse_amount(self.env, amount, default=0.0)
            destination = clean_text(self.env, destination, max_length=120)
        except ValidationError as exc:
            raise UserError(exc.args[0]) from None
        if amount <= 0:
            raise UserError(self.env._("The amount must be greater than zero."))
        if not destination or len(destination) > 120:
            raise UserError(
                self.env._("Tell us where the money goes (at most 120 characters).")
            )
        if account.state != "open":
            raise UserError(
                self.env._("The account %(account)s is not open.", account=account.name)
            )
        minimum = 0.0 if account.kind == "berjangka" else account.product_id.min_balance
        available = account.sudo().balance - minimum
        if account.currency_id.compare_amounts(amount, available) > 0:
            raise UserError(
                self.env._(
                    "You can withdraw at most %(available)s from %(account)s.",
                    available=account.currency_id.format(max(available, 0.0)),
                    account=account.name,
                )
            )
        return self.sudo().create(
            {
                "account_id": account.id,
                "company_id": account.company_id.id,
                "amount": account.currency_id.round(amount),
                "destination": destination,
            }
        )

    def _notify_member(self, body):
        """E-mail the member; the cooperative signs when the member is the author."""
        for request in self:
            author = self.env.user.partner_id
            if author == request.partner_id:
                # The member asked through the portal: still e-mail them.
                if request.company_id.partner_id.email:
                    author = request.company_id.partner_id
                request = request.with_context(mail_notify_author=True)
            request.message_post(
                body=body,
                author_id=author.id,
                partner_ids=request.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _check_can_decide(self):
        if not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_manager"
        ):
            raise UserError(
                self.env._("Only the board approves or rejects withdrawals.")
            )
        for request in self:
            if request.state != "requested":
                raise UserError(
                    self.env._(
                        "The request %(ref)s is already decided.", ref=request.name
                    )
                )
            if request.partner_id == self.env.user.partner_id:
                raise UserError(
                    self.env._("Nobody approves their own withdrawal request.")
                )

    @workflow_action
    def action_approve(self):
        self._check_can_decide()
        for request in self:
            transaction = request.account_id.withdraw(
                request.amount,
                payment_journal=request.payment_journal_id or None,
                ref=request.name,
            )
            request.write(
                {
                    "state": "approved",
                    "transaction_id": transaction.id,
                    "decided_by_id": self.env.user.id,
                }
            )
            request._notify_member(
                self.env._(
                    "Your withdrawal of %(amount)s from %(account)s is approved and paid "
                    "to %(destination)s.",
                    amount=request.currency_id.format(request.amount),
                    account=request.account_id.name,
                    destination=request.destination,
                )
            )
        return True

    @workflow_action
    def action_reject(self):
        self._check_can_decide()
        for request in self:
            request.write({"state": "rejected", "decided_by_id": self.env.user.id})
            request._notify_member(
                self.env._(
                    "Your withdrawal of %(amount)s from %(account)s is rejected. %(reason)s",
                    amount=request.currency_id.format(request.amount),
                    account=request.account_id.name,
                    reason=request.reject_reason or "",
                )
            )
        return True
