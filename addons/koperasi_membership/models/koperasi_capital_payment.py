from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import capital as capital_tools


class KoperasiCapitalPayment(models.Model):
    _name = "koperasi.capital.payment"
    _description = "Capital Payment (Pokok / Wajib)"
    _inherit = ["mail.thread", "koperasi.workflow.mixin"]
    _workflow_fields = ("name", "state", "move_id", "is_opening", "account_payment_id")
    _workflow_sequence_code = "koperasi.capital.payment"
    _workflow_frozen_fields = ("member_id", "kind", "amount", "date", "journal_id")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(readonly=True, copy=False, default="/")
    member_id = fields.Many2one(
        "koperasi.member",
        required=True,
        index=True,
        check_company=True,
        domain="[('state', 'in', ('candidate', 'active', 'suspended'))]",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="member_id.partner_id")
    date = fields.Date(required=True, default=business_today, tracking=True)
    kind = fields.Selection(
        [
            ("pokok", "Principal Savings (Pokok)"),
            ("wajib", "Mandatory Savings (Wajib)"),
        ],
        required=True,
        default="wajib",
        tracking=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    journal_id = fields.Many2one(
        "account.journal",
        required=True,
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
        default=lambda self: self.env.company._koperasi_get_journal(),
        help="Cash or bank journal that received the money.",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    account_payment_id = fields.Many2one(
        "account.payment",
        string="Payment",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        help="The cash or bank payment a bank statement line is matched with.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    allocation_ids = fields.One2many(
        "koperasi.capital.allocation", "payment_id", readonly=True
    )
    is_opening = fields.Boolean(
        string="Opening Balance",
        readonly=True,
        copy=False,
        help="Capital paid before the cooperative used the suite, imported "
        "with the opening balances: its journal entry is the opening entry "
        "of all members' capital.",
    )

    @api.constrains("amount", "kind", "member_id", "state")
    def _check_amount(self):
        for payment in self.filtered(lambda p: p.state == "draft"):
            if payment.currency_id.compare_amounts(payment.amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "The payment amount must be positive (got %(amount)s).",
                        amount=payment.amount,
                    )
                )
            payment._check_amount_due()

    def _check_amount_due(self):
        self.ensure_one()
        open_amount = self._get_open_amount()
        if self.currency_id.compare_amounts(self.amount, open_amount) <= 0:
            return
        company = self.company_id
        if self.kind == "wajib" and company.koperasi_allow_prepayment:
            return
        raise ValidationError(
            self.env._(
                "The payment of %(amount)s is above what %(member)s owes in "
                "%(kind)s (%(due)s); prepayment is not enabled.",
                amount=self.amount,
                member=self.member_id.display_name,
                kind=dict(self._fields["kind"]._description_selection(self.env))[
                    self.kind
                ],
                due=open_amount,
            )
        )

    def _get_open_amount(self):
        """What the member still owes of this payment's kind."""
        self.ensure_one()
        member = self.member_id.sudo()
        if self.kind == "pokok":
            pokok = member.company_id.koperasi_pokok_amount
            return max(pokok - member.capital_pokok, 0.0)
        dues = member.due_ids.filtered(
            lambda d: d.kind == "wajib" and d.state in ("unpaid", "partial")
        )
        return sum(dues.mapped("amount_residual"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(
                self.env._(
                    "A posted payment cannot be deleted: cancel it, which "
                    "reverses its journal entry."
                )
            )

    # ------------------------------------------------------------------
    # Posting pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_post(self):
        self._workflow_check_group(
            "koperasi_membership.group_koperasi_officer",
            self.env._("Only a teller or the board posts capital payments."),
        )
        to_post = self.filtered(lambda p: p.state == "draft")
        to_post._check_can_post()
        to_post._do_post()
        return True

    def _check_can_post(self):
        for payment in self:
            if payment.member_id.state not in ("candidate", "active", "suspended"):
                raise UserError(
                    self.env._(
                        "%(member)s has left the cooperative: no capital "
                        "payment can be registered.",
                        member=payment.member_id.display_name,
                    )
                )
            if payment.kind == "wajib" and payment.member_id.state == "candidate":
                if not payment.company_id.koperasi_allow_prepayment:
                    raise UserError(
                        self.env._(
                            "%(member)s is still a candidate: only simpanan "
                            "pokok can be paid before activation.",
                            member=payment.member_id.display_name,
                        )
                    )
            if not payment.journal_id.sudo().default_account_id:
                raise UserError(
                    self.env._(
                        "The journal %(journal)s has no default account.",
                        journal=payment.journal_id.display_name,
                    )
                )
            payment._check_amount_due()

    def _do_post(self):
        for payment in self:
            payment._allocate()
        payments = self.env["koperasi.posting"]._post_cash_movements(
            [payment._cash_movement_vals() for payment in self]
        )
        for payment, account_payment in zip(self, payments, strict=True):
            payment.write(
                {
                    "account_payment_id": account_payment.id,
                    "move_id": account_payment.move_id.id,
                    "state": "posted",
                }
            )

    def _allocate(self):
        """Allocate the payment to the member's open dues, oldest first; the
        excess of a wajib prepayment pays the next periods in advance."""
        self.ensure_one()
        member = self.member_id.sudo()
        if self.kind == "pokok":
            member._ensure_pokok_due()
        Due = self.env["koperasi.capital.due"].sudo()
        dues = Due.search(
            [
                ("member_id", "=", member.id),
                ("kind", "=", self.kind),
                ("state", "in", ("unpaid", "partial")),
            ],
            order="period_date, id",
        )
        allocations, remainder = capital_tools.allocate_payment(
            self.amount, [(due, due.amount_residual) for due in dues]
        )
        vals_list = [
            {"payment_id": self.id, "due_id": due.id, "amount": part}
            for due, part in allocations
        ]
        if remainder > 0 and self.kind == "wajib":
            last = Due.search(
                [("member_id", "=", member.id), ("kind", "=", "wajib")],
                order="period_date desc",
                limit=1,
            )
            if last:
                first = last.period_date + relativedelta(months=1)
            else:
                first = capital_tools.period_start(self.date)
            wajib = self.company_id.koperasi_wajib_amount
            for period, part in capital_tools.prepayment_periods(
                first, remainder, wajib
            ):
                due = Due.create(
                    {
                        "member_id": member.id,
                        "company_id": self.company_id.id,
                        "kind": "wajib",
                        "period_date": period,
                        "amount": capital_tools.round_rupiah(wajib),
                    }
                )
                vals_list.append(
                    {"payment_id": self.id, "due_id": due.id, "amount": part}
                )
        self.env["koperasi.capital.allocation"].sudo().create(vals_list)

    def _cash_movement_vals(self):
        """The money received, for the posting service: the journal's
        liquidity against the capital account of the payment's kind."""
        self.ensure_one()
        kind_label = dict(self._fields["kind"]._description_selection(self.env))[
            self.kind
        ]
        label = " ".join(
            filter(
                None, [kind_label, self.member_id.member_number, self.member_id.name]
            )
        )
        return {
            "company": self.company_id,
            "journal": self.journal_id,
            "partner": self.member_id.partner_id,
            "amount": self.amount,
            "direction": "in",
            "account": self.company_id._koperasi_get_account(self.kind),
            "date": self.date,
            "memo": f"{self.name} {label}",
        }

    @workflow_action
    def action_cancel(self):
        """Cancel posted payments by reversing their journal entries."""
        self._workflow_check_group(
            "koperasi_membership.group_koperasi_manager",
            self.env._("Only the board cancels capital payments."),
        )
        for payment in self.filtered(lambda p: p.state == "posted"):
            if payment.is_opening:
                raise UserError(
                    self.env._(
                        "%(payment)s is an opening balance, posted in the opening "
                        "entry of every member's capital: correct it with a new "
                        "payment or a journal entry, not by cancelling it.",
                        payment=payment.name,
                    )
                )
            if payment.member_id.settlement_move_id:
                raise UserError(
                    self.env._(
                        "The exit of %(member)s is settled: its payments can no "
                        "longer be cancelled.",
                        member=payment.member_id.display_name,
                    )
                )
            payment.move_id.sudo()._reverse_moves(
                [{"ref": self.env._("Reversal of %(name)s", name=payment.name)}],
                cancel=True,
            )
            payment.state = "cancelled"
        self.filtered(lambda p: p.state == "draft").state = "cancelled"
        return True
