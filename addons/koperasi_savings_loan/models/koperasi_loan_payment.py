from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import parse_amount
from odoo.addons.koperasi_base.tools.locking import lock_rows
from odoo.addons.koperasi_base.tools.workflow import workflow_action

from ..tools import loan_schedule


class KoperasiLoanPayment(models.Model):
    _name = "koperasi.loan.payment"
    _inherit = ["koperasi.workflow.mixin"]
    _description = "Loan Repayment"
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "name",
        "state",
        "move_id",
        "account_payment_id",
        "principal_amount",
        "interest_amount",
        "penalty_amount",
        "excess_amount",
        "allocation_ids",
        # A repayment exists only through register_payment: its terms too.
        "loan_id",
        "amount",
        "date",
        "payment_journal_id",
        "savings_account_id",
        "counterpart_account_id",
    )
    _workflow_sequence_code = "koperasi.loan.payment"

    name = fields.Char(readonly=True, copy=False, default="/")
    loan_id = fields.Many2one(
        "koperasi.loan",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="loan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="loan_id.currency_id")
    member_id = fields.Many2one(related="loan_id.member_id", store=True, index=True)
    date = fields.Date(required=True, default=business_today)
    amount = fields.Monetary(required=True)
    principal_amount = fields.Monetary(readonly=True)
    interest_amount = fields.Monetary(readonly=True)
    penalty_amount = fields.Monetary(string="Denda Amount", readonly=True)
    excess_amount = fields.Monetary(readonly=True)
    payment_journal_id = fields.Many2one("account.journal", check_company=True)
    savings_account_id = fields.Many2one(
        "koperasi.savings.account", string="Debited Savings", check_company=True
    )
    move_id = fields.Many2one("account.move", readonly=True, copy=False)
    account_payment_id = fields.Many2one(
        "account.payment",
        string="Payment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The cash or bank payment of the repayment.",
    )
    state = fields.Selection(
        [("posted", "Posted"), ("reversed", "Reversed")],
        default="posted",
        readonly=True,
    )
    allocation_ids = fields.One2many("koperasi.loan.payment.allocation", "payment_id")
    counterpart_account_id = fields.Many2one(
        "account.account",
        readonly=True,
        check_company=True,
        help="Where the money came from when not the journal's cash: the exit "
        "settlement account for a loan repaid from a member's exit refund.",
    )

    @api.model
    def _workflow_number_company(self, vals):
        return self.env["koperasi.loan"].browse(vals.get("loan_id")).company_id.id

    @api.model
    def _register_payment(
        self,
        loan,
        amount,
        payment_journal=None,
        date=None,
        savings_account=None,
        counterpart_account=None,
    ):
        """Allocate and post a repayment. ``counterpart_account``: the
        account the money comes from when it is not the journal's cash (the
        exit settlement account, for a loan repaid from an exit refund)."""
        self.env["koperasi.loan"].check_access("write")
        if not self.env.su and not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_officer"
        ):
            raise UserError(self.env._("Only a teller registers repayments."))
        try:
            amount = parse_amount(self.env, amount, default=0.0)
        except ValidationError as exc:
            raise UserError(exc.args[0]) from None
        if amount <= 0:
            raise UserError(self.env._("The repayment must be greater than zero."))
        lock_rows(loan)
        if loan.state != "disbursed":
            raise UserError(
                self.env._(
                    "%(loan)s is not disbursed: no repayment can be registered.",
                    loan=loan.name,
                )
            )
        product = loan.product_id
        date = date or business_today(self)
        amount = loan_schedule.round_rupiah(amount)
        unpaid = loan.line_ids.filtered(lambda line: not line.paid).sorted("sequence")
        due_lines = unpaid.filtered(lambda line: line.due_date <= date)
        allocations, remaining = loan_schedule.allocate_payment(
            amount, due_lines._get_dues(), product._get_allocation_order()
        )
        future = unpaid - due_lines
        next_dues = future[:1]._get_dues()
        if (
            not due_lines
            and next_dues
            and 0
            < remaining
            <= sum(next_dues[0][key] for key in next_dues[0] if key != "id")
        ):
            # Nothing is due yet and the member pays (part of) the next
            # instalment: an early payment. It settles that instalment, the
            # one the schedule shows as next, as on its due date. More than
            # the instalment is a prepayment, per the product's policy.
            early, remaining = loan_schedule.allocate_payment(
                remaining, next_dues, product._get_allocation_order()
            )
            allocations += early
        # Advance payment: principal of the next instalments.
        prepaid = []
        if remaining > 0 and future:
            prepaid, remaining = self._allocate_prepayment(loan, future, remaining)
        if remaining > 0 and product.overpayment_policy == "refuse":
            raise UserError(
                self.env._(
                    "The payment is %(excess)s more than everything still owed on %(loan)s.",
                    excess=loan.currency_id.format(remaining),
                    loan=loan.name,
                )
            )
        sukarela = self.env["koperasi.savings.account"]
        if remaining > 0:
            sukarela = sukarela.search(
                [
                    ("member_id", "=", loan.member_id.id),
                    ("kind", "=", "sukarela"),
                    ("state", "=", "open"),
                ],
                limit=1,
            )
            if not sukarela:
                raise UserError(
                    self.env._(
                        "The overpayment of %(excess)s needs an open voluntary savings account.",
                        excess=loan.currency_id.format(remaining),
                    )
                )
        if savings_account:
            # Auto-debit: the savings withdrawal pays the teller journal.
            savings_account.withdraw(
                amount,
                payment_journal=payment_journal,
                date=date,
                ref=self.env._("Repayment %(loan)s", loan=loan.name),
            )
        Line = self.env["koperasi.loan.line"]
        totals = {"principal": 0, "interest": 0, "penalty": 0}
        alloc_vals = []
        for alloc in allocations + prepaid:
            line = Line.browse(alloc["id"])
            line.write(
                {
                    "principal_paid": line.principal_paid + alloc["principal"],
                    "interest_paid": line.interest_paid + alloc["interest"],
                    "penalty_paid": line.penalty_paid + alloc["penalty"],
                }
            )
            for key in totals:
                totals[key] += alloc[key]
            alloc_vals.append(
                fields.Command.create(
                    {
                        "line_id": line.id,
                        "principal": alloc["principal"],
                        "interest": alloc["interest"],
                        "penalty": alloc["penalty"],
                        "waived_interest": alloc.get("waived_interest", 0),
                    }
                )
            )
        payment = self.create(
            {
                "loan_id": loan.id,
                "date": date,
                "amount": amount,
                "principal_amount": totals["principal"],
                "interest_amount": totals["interest"],
                "penalty_amount": totals["penalty"],
                "excess_amount": remaining,
                "payment_journal_id": payment_journal.id if payment_journal else False,
                "savings_account_id": savings_account.id if savings_account else False,
                "counterpart_account_id": counterpart_account.id
                if counterpart_account
                else False,
                "allocation_ids": alloc_vals,
            }
        )
        payment._post()
        if remaining > 0:
            sukarela.deposit(
                remaining,
                payment_journal=payment.payment_journal_id or None,
                date=date,
                ref=self.env._("Overpayment %(loan)s", loan=loan.name),
            )
        if all(loan.line_ids.mapped("paid")):
            loan.state = "closed"
        return payment

    @api.model
    def _allocate_prepayment(self, loan, future, amount):
        """Prepay principal of future instalments, per the product's policy.

        ``shorten``: the last instalments are paid first and their interest
        is waived. ``lower``: the principal is spread over the remaining
        instalments, which are recomputed.
        """
        product = loan.product_id
        outstanding = sum(future.mapped("principal")) - sum(
            future.mapped("principal_paid")
        )
        take = min(amount, outstanding)
        allocations = []
        if product.prepayment_policy == "lower" and take < outstanding:
            new_schedule = loan_schedule.compute_schedule(
                outstanding - take,
                loan.interest_rate,
                len(future),
                loan.interest_method,
            )
            first = future[:1]
            allocations.append(
                {"id": first.id, "principal": take, "interest": 0, "penalty": 0}
            )
            for line, new in zip(future, new_schedule, strict=True):
                line.write(
                    {
                        "principal": line.principal_paid
                        + new["principal"]
                        + (take if line == first else 0),
                        "interest": line.interest_paid + new["interest"],
                    }
                )
            return allocations, amount - take
        left = take
        for line in future.sorted("sequence", reverse=True):
            if left <= 0:
                break
            part = min(left, line.principal - line.principal_paid)
            left -= part
            waived = 0
            if part == line.principal - line.principal_paid:
                waived = line.interest - line.interest_paid
                line.interest = line.interest_paid
            allocations.append(
                {
                    "id": line.id,
                    "principal": part,
                    "interest": 0,
                    "penalty": 0,
                    "waived_interest": waived,
                }
            )
        return allocations, amount - take

    def _post(self):
        for payment in self:
            loan = payment.loan_id
            product = loan.product_id
            journal = (
                payment.payment_journal_id
                or self.env["koperasi.savings.transaction"]
                .new({"company_id": loan.company_id.id})
                ._default_payment_journal()
            )
            if not journal.default_account_id:
                raise UserError(
                    self.env._("Choose a cash or bank journal with a default account.")
                )
            if not payment.counterpart_account_id and (
                payment.principal_amount
                or payment.interest_amount
                or payment.penalty_amount
            ):
                payment._post_cash(journal)
                continue
            partner = loan.partner_id.id
            source = payment.counterpart_account_id or journal.default_account_id
            lines = [
                {
                    "name": payment.name,
                    "account_id": source.id,
                    "partner_id": partner,
                    "debit": payment.amount,
                }
            ]
            for amount, account in (
                (payment.principal_amount, product.account_receivable_id),
                (payment.interest_amount, product.account_interest_id),
                (
                    payment.penalty_amount,
                    product.account_penalty_id or product.account_fee_id,
                ),
            ):
                if amount:
                    lines.append(
                        {
                            "name": payment.name,
                            "account_id": account.id,
                            "partner_id": partner,
                            "credit": amount,
                        }
                    )
            if payment.excess_amount:
                lines.append(
                    {
                        "name": payment.name,
                        "account_id": source.id,
                        "partner_id": partner,
                        "credit": payment.excess_amount,
                    }
                )
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "entry",
                        "journal_id": journal.id,
                        "date": payment.date,
                        "ref": self.env._("Repayment %(loan)s", loan=loan.name),
                        "company_id": loan.company_id.id,
                        "line_ids": [fields.Command.create(line) for line in lines],
                    }
                )
            )
            move.action_post()
            payment.move_id = move

    def _post_cash(self, journal):
        """A repayment at the teller or by bank: one payment through the
        posting service, its entry split between the loan receivable, the
        interest and the penalty; an overpayment is deposited apart."""
        self.ensure_one()
        product = self.loan_id.product_id
        parts = [
            (part, account)
            for part, account in (
                (self.principal_amount, product.account_receivable_id),
                (self.interest_amount, product.account_interest_id),
                (
                    self.penalty_amount,
                    product.account_penalty_id or product.account_fee_id,
                ),
            )
            if part
        ]
        payment = self.env["koperasi.posting"]._post_cash_movements(
            [
                {
                    "company": self.loan_id.company_id,
                    "journal": journal,
                    "partner": self.loan_id.partner_id,
                    "amount": sum(part for part, __ in parts),
                    "direction": "in",
                    "account": parts[0][1],
                    "date": self.date,
                    "memo": self.env._("Repayment %(loan)s", loan=self.loan_id.name),
                    "split": [
                        (account, -part, self.name) for part, account in parts[1:]
                    ],
                }
            ]
        )
        self.write({"account_payment_id": payment.id, "move_id": payment.move_id.id})

    @workflow_action
    def action_reverse(self):
        """Undo a repayment: reverse its entry and its allocation."""
        if not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_manager"
        ):
            raise UserError(self.env._("Only the board reverses repayments."))
        for payment in self:
            if payment.state != "posted":
                raise UserError(
                    self.env._("%(ref)s is already reversed.", ref=payment.name)
                )
            later = payment.loan_id.payment_ids.filtered(
                lambda p, pay=payment: p.state == "posted" and p.id > pay.id
            )
            if later:
                raise UserError(self.env._("Reverse the later repayments first."))
            for alloc in payment.allocation_ids:
                line = alloc.line_id
                line.write(
                    {
                        "principal_paid": line.principal_paid - alloc.principal,
                        "interest_paid": line.interest_paid - alloc.interest,
                        "penalty_paid": line.penalty_paid - alloc.penalty,
                        "interest": line.interest + alloc.waived_interest,
                    }
                )
            # A payment's reversal is reconciled with it: its outstanding
            # line is no longer offered to a bank statement line.
            reversal = payment.move_id.sudo()._reverse_moves(
                [{"ref": self.env._("Reversal of %(ref)s", ref=payment.name)}],
                cancel=bool(payment.account_payment_id),
            )
            if reversal.state == "draft":
                reversal.action_post()
            payment.state = "reversed"
            if payment.loan_id.state == "closed":
                payment.loan_id.state = "disbursed"
        return True
