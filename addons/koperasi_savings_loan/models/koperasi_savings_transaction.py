from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools import bulk
from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.workflow import workflow_action

# Sign of each type on the member's balance.
SIGNS = {
    "deposit": 1,
    "withdrawal": -1,
    "interest": 1,
    "tax": -1,
    "fee": -1,
    "penalty": -1,
    "transfer_in": 1,
    "transfer_out": -1,
    "opening": 1,
}


class KoperasiSavingsTransaction(models.Model):
    _name = "koperasi.savings.transaction"
    _inherit = ["koperasi.workflow.mixin"]
    _description = "Savings Transaction"
    _order = "date desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "name",
        "state",
        "move_id",
        "payment_id",
        "reversed_move_id",
        "interest_period",
    )
    _workflow_sequence_code = "koperasi.savings.transaction"
    _workflow_frozen_fields = (
        "account_id",
        "type",
        "amount",
        "date",
        "payment_journal_id",
    )

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    account_id = fields.Many2one(
        "koperasi.savings.account",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    member_id = fields.Many2one(related="account_id.member_id", store=True, index=True)
    partner_id = fields.Many2one(related="account_id.partner_id", store=True)
    product_id = fields.Many2one(related="account_id.product_id", store=True)
    date = fields.Date(required=True, default=business_today, index=True)
    type = fields.Selection(
        [
            ("deposit", "Deposit"),
            ("withdrawal", "Withdrawal"),
            ("interest", "Interest"),
            ("tax", "Final Tax"),
            ("fee", "Fee"),
            ("penalty", "Early Withdrawal Penalty"),
            ("transfer_in", "Transfer In"),
            ("transfer_out", "Transfer Out"),
            ("opening", "Opening Balance"),
        ],
        required=True,
    )
    amount = fields.Monetary(required=True)
    signed_amount = fields.Monetary(compute="_compute_signed_amount", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft",
        required=True,
        index=True,
        readonly=True,
    )
    ref = fields.Char(string="Note")
    payment_journal_id = fields.Many2one(
        "account.journal",
        string="Cash/Bank Journal",
        check_company=True,
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    interest_period = fields.Char(
        readonly=True, help="Month (YYYY-MM) of an interest line."
    )
    move_id = fields.Many2one(
        "account.move", string="Journal Entry", readonly=True, copy=False, index=True
    )
    reversed_move_id = fields.Many2one("account.move", readonly=True, copy=False)
    payment_id = fields.Many2one(
        "account.payment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The cash or bank payment of a deposit or withdrawal.",
    )
    user_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )

    _sql_constraints = [
        (
            "amount_positive",
            "CHECK(amount > 0)",
            "A transaction amount must be positive.",
        ),
    ]

    @api.depends("type", "amount", "state")
    def _compute_signed_amount(self):
        for transaction in self:
            sign = SIGNS.get(transaction.type, 0)
            if transaction.state == "reversed":
                sign = 0
            transaction.signed_amount = sign * transaction.amount

    def write(self, vals):
        protected = {"amount", "type", "account_id", "date"}
        if protected & set(vals) and any(t.state != "draft" for t in self):
            raise UserError(
                self.env._(
                    "A posted savings transaction cannot be changed: reverse it."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(t.state != "draft" for t in self):
            raise UserError(
                self.env._(
                    "A posted savings transaction cannot be deleted: reverse it."
                )
            )

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    def _get_counterpart_account(self):
        """The account opposite the savings liability for this transaction."""
        self.ensure_one()
        product = self.product_id
        if self.type in ("deposit", "withdrawal"):
            journal = self.payment_journal_id or self._default_payment_journal()
            if not journal.default_account_id:
                raise UserError(
                    self.env._(
                        "Choose a cash or bank journal with a default account for %(ref)s.",
                        ref=self.name,
                    )
                )
            return journal.default_account_id
        return self._product_counterpart_account(product, self.type)

    @api.model
    def _product_counterpart_account(self, product, transaction_type):
        """The product's account opposite the liability for a transaction
        that moves no cash."""
        if transaction_type == "interest":
            return product.account_interest_id
        if transaction_type == "tax":
            return product.account_tax_id
        if transaction_type in ("fee", "penalty"):
            return product.account_fee_id
        return product.account_liability_id

    def _is_cash_movement(self):
        """Money the member brings or takes at the teller or by bank."""
        self.ensure_one()
        return self.type in ("deposit", "withdrawal")

    def _cash_movement_vals(self):
        """The movement the posting service turns into a payment."""
        self.ensure_one()
        journal = self.payment_journal_id or self._default_payment_journal()
        if not journal:
            raise UserError(
                self.env._("Choose a cash or bank journal for %(ref)s.", ref=self.name)
            )
        return {
            "company": self.company_id,
            "journal": journal,
            "partner": self.partner_id,
            "amount": self.amount,
            "direction": "in" if SIGNS[self.type] > 0 else "out",
            "account": self.product_id.account_liability_id,
            "date": self.date,
            "memo": f"{self.name} {self.account_id.name}",
        }

    def _default_payment_journal(self):
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", "cash"),
            ],
            limit=1,
        )

    def _prepare_move_line_vals(self):
        """Two balanced lines: the liability side and its counterpart."""
        self.ensure_one()
        sign = SIGNS[self.type]
        label = f"{self.name} {self.account_id.name}"
        liability = {
            "name": label,
            "account_id": self.product_id.account_liability_id.id,
            "partner_id": self.partner_id.id,
            "debit": self.amount if sign < 0 else 0.0,
            "credit": self.amount if sign > 0 else 0.0,
        }
        counterpart = {
            "name": label,
            "account_id": self._get_counterpart_account().id,
            "partner_id": self.partner_id.id,
            "debit": self.amount if sign > 0 else 0.0,
            "credit": self.amount if sign < 0 else 0.0,
        }
        return [liability, counterpart]

    def _prepare_move_vals(self):
        """One journal entry for these transactions (same company, product journal)."""
        first = self[:1]
        journal = first.product_id.journal_id
        if first.type in ("deposit", "withdrawal") and len(self) == 1:
            journal = (
                first.payment_journal_id or first._default_payment_journal() or journal
            )
        lines = []
        for transaction in self:
            lines += transaction._prepare_move_line_vals()
        # Transfers: both sides hit the liability accounts, no counterpart.
        if set(self.mapped("type")) <= {"transfer_in", "transfer_out"}:
            lines = [
                line
                for transaction in self
                for line in transaction._prepare_move_line_vals()[:1]
            ]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": max(self.mapped("date")),
            "ref": ", ".join(self.mapped("name"))[:200]
            if len(self) <= 5
            else first.name,
            "company_id": first.company_id.id,
            "line_ids": [fields.Command.create(line) for line in lines],
        }

    def _action_post(self, group=False):
        """Post the draft transactions: one entry per call, or per product when ``group``.

        Posting twice does nothing: only draft transactions are posted.
        """
        drafts = self.filtered(lambda t: t.state == "draft")
        if not drafts:
            return self.env["account.move"]
        drafts.product_id._check_accounting()
        cash = drafts.filtered(lambda t: t._is_cash_movement())
        moves = self.env["account.move"]
        if cash:
            payments = self.env["koperasi.posting"]._post_cash_movements(
                [transaction._cash_movement_vals() for transaction in cash]
            )
            for transaction, payment in zip(cash, payments, strict=True):
                transaction.write(
                    {
                        "payment_id": payment.id,
                        "move_id": payment.move_id.id,
                        "state": "posted",
                    }
                )
            moves |= payments.move_id
            drafts -= cash
        if not drafts:
            cash._update_last_transaction_date()
            return moves
        if group:
            buckets = defaultdict(list)
            for transaction in drafts:
                buckets[(transaction.company_id.id, transaction.product_id.id)].append(
                    transaction.id
                )
            groups = [self.browse(ids) for ids in buckets.values()]
            move_vals = [g._prepare_grouped_move_vals() for g in groups]
        else:
            groups = [drafts]
            move_vals = [drafts._prepare_move_vals()]
        entries = self.env["account.move"].sudo().create(move_vals)
        entries.action_post()
        for move, transactions in zip(entries, groups, strict=True):
            transactions.write({"move_id": move.id, "state": "posted"})
        (cash | drafts)._update_last_transaction_date()
        return moves | entries

    def _update_last_transaction_date(self):
        """Interest and tax are not the member's activity: they do not keep
        an account out of dormancy."""
        last_dates = {}
        for transaction in self:
            if transaction.type in ("interest", "tax"):
                continue
            account = transaction.account_id
            if transaction.date > last_dates.get(account, transaction.date.min):
                last_dates[account] = transaction.date
        for account, day in last_dates.items():
            if not account.last_transaction_date or account.last_transaction_date < day:
                account.sudo().last_transaction_date = day

    def _prepare_grouped_move_vals(self):
        """One entry for many transactions of one product: the savings
        liability one line per member (partner), net of the member's
        transactions; the counterparts one line per account."""
        first = self[:1]
        return self._grouped_move_vals(
            first.company_id,
            first.product_id,
            max(self.mapped("date")),
            [
                (t.partner_id.id, t.type, t.amount, t._get_counterpart_account())
                for t in self
            ],
        )

    @api.model
    def _grouped_move_vals(self, company, product, day, items, label=None):
        """The entry of ``items`` (``(partner_id, type, amount, counterpart
        account)``) of one product: the liability one line per partner (one
        line in all when the partners are ``False``), the counterparts one
        line per account; ``label`` names the entry and its lines."""
        liability = product.account_liability_id
        per_partner = defaultdict(float)
        per_account = defaultdict(float)
        for partner_id, transaction_type, amount, counterpart in items:
            sign = SIGNS[transaction_type]
            per_partner[partner_id] += sign * amount
            per_account[counterpart.id] -= sign * amount
        label = label or self.env._("Savings %(product)s", product=product.name)
        lines = []
        for partner_id, amount in per_partner.items():
            if amount:
                lines.append(
                    {
                        "name": label,
                        "account_id": liability.id,
                        "partner_id": partner_id,
                        "debit": -amount if amount < 0 else 0.0,
                        "credit": amount if amount > 0 else 0.0,
                    }
                )
        for account_id, amount in per_account.items():
            if amount:
                lines.append(
                    {
                        "name": label,
                        "account_id": account_id,
                        "debit": -amount if amount < 0 else 0.0,
                        "credit": amount if amount > 0 else 0.0,
                    }
                )
        return {
            "move_type": "entry",
            "journal_id": product.journal_id.id,
            "date": day,
            "ref": label,
            "company_id": company.id,
            "line_ids": [fields.Command.create(line) for line in lines],
        }

    @api.model
    def _create_posted_batch(self, vals_list):
        """Create and post many transactions that move no cash at once: the
        month-end interest and its final tax.

        Each cooperative and product gets one posted entry whose savings
        liability is one line: each member's part of it is the member's own
        transaction, which points at the entry. The transactions are numbered
        in order and written in one statement (``koperasi_base.tools.bulk``).

        :param vals_list: dicts of ``account_id`` (a savings account record),
            ``type``, ``amount`` (whole rupiah, positive), ``date`` and
            ``interest_period``.
        :return: the transactions, in the order of ``vals_list``.
        """
        if not vals_list:
            return self.browse()
        buckets = defaultdict(list)
        for vals in vals_list:
            account = vals["account_id"]
            buckets[(account.company_id, account.product_id)].append(vals)
        moves = {}
        for (company, product), group in buckets.items():
            product._check_accounting()
            # Named in the cooperative's language (its contact's): the job
            # runs without one.
            lang = company.partner_id.lang or self.env.lang
            periods = sorted({vals.get("interest_period") or "" for vals in group})
            label = self.with_context(lang=lang).env._(
                "Interest %(product)s %(period)s",
                product=product.with_context(lang=lang).name,
                period=", ".join(periods),
            )
            move = (
                self.env["account.move"]
                .sudo()
                .create(
                    self._grouped_move_vals(
                        company,
                        product,
                        max(vals["date"] for vals in group),
                        [
                            (
                                False,
                                vals["type"],
                                vals["amount"],
                                self._product_counterpart_account(
                                    product, vals["type"]
                                ),
                            )
                            for vals in group
                        ],
                        label=label,
                    )
                )
            )
            move.action_post()
            moves[company, product] = move
        rows = []
        for vals in vals_list:
            account = vals["account_id"]
            rows.append(
                {
                    "name": "/",
                    "company_id": account.company_id.id,
                    "account_id": account.id,
                    "member_id": account.member_id.id,
                    "partner_id": account.partner_id.id,
                    "product_id": account.product_id.id,
                    "date": vals["date"],
                    "type": vals["type"],
                    "amount": vals["amount"],
                    "signed_amount": SIGNS[vals["type"]] * vals["amount"],
                    "state": "posted",
                    "interest_period": vals.get("interest_period") or None,
                    "move_id": moves[account.company_id, account.product_id].id,
                    "user_id": self.env.uid,
                }
            )
        self._workflow_number(rows)
        return bulk.insert_records(self, rows)

    @workflow_action
    def action_reverse(self):
        """Cancel posted transactions by reversing their journal entries."""
        self._workflow_check_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_manager",
            self.env._("Only the board reverses savings transactions."),
        )
        for transaction in self:
            if transaction.state != "posted":
                raise UserError(
                    self.env._(
                        "Only a posted transaction can be reversed (%(ref)s).",
                        ref=transaction.name,
                    )
                )
            if transaction.type == "opening":
                raise UserError(
                    self.env._(
                        "%(ref)s is an opening balance, posted in the opening entry "
                        "of every savings account: correct it with a new transaction.",
                        ref=transaction.name,
                    )
                )
            if (
                transaction.move_id
                == transaction.account_id.member_id.settlement_move_id
            ):
                raise UserError(
                    self.env._(
                        "%(ref)s is part of the member's exit settlement: it is not "
                        "reversed alone.",
                        ref=transaction.name,
                    )
                )
            siblings = self.search([("move_id", "=", transaction.move_id.id)])
            if len(siblings) > 1 and transaction.type not in (
                "transfer_in",
                "transfer_out",
            ):
                raise UserError(
                    self.env._(
                        "%(ref)s was posted in a batch entry: reverse the batch from "
                        "accounting and correct with a new transaction.",
                        ref=transaction.name,
                    )
                )
            if transaction.signed_amount > 0:
                account = transaction.account_id
                account._lock_for_update()
                balance = account._get_balances().get(account.id, 0.0)
                if account.currency_id.compare_amounts(balance, transaction.amount) < 0:
                    raise UserError(
                        self.env._(
                            "Reversing %(ref)s would make %(account)s negative.",
                            ref=transaction.name,
                            account=account.name,
                        )
                    )
            # A payment's reversal is reconciled with it: its outstanding
            # line is no longer offered to a bank statement line.
            reversal = transaction.move_id.sudo()._reverse_moves(
                [{"ref": self.env._("Reversal of %(ref)s", ref=transaction.name)}],
                cancel=bool(transaction.payment_id),
            )
            if reversal.state == "draft":
                reversal.action_post()
            siblings.write({"state": "reversed", "reversed_move_id": reversal.id})
        return True

    def action_print_receipt(self):
        return self.env.ref(
            "koperasi_savings_loan.action_report_savings_receipt"
        ).report_action(self)
