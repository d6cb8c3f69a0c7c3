import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.sql import create_index, drop_index, make_index_name

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import parse_amount
from odoo.addons.koperasi_base.tools.locking import lock_rows
from odoo.addons.koperasi_base.tools.workflow import workflow_action
from odoo.addons.koperasi_base.tools.xlsx import new_workbook

from ..tools import savings_interest

_logger = logging.getLogger(__name__)
OFFICER = "koperasi_savings_loan.group_koperasi_savings_loan_officer"

INTEREST_BATCH_SIZE = 1000
# The month-end job takes the waiting accounts in the order of an index.
INTEREST_ORDER = "interest_period, id"


class KoperasiSavingsAccount(models.Model):
    _name = "koperasi.savings.account"
    _description = "Savings Account"
    _inherit = ["mail.thread", "mail.activity.mixin", "koperasi.workflow.mixin"]
    _order = "name desc, id desc"
    _check_company_auto = True
    _workflow_fields = (
        "name",
        "state",
        "close_date",
        "last_transaction_date",
        "interest_period",
    )
    _workflow_sequence_code = "koperasi.savings.account"

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    member_id = fields.Many2one(
        "koperasi.member",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, index=True)
    product_id = fields.Many2one(
        "koperasi.savings.product",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    kind = fields.Selection(related="product_id.kind", store=True)
    state = fields.Selection(
        [("open", "Open"), ("dormant", "Dormant"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        index=True,
    )
    open_date = fields.Date(default=business_today, required=True)
    maturity_date = fields.Date(
        compute="_compute_maturity_date", store=True, readonly=False, tracking=True
    )
    close_date = fields.Date(readonly=True, copy=False)
    last_transaction_date = fields.Date(readonly=True, copy=False, index=True)
    transaction_ids = fields.One2many("koperasi.savings.transaction", "account_id")
    balance = fields.Monetary(compute="_compute_balance")
    interest_period = fields.Char(
        readonly=True,
        copy=False,
        default="0000-00",
        help="Last month (YYYY-MM) whose interest was processed.",
    )

    _sql_constraints = [
        (
            "member_product_uniq",
            "unique(member_id, product_id)",
            "A member has one account per savings product.",
        ),
    ]

    def init(self):
        super().init()
        # The month-end job's queue of each cooperative (INTEREST_ORDER); it
        # also serves the look-ups by interest_period, whose own index older
        # databases had.
        drop_index(
            self.env.cr,
            make_index_name(self._table, "interest_period"),
            self._table,
        )
        create_index(
            self.env.cr,
            "koperasi_savings_account_interest_queue_by_company_index",
            self._table,
            ["company_id", "interest_period", "id"],
        )

    @api.depends("open_date", "product_id.term_months", "product_id.kind")
    def _compute_maturity_date(self):
        for account in self:
            if account.kind == "berjangka" and account.open_date:
                account.maturity_date = savings_interest.add_months(
                    account.open_date, account.product_id.term_months
                )
            else:
                account.maturity_date = False

    @api.depends("transaction_ids.state", "transaction_ids.signed_amount")
    def _compute_balance(self):
        balances = self._get_balances()
        for account in self:
            account.balance = balances.get(account.id, 0.0)

    def _get_balances(self, date_to=None):
        """Balances from posted transactions, read in SQL: ``{account_id: amount}``."""
        ids = [account_id for account_id in self.ids if isinstance(account_id, int)]
        if not ids:
            return {}
        self.env["koperasi.savings.transaction"].flush_model(
            ["account_id", "signed_amount", "state", "date"]
        )
        date_clause = SQL("AND date <= %s", date_to) if date_to else SQL()
        rows = self.env.execute_query(
            SQL(
                """SELECT account_id, SUM(signed_amount)
                     FROM koperasi_savings_transaction
                    WHERE account_id = ANY(%s) AND state = 'posted' %s
                 GROUP BY account_id""",
                ids,
                date_clause,
            )
        )
        return dict(rows)

    def _recent_transactions(self, limit):
        """The last ``limit`` posted transactions of each account, in the
        transactions' order, found in one query whatever the number of
        accounts, through the user's record rules: ``{account_id: records}``."""
        Transaction = self.env["koperasi.savings.transaction"]
        recent = {account.id: Transaction for account in self}
        if not self.ids:
            return recent
        query = Transaction._search(
            [("account_id", "in", self.ids), ("state", "=", "posted")]
        )
        query.order = None
        rank = SQL(
            "row_number() OVER (PARTITION BY %s ORDER BY %s)",
            SQL.identifier(query.table, "account_id"),
            Transaction._order_to_sql(Transaction._order, query),
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM (%s) AS ranked(id, rank) WHERE rank <= %s "
                "ORDER BY rank",
                query.select(SQL.identifier(query.table, "id"), rank),
                limit,
            )
        )
        for transaction in Transaction.browse(row[0] for row in rows):
            recent[transaction.account_id.id] |= transaction
        return recent

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_transactions(self):
        if self.sudo().transaction_ids:
            raise UserError(
                self.env._(
                    "A savings account with transactions cannot be deleted: close it."
                )
            )

    @api.depends("name", "product_id")
    def _compute_display_name(self):
        for account in self:
            account.display_name = (
                f"{account.name} {account.product_id.name or ''}".strip()
            )

    # ------------------------------------------------------------------
    # Locking and checks
    # ------------------------------------------------------------------
    def _lock_for_update(self):
        """Lock and touch the account rows until the end of the transaction
        (see koperasi_base's ``lock_rows``): a concurrent withdrawal fails at
        once with a clear message, or is retried with a fresh balance."""
        lock_rows(
            self,
            self.env._(
                "Another transaction is being posted on %(account)s. Try again in a moment.",
                account=", ".join(self.mapped("name")),
            ),
        )

    def _check_can_transact(self):
        for account in self:
            if account.member_id.state != "active":
                raise UserError(
                    self.env._(
                        "%(member)s is not an active member: no deposit or withdrawal "
                        "can be posted on %(account)s.",
                        member=account.member_id.display_name,
                        account=account.name,
                    )
                )
            if account.state != "open":
                raise UserError(
                    self.env._(
                        "The savings account %(account)s is %(state)s: no transaction can "
                        "be posted on it.",
                        account=account.name,
                        state=dict(
                            account._fields["state"]._description_selection(self.env)
                        )[account.state],
                    )
                )

    @api.model
    def _check_amount(self, amount):
        try:
            amount = parse_amount(self.env, amount, default=0.0)
        except ValidationError as exc:
            raise UserError(exc.args[0]) from None
        if amount <= 0:
            raise UserError(self.env._("The amount must be greater than zero."))

    # ------------------------------------------------------------------
    # Business methods (the teller wizard, the portal and cron jobs call them)
    # ------------------------------------------------------------------
    def _new_transaction(self, vals):
        return (
            self.env["koperasi.savings.transaction"]
            .sudo()
            .create({"account_id": self.id, "company_id": self.company_id.id, **vals})
            .sudo(False)
        )

    @workflow_action
    def deposit(self, amount, payment_journal=None, date=None, ref=None):
        """Post a deposit; return the transaction."""
        self.ensure_one()
        self.env["koperasi.savings.transaction"].check_access("create")
        self._check_amount(amount)
        self._lock_for_update()
        self._check_can_transact()
        if self.kind == "berjangka" and self.balance:
            raise UserError(
                self.env._(
                    "The time deposit %(account)s is already placed: open a new one.",
                    account=self.name,
                )
            )
        minimum = self.product_id.min_opening
        if not self.balance and amount < minimum:
            raise UserError(
                self.env._(
                    "The opening deposit of %(account)s must be at least %(minimum)s.",
                    account=self.name,
                    minimum=self.currency_id.format(minimum),
                )
            )
        transaction = self._new_transaction(
            {
                "type": "deposit",
                "amount": amount,
                "payment_journal_id": payment_journal.id if payment_journal else False,
                "date": date or business_today(self),
                "ref": ref,
            }
        )
        transaction._action_post()
        return transaction

    def _withdrawal_charges(self, amount, date):
        """Fees charged on a withdrawal: ``[(type, amount)]``."""
        self.ensure_one()
        charges = []
        if self.product_id.withdrawal_fee:
            charges.append(("fee", self.product_id.withdrawal_fee))
        if (
            self.kind == "berjangka"
            and self.maturity_date
            and date < self.maturity_date
        ):
            penalty = savings_interest.early_withdrawal_penalty(
                amount, self.product_id.early_withdrawal_penalty
            )
            if penalty:
                charges.append(("penalty", penalty))
        return charges

    @workflow_action
    def withdraw(self, amount, payment_journal=None, date=None, ref=None):
        """Post a withdrawal (and its fees) after locking the account row."""
        self.ensure_one()
        self.env["koperasi.savings.transaction"].check_access("create")
        self._check_amount(amount)
        self._lock_for_update()
        self._check_can_transact()
        date = date or business_today(self)
        balance = self._get_balances().get(self.id, 0.0)
        charges = self._withdrawal_charges(amount, date)
        total = amount + sum(charge for __, charge in charges)
        if self.kind == "berjangka":
            if amount != balance - sum(charge for __, charge in charges):
                raise UserError(
                    self.env._(
                        "A time deposit is withdrawn in full: %(amount)s is available "
                        "from %(account)s after charges.",
                        amount=self.currency_id.format(
                            balance - sum(charge for __, charge in charges)
                        ),
                        account=self.name,
                    )
                )
            minimum = 0.0
        else:
            minimum = self.product_id.min_balance
        if self.currency_id.compare_amounts(balance - total, minimum) < 0:
            raise UserError(
                self.env._(
                    "The withdrawal of %(amount)s would take %(account)s below its minimum "
                    "balance of %(minimum)s (available: %(available)s).",
                    amount=self.currency_id.format(amount),
                    account=self.name,
                    minimum=self.currency_id.format(minimum),
                    available=self.currency_id.format(max(balance - minimum, 0.0)),
                )
            )
        transactions = self._new_transaction(
            {
                "type": "withdrawal",
                "amount": amount,
                "payment_journal_id": payment_journal.id if payment_journal else False,
                "date": date,
                "ref": ref,
            }
        )
        for charge_type, charge in charges:
            transactions |= self._new_transaction(
                {"type": charge_type, "amount": charge, "date": date, "ref": ref}
            )
        transactions._action_post()
        if self.kind == "berjangka":
            self.sudo()._close()
        return transactions[:1]

    @workflow_action
    def transfer(self, destination, amount, date=None, ref=None):
        """Move money between two accounts of the same member."""
        self.ensure_one()
        self.env["koperasi.savings.transaction"].check_access("create")
        self._check_amount(amount)
        if destination == self or destination.member_id != self.member_id:
            raise UserError(
                self.env._("A transfer goes to another account of the same member.")
            )
        (self | destination)._lock_for_update()
        (self | destination)._check_can_transact()
        balance = self._get_balances().get(self.id, 0.0)
        minimum = 0.0 if self.kind == "berjangka" else self.product_id.min_balance
        if self.currency_id.compare_amounts(balance - amount, minimum) < 0:
            raise UserError(
                self.env._(
                    "The transfer of %(amount)s would take %(account)s below its minimum "
                    "balance of %(minimum)s.",
                    amount=self.currency_id.format(amount),
                    account=self.name,
                    minimum=self.currency_id.format(minimum),
                )
            )
        date = date or business_today(self)
        out = self._new_transaction(
            {"type": "transfer_out", "amount": amount, "date": date, "ref": ref}
        )
        dest = destination._new_transaction(
            {"type": "transfer_in", "amount": amount, "date": date, "ref": ref}
        )
        (out | dest)._action_post()
        return out | dest

    def _close(self):
        for account in self:
            account.write({"state": "closed", "close_date": business_today(account)})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @workflow_action
    def action_close(self):
        self._workflow_check_group(
            OFFICER, self.env._("Only a teller or the board closes savings accounts.")
        )
        for account in self:
            if account.currency_id.compare_amounts(account.balance, 0.0):
                raise UserError(
                    self.env._(
                        "The savings account %(account)s still holds %(balance)s: withdraw "
                        "or transfer it first.",
                        account=account.name,
                        balance=account.currency_id.format(account.balance),
                    )
                )
        self._close()

    @workflow_action
    def action_reactivate(self):
        self._workflow_check_group(
            OFFICER,
            self.env._("Only a teller or the board reactivates savings accounts."),
        )
        self.filtered(lambda a: a.state == "dormant").write({"state": "open"})

    def action_open_transactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "koperasi_savings_loan.koperasi_savings_transaction_action"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id}
        return action

    def action_print_statement(self):
        return self.env.ref(
            "koperasi_savings_loan.action_report_savings_statement"
        ).report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/koperasi/savings/{self.id}/statement.xlsx",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Statement
    # ------------------------------------------------------------------
    def _get_statement_lines(self, date_from=None, date_to=None):
        """Posted transactions with a running balance, oldest first."""
        self.ensure_one()
        domain = [("account_id", "=", self.id), ("state", "=", "posted")]
        opening = 0.0
        if date_from:
            opening = self._get_balances(date_to=date_from - timedelta(days=1)).get(
                self.id, 0.0
            )
            domain.append(("date", ">=", date_from))
        if date_to:
            domain.append(("date", "<=", date_to))
        transactions = self.env["koperasi.savings.transaction"].search(
            domain, order="date, id"
        )
        running = opening
        lines = []
        for transaction in transactions:
            running += transaction.signed_amount
            lines.append(
                {
                    "transaction": transaction,
                    "date": transaction.date,
                    "name": transaction.name,
                    "type": transaction.type,
                    "type_label": dict(
                        transaction._fields["type"]._description_selection(self.env)
                    )[transaction.type],
                    "debit": -transaction.signed_amount
                    if transaction.signed_amount < 0
                    else 0.0,
                    "credit": transaction.signed_amount
                    if transaction.signed_amount > 0
                    else 0.0,
                    "balance": running,
                }
            )
        return {"opening": opening, "lines": lines, "closing": running}

    def _get_statement_xlsx(self):
        """The statement as XLSX bytes."""
        import io

        self.ensure_one()
        output = io.BytesIO()
        workbook = new_workbook(output)
        sheet = workbook.add_worksheet(self.env._("Statement"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0"})
        datefmt = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write(0, 0, self.env._("Savings statement"), bold)
        sheet.write(1, 0, self.env._("Account"))
        sheet.write(1, 1, self.name)
        sheet.write(2, 0, self.env._("Member"))
        sheet.write(2, 1, self.member_id.name or "")
        sheet.write(3, 0, self.env._("Product"))
        sheet.write(3, 1, self.product_id.name)
        headers = [
            self.env._("Date"),
            self.env._("Reference"),
            self.env._("Type"),
            self.env._("Debit"),
            self.env._("Credit"),
            self.env._("Balance"),
        ]
        for col, header in enumerate(headers):
            sheet.write(5, col, header, bold)
        statement = self._get_statement_lines()
        row = 6
        for line in statement["lines"]:
            sheet.write_datetime(
                row, 0, fields.Datetime.to_datetime(line["date"]), datefmt
            )
            sheet.write(row, 1, line["name"])
            sheet.write(row, 2, line["type_label"])
            sheet.write_number(row, 3, line["debit"], money)
            sheet.write_number(row, 4, line["credit"], money)
            sheet.write_number(row, 5, line["balance"], money)
            row += 1
        sheet.write(row, 4, self.env._("Closing balance"), bold)
        sheet.write_number(row, 5, statement["closing"], money)
        sheet.set_column(0, 2, 18)
        sheet.set_column(3, 5, 16)
        workbook.close()
        return output.getvalue()

    # ------------------------------------------------------------------
    # Monthly interest
    # ------------------------------------------------------------------
    @api.model
    def _cron_post_monthly_interest(self, batch_size=INTEREST_BATCH_SIZE):
        """Post last month's interest, one batch per run (cron progress).

        "Last month" is the month before each cooperative's business date.
        A batch costs the same at the first account as at the millionth: the
        waiting accounts of each cooperative come in the order of the
        (company_id, interest_period, id) index, and the progress says
        whether more wait (``remaining`` is 1) instead of counting them all
        again at every batch.
        """
        done = self.browse()
        remaining = 0
        # The cooperatives come from their few interest-bearing products, not
        # from their accounts: grouping every account at every batch would
        # cost a scan of the whole table.
        companies = (
            self.env["koperasi.savings.product"]
            .with_context(active_test=False)
            ._read_group([("interest_rate", ">", 0)], ["company_id"])
        )
        for (company,) in companies:
            last_month = business_today(self, company).replace(day=1) - timedelta(
                days=1
            )
            pending = [
                ("company_id", "=", company.id),
                *self._interest_pending_domain(last_month.year, last_month.month),
            ]
            room = batch_size - len(done)
            waiting = self.search(pending, limit=max(room, 0) + 1, order=INTEREST_ORDER)
            accounts = waiting[: max(room, 0)]
            if accounts:
                accounts._post_interest(last_month.year, last_month.month)
                done |= accounts
            remaining += len(waiting) - len(accounts)
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=remaining)
        return done

    @api.model
    def _interest_pending_domain(self, year, month):
        __, date_to = savings_interest.month_bounds(year, month)
        period = f"{year:04d}-{month:02d}"
        return [
            ("state", "in", ("open", "dormant")),
            ("product_id.interest_rate", ">", 0),
            ("open_date", "<=", date_to),
            ("interest_period", "<", period),
        ]

    def _post_interest(self, year, month):
        """Compute, post and tax the interest of one month for these accounts.

        Idempotent: accounts already processed for the month are skipped.
        One journal entry per product and batch: the savings liability, the
        interest expense and the tax payable, one line each. Each member's
        interest and tax are the account's own transactions, which point at
        that entry.
        """
        period = f"{year:04d}-{month:02d}"
        date_from, date_to = savings_interest.month_bounds(year, month)
        accounts = self.filtered(lambda a: a.interest_period < period)
        if not accounts:
            return self.env["koperasi.savings.transaction"]
        accounts._lock_interest_rows()
        accounts = accounts.filtered(lambda a: a.interest_period < period)
        Transaction = self.env["koperasi.savings.transaction"]
        Transaction.flush_model()
        openings = accounts._get_balances(date_to=date_from - timedelta(days=1))
        movements = {}
        rows = self.env.execute_query(
            SQL(
                """SELECT account_id, date, SUM(signed_amount)
                     FROM koperasi_savings_transaction
                    WHERE account_id = ANY(%s) AND state = 'posted'
                      AND date >= %s AND date <= %s
                 GROUP BY account_id, date""",
                accounts.ids,
                date_from,
                date_to,
            )
        )
        for account_id, day, amount in rows:
            movements.setdefault(account_id, []).append((day, amount))
        vals_list = []
        for account in accounts:
            product = account.product_id
            start = max(date_from, account.open_date)
            gross = savings_interest.compute_interest(
                product.interest_basis,
                openings.get(account.id, 0.0)
                + sum(a for d, a in movements.get(account.id, []) if d < start),
                [(d, a) for d, a in movements.get(account.id, []) if d >= start],
                start,
                date_to,
                product.interest_rate,
            )
            if gross <= 0:
                continue
            tax = savings_interest.final_tax(
                gross, product.tax_threshold, product.tax_rate
            )
            base = {"account_id": account, "date": date_to, "interest_period": period}
            vals_list.append({**base, "type": "interest", "amount": gross})
            if tax:
                vals_list.append({**base, "type": "tax", "amount": tax})
        transactions = Transaction.sudo()._create_posted_batch(vals_list)
        accounts.sudo().write({"interest_period": period})
        return transactions

    def _lock_interest_rows(self):
        self.env.cr.execute(
            SQL(
                "SELECT id FROM koperasi_savings_account WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                self.ids,
            )
        )
        self.invalidate_recordset(["interest_period"])

    # ------------------------------------------------------------------
    # Dormancy and maturity
    # ------------------------------------------------------------------
    @api.model
    def _cron_detect_dormant(self):
        """Mark open accounts without a transaction for N months as dormant."""
        dormant = self.env["koperasi.savings.account"]
        companies = [
            company
            for (company,) in self._read_group([("state", "=", "open")], ["company_id"])
        ]
        for company in companies:
            months = company.koperasi_savings_dormant_months
            if months <= 0:
                continue
            limit_date = savings_interest.add_months(
                business_today(self, company), -months
            )
            accounts = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("kind", "!=", "berjangka"),
                    "|",
                    ("last_transaction_date", "<", limit_date),
                    "&",
                    ("last_transaction_date", "=", False),
                    ("open_date", "<", limit_date),
                ]
            )
            accounts.write({"state": "dormant"})
            dormant |= accounts
        return dormant

    @api.model
    def _cron_process_maturity(self):
        """Roll over or pay out the time deposits that reached maturity on
        their cooperative's business date."""
        accounts = self.browse()
        for (company,) in self._read_group(
            [("kind", "=", "berjangka"), ("state", "=", "open")], ["company_id"]
        ):
            accounts |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "berjangka"),
                    ("state", "=", "open"),
                    ("maturity_date", "<=", business_today(self, company)),
                ]
            )
        for account in accounts:
            account._process_maturity()
        return accounts

    def _process_maturity(self):
        self.ensure_one()
        if self.product_id.maturity_action == "rollover":
            self.maturity_date = savings_interest.add_months(
                self.maturity_date, self.product_id.term_months
            )
            return
        sukarela = self.search(
            [
                ("member_id", "=", self.member_id.id),
                ("kind", "=", "sukarela"),
                ("state", "=", "open"),
            ],
            limit=1,
        )
        if not sukarela:
            _logger.info(
                "Time deposit %s matured without a voluntary account", self.name
            )
            return
        balance = self.balance
        if balance > 0:
            self.transfer(sukarela, balance, ref=self.env._("Maturity payout"))
        self._close()

    @api.constrains("member_id", "product_id")
    def _check_member_state(self):
        for account in self:
            if account.member_id.state not in ("active", "candidate", "suspended"):
                raise ValidationError(
                    self.env._(
                        "%(member)s is no longer a member: no savings account can be opened.",
                        member=account.member_id.name,
                    )
                )

    @api.model
    def _demo_history(self, account_ids, openings, monthly):
        """Demo data: a year of savings as the teller and the month-end job
        made it. Each account opens with ``openings`` on its open date, gets
        ``monthly`` on the 5th of every month since, and each complete month
        is closed with its interest (and the final tax on it), as the
        month-end job posts it."""
        today = business_today(self)
        for account, opening, each in zip(
            self.browse(account_ids), openings, monthly, strict=True
        ):
            journal = account._default_payment_journal_for_demo()
            try:
                account.product_id._check_accounting()
            except ValidationError:
                continue
            if not journal:
                continue
            day = account.open_date
            account.deposit(opening, payment_journal=journal, date=day)
            month = day.replace(day=1)
            while True:
                month_end = month + relativedelta(months=1) - timedelta(days=1)
                if month_end >= today:
                    break
                account._post_interest(month.year, month.month)
                month += relativedelta(months=1)
                if month.replace(day=5) < today:
                    account.deposit(
                        each, payment_journal=journal, date=month.replace(day=5)
                    )

    def _default_payment_journal_for_demo(self):
        return self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(
                    self.company_id or self.env.company
                ),
                ("type", "=", "cash"),
                ("default_account_id", "!=", False),
            ],
            limit=1,
        )
