from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.koperasi_base.tools.business_date import business_today
from odoo.addons.koperasi_base.tools.inputs import clean_text, parse_id
from odoo.addons.koperasi_base.tools.locking import lock_rows
from odoo.addons.koperasi_base.tools.workflow import workflow_action
from odoo.addons.koperasi_base.tools.xlsx import new_workbook

from ..tools import loan_portfolio, loan_schedule

DOCUMENT_MAX_SIZE = 5 * 1024 * 1024
OFFICER = "koperasi_savings_loan.group_koperasi_savings_loan_officer"
DOCUMENT_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")

COLLECTIBILITY = [
    ("lancar", "Current (lancar)"),
    ("kurang_lancar", "Substandard (kurang lancar)"),
    ("diragukan", "Doubtful (diragukan)"),
    ("macet", "Loss (macet)"),
]


class KoperasiLoan(models.Model):
    _name = "koperasi.loan"
    _description = "Member Loan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "koperasi.workflow.mixin",
    ]
    _workflow_fields = (
        "name",
        "state",
        "applicant_user_id",
        "approver_ids",
        "disbursement_date",
        "disbursement_move_id",
        "disbursement_payment_id",
        "fee_amount",
        "line_ids",
        "payment_ids",
        "days_past_due",
        "collectibility",
        "overdue_run_date",
        "write_off_date",
        "ppap_amount",
        "ppap_posted",
        "opening_reference",
        "opening_first_due_date",
    )
    _workflow_sequence_code = "koperasi.loan"
    _workflow_frozen_fields = (
        "member_id",
        "product_id",
        "amount",
        "term_months",
        "interest_method",
        "interest_rate",
        "collateral_value",
        "company_id",
    )
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    member_id = fields.Many2one(
        "koperasi.member", required=True, index=True, check_company=True, tracking=True
    )
    partner_id = fields.Many2one(related="member_id.partner_id", store=True, index=True)
    product_id = fields.Many2one(
        "koperasi.loan.product", required=True, check_company=True, tracking=True
    )
    amount = fields.Monetary(required=True, tracking=True)
    term_months = fields.Integer(string="Term (months)", required=True, tracking=True)
    interest_method = fields.Selection(
        related="product_id.interest_method", store=True, readonly=True
    )
    interest_rate = fields.Float(
        string="Annual Interest Rate (%)",
        digits=(16, 4),
        help="Copied from the product when the application is created.",
    )
    purpose = fields.Char()
    guarantor = fields.Char(help="Name and relation of the guarantor.")
    collateral_note = fields.Text(string="Collateral")
    collateral_value = fields.Monetary(
        string="Eligible Collateral Value",
        help="Deducted from the balance for the provision.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("disbursed", "Disbursed"),
            ("closed", "Closed"),
            ("written_off", "Written Off"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    application_date = fields.Date(default=business_today, copy=False)
    applicant_user_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, copy=False
    )
    approver_ids = fields.Many2many(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    approvals_required = fields.Integer(compute="_compute_approvals_required")
    disbursement_date = fields.Date(readonly=True, copy=False)
    disbursement_move_id = fields.Many2one("account.move", readonly=True, copy=False)
    disbursement_payment_id = fields.Many2one(
        "account.payment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The cash or bank payment of the disbursement.",
    )
    fee_amount = fields.Monetary(readonly=True, copy=False)
    line_ids = fields.One2many("koperasi.loan.line", "loan_id", copy=False)
    payment_ids = fields.One2many("koperasi.loan.payment", "loan_id", copy=False)
    outstanding_principal = fields.Monetary(compute="_compute_outstanding", store=True)
    outstanding_interest = fields.Monetary(compute="_compute_outstanding", store=True)
    penalty_due = fields.Monetary(compute="_compute_outstanding", store=True)
    instalment_amount = fields.Monetary(compute="_compute_outstanding", store=True)
    next_due_date = fields.Date(compute="_compute_outstanding", store=True)
    days_past_due = fields.Integer(readonly=True, copy=False)
    collectibility = fields.Selection(
        COLLECTIBILITY,
        default="lancar",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    overdue_run_date = fields.Date(readonly=True, copy=False)
    write_off_date = fields.Date(readonly=True, copy=False)
    ppap_amount = fields.Monetary(
        string="Required Provision", readonly=True, copy=False
    )
    ppap_posted = fields.Monetary(string="Provision Posted", readonly=True, copy=False)
    opening_reference = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Reference of a loan taken over with the opening balances (its "
        "number in the cooperative's former books); its amount is the "
        "principal left then.",
    )
    opening_first_due_date = fields.Date(
        string="Opening Next Due Date",
        readonly=True,
        copy=False,
        help="First due date of the remaining schedule of a loan taken over "
        "with the opening balances.",
    )

    _sql_constraints = [
        (
            "opening_reference_company_uniq",
            "unique(opening_reference, company_id)",
            "An opening loan reference is imported once per cooperative.",
        ),
    ]

    @api.onchange("product_id")
    def _onchange_product_id(self):
        self.interest_rate = self.product_id.interest_rate

    def _compute_approvals_required(self):
        for loan in self:
            threshold = loan.product_id.second_approval_amount
            loan.approvals_required = 2 if threshold and loan.amount > threshold else 1

    @api.depends(
        "line_ids.principal",
        "line_ids.principal_paid",
        "line_ids.interest",
        "line_ids.interest_paid",
        "line_ids.penalty",
        "line_ids.penalty_paid",
        "line_ids.due_date",
        "amount",
        "state",
    )
    def _compute_outstanding(self):
        for loan in self:
            lines = loan.line_ids
            if loan.state in ("disbursed", "closed"):
                loan.outstanding_principal = sum(lines.mapped("principal")) - sum(
                    lines.mapped("principal_paid")
                )
            else:
                loan.outstanding_principal = 0.0
            loan.outstanding_interest = sum(lines.mapped("interest")) - sum(
                lines.mapped("interest_paid")
            )
            loan.penalty_due = sum(lines.mapped("penalty")) - sum(
                lines.mapped("penalty_paid")
            )
            unpaid = lines.filtered(lambda line: not line.paid).sorted("sequence")
            loan.next_due_date = unpaid[:1].due_date
            loan.instalment_amount = lines[:1].amount

    @api.constrains("amount", "term_months", "product_id")
    def _check_amount_term(self):
        for loan in self.filtered(
            lambda record: record.state in ("draft", "submitted")
        ):
            loan.product_id._check_application(loan.amount, loan.term_months)

    @api.constrains("interest_rate")
    def _check_rate(self):
        if any(loan.interest_rate < 0 for loan in self):
            raise ValidationError(self.env._("The interest rate cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "interest_rate" not in vals and vals.get("product_id"):
                vals["interest_rate"] = (
                    self.env["koperasi.loan.product"]
                    .browse(vals["product_id"])
                    .interest_rate
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(loan.state not in ("draft", "rejected") for loan in self):
            raise UserError(
                self.env._("Only draft or rejected loan applications can be deleted.")
            )

    def _compute_access_url(self):
        super()._compute_access_url()
        for loan in self:
            loan.access_url = f"/my/koperasi/pinjaman/{loan.id}"

    # ------------------------------------------------------------------
    # Schedule
    # ------------------------------------------------------------------
    def get_schedule(self, start_date=None):
        """The simulated schedule of this application (list of dicts)."""
        self.ensure_one()
        return loan_schedule.compute_schedule(
            self.amount,
            self.interest_rate,
            self.term_months,
            self.interest_method,
            start_date or self.disbursement_date or business_today(self),
            first_due_date=self.opening_first_due_date,
        )

    def _freeze_schedule(self):
        self.ensure_one()
        self.line_ids.unlink()
        self._generate_lines()

    def _generate_lines(self):
        """Create the instalments of these loans in one batch.

        The schedule engine gives every amount; the rows are inserted in bulk
        (thousands of schedules at once), then the loans' totals recomputed.
        """
        Line = self.env["koperasi.loan.line"]
        rows = []
        totals = []
        uid = self.env.uid
        for loan in self:
            schedule = loan.get_schedule(loan.disbursement_date)
            for line in schedule:
                amount = line["principal"] + line["interest"]
                rows.append(
                    (
                        loan.id,
                        loan.company_id.id,
                        loan.currency_id.id,
                        loan.member_id.id,
                        line["sequence"],
                        line["due_date"],
                        line["principal"],
                        line["interest"],
                        amount,
                        amount,
                        not amount,
                        uid,
                        uid,
                    )
                )
            totals.append(
                (
                    loan.id,
                    sum(line["principal"] for line in schedule),
                    sum(line["interest"] for line in schedule),
                    schedule[0]["amount"],
                    schedule[0]["due_date"],
                )
            )
        if not rows:
            return Line
        self.env.flush_all()
        ids = []
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            self.env.cr.execute(
                SQL(
                    """INSERT INTO koperasi_loan_line
                        (loan_id, company_id, currency_id, member_id, sequence, due_date,
                         principal, interest, amount, residual, paid, create_uid, write_uid,
                         principal_paid, interest_paid, penalty, penalty_paid,
                         create_date, write_date)
                       SELECT v.*, 0, 0, 0, 0, now() at time zone 'UTC',
                              now() at time zone 'UTC'
                         FROM (VALUES %s) AS v
                    RETURNING id""",
                    SQL(", ").join(
                        SQL(
                            "(%s, %s, %s, %s, %s, %s::date, %s, %s, %s, %s, %s, %s, %s)",
                            *row,
                        )
                        for row in chunk
                    ),
                )
            )
            ids += [row[0] for row in self.env.cr.fetchall()]
        # The totals of a fresh schedule, as _compute_outstanding would give
        # them for a disbursed loan (outstanding principal only once disbursed).
        for start in range(0, len(totals), 5000):
            self.env.cr.execute(
                SQL(
                    """UPDATE koperasi_loan l
                          SET outstanding_principal = CASE WHEN l.state IN ('disbursed', 'closed')
                                                      THEN v.principal ELSE 0 END,
                              outstanding_interest = v.interest,
                              penalty_due = 0,
                              instalment_amount = v.instalment,
                              next_due_date = v.due_date
                         FROM (VALUES %s) AS v(id, principal, interest, instalment, due_date)
                        WHERE l.id = v.id""",
                    SQL(", ").join(
                        SQL(
                            "(%s, %s::numeric, %s::numeric, %s::numeric, %s::date)",
                            *row,
                        )
                        for row in totals[start : start + 5000]
                    ),
                )
            )
        Line.invalidate_model()
        self.invalidate_recordset()
        return Line.browse(ids)

    # ------------------------------------------------------------------
    # Approval pipeline
    # ------------------------------------------------------------------
    @workflow_action
    def action_submit(self):
        self._workflow_check_group(
            OFFICER, self.env._("Only a teller or the board submits loan applications.")
        )
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft application can be submitted (%(loan)s).",
                        loan=loan.name,
                    )
                )
            loan.product_id._check_application(
                loan.amount, loan.term_months, loan.member_id
            )
        self.write({"state": "submitted"})
        return True

    def _check_can_approve(self):
        if not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_manager"
        ):
            raise UserError(self.env._("Only the board approves loans."))
        for loan in self:
            if loan.state != "submitted":
                raise UserError(
                    self.env._("%(loan)s is not waiting for approval.", loan=loan.name)
                )
            if self.env.user in (loan.applicant_user_id | loan.member_id.user_id) or (
                loan.partner_id == self.env.user.partner_id
            ):
                raise UserError(
                    self.env._(
                        "Nobody approves their own loan application (%(loan)s).",
                        loan=loan.name,
                    )
                )
            if self.env.user in loan.approver_ids:
                raise UserError(
                    self.env._(
                        "You already approved %(loan)s: another board member gives the second "
                        "approval.",
                        loan=loan.name,
                    )
                )

    def _do_approve(self):
        for loan in self:
            loan.approver_ids = [fields.Command.link(self.env.user.id)]
            if len(loan.approver_ids) >= loan.approvals_required:
                loan.state = "approved"

    @workflow_action
    def action_approve(self):
        self._check_can_approve()
        self._do_approve()
        return True

    @workflow_action
    def action_reject(self):
        self._check_can_approve()
        self.write({"state": "rejected"})
        return True

    @workflow_action
    def action_reset_draft(self):
        self._workflow_check_group(
            OFFICER, self.env._("Only a teller or the board resets applications.")
        )
        self.filtered(lambda loan: loan.state in ("submitted", "rejected")).write(
            {"state": "draft", "approver_ids": [fields.Command.clear()]}
        )

    # ------------------------------------------------------------------
    # Disbursement
    # ------------------------------------------------------------------
    def _check_accounting(self):
        product = self.product_id
        fnames = (
            "journal_id",
            "account_receivable_id",
            "account_interest_id",
            "account_fee_id",
        )
        missing = [
            product._fields[fname].get_description(self.env)["string"]
            for fname in fnames
            if not product[fname]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "Configure %(fields)s on the loan product %(name)s first.",
                    fields=", ".join(missing),
                    name=product.name,
                )
            )

    def _disbursement_movement_vals(self, payment_journal, fee):
        """The money paid out, for the posting service: the loan receivable
        for the full amount, the administration fee kept back."""
        self.ensure_one()
        product = self.product_id
        split = []
        if fee:
            split.append(
                (
                    product.account_fee_id,
                    -fee,
                    self.env._("Administration fee %(loan)s", loan=self.name),
                )
            )
        return {
            "company": self.company_id,
            "journal": payment_journal,
            "partner": self.partner_id,
            "amount": self.amount - fee,
            "direction": "out",
            "account": product.account_receivable_id,
            "date": self.disbursement_date,
            "memo": self.env._("Disbursement %(loan)s", loan=self.name),
            "split": split,
        }

    @workflow_action
    def action_disburse(self, payment_journal=None, date=None):
        """Post the disbursement once and freeze the schedule."""
        self.env["koperasi.loan"].check_access("write")
        if not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_officer"
        ):
            raise UserError(self.env._("Only a teller disburses loans."))
        for loan in self:
            # Lock and touch the loan row: two clicks at once disburse once.
            lock_rows(loan)
            if loan.state == "disbursed":
                continue
            if loan.state != "approved":
                raise UserError(
                    self.env._(
                        "%(loan)s must be approved before disbursement.", loan=loan.name
                    )
                )
            loan._check_accounting()
            journal = (
                payment_journal
                or self.env["koperasi.savings.transaction"]
                .new({"company_id": loan.company_id.id})
                ._default_payment_journal()
            )
            if not journal.default_account_id:
                raise UserError(
                    self.env._("Choose a cash or bank journal with a default account.")
                )
            fee = loan.product_id._compute_fee(loan.amount)
            loan.write(
                {
                    "disbursement_date": date or business_today(loan),
                    "fee_amount": fee,
                }
            )
            payment = self.env["koperasi.posting"]._post_cash_movements(
                [loan._disbursement_movement_vals(journal, fee)]
            )
            loan.write(
                {
                    "disbursement_payment_id": payment.id,
                    "disbursement_move_id": payment.move_id.id,
                    "state": "disbursed",
                }
            )
            loan._freeze_schedule()
        return True

    @workflow_action
    def action_write_off(self):
        if not self.env.user.has_group(
            "koperasi_savings_loan.group_koperasi_savings_loan_manager"
        ):
            raise UserError(self.env._("Only the board writes loans off."))
        for loan in self.filtered(lambda record: record.state == "disbursed"):
            product = loan.product_id
            outstanding = loan.outstanding_principal
            if outstanding and product.account_allowance_id:
                # The provision posted for the loan (PPAP) absorbs the loss;
                # what it does not cover is an expense of the day, never a
                # debit balance of the allowance.
                covered = outstanding
                if product.account_provision_expense_id:
                    covered = min(outstanding, loan.ppap_posted)
                debits = [
                    (product.account_allowance_id, covered),
                    (product.account_provision_expense_id, outstanding - covered),
                ]
                move = (
                    self.env["account.move"]
                    .sudo()
                    .create(
                        {
                            "move_type": "entry",
                            "journal_id": product.journal_id.id,
                            "ref": self.env._("Write-off %(loan)s", loan=loan.name),
                            "date": business_today(loan),
                            "line_ids": [
                                fields.Command.create(
                                    {
                                        "name": loan.name,
                                        "account_id": account.id,
                                        "partner_id": loan.partner_id.id,
                                        "debit": amount,
                                    }
                                )
                                for account, amount in debits
                                if amount > 0
                            ]
                            + [
                                fields.Command.create(
                                    {
                                        "name": loan.name,
                                        "account_id": product.account_receivable_id.id,
                                        "partner_id": loan.partner_id.id,
                                        "credit": outstanding,
                                    }
                                ),
                            ],
                        }
                    )
                )
                move.action_post()
            loan.write(
                {
                    "state": "written_off",
                    "write_off_date": business_today(loan),
                    # Its provision is used up by the write-off.
                    "ppap_posted": 0.0,
                }
            )
        return True

    # ------------------------------------------------------------------
    # Repayment
    # ------------------------------------------------------------------
    def _get_payoff_amount(self, date=None):
        """What pays the loan off on ``date``: every instalment due by then
        (denda, interest, principal) and the principal of the later ones."""
        self.ensure_one()
        date = date or business_today(self)
        unpaid = self.line_ids.filtered(lambda line: not line.paid)
        due = unpaid.filtered(lambda line: line.due_date <= date)
        owed = sum(
            dues["penalty"] + dues["interest"] + dues["principal"]
            for dues in due._get_dues()
        )
        owed += sum((unpaid - due).mapped("principal")) - sum(
            (unpaid - due).mapped("principal_paid")
        )
        return loan_schedule.round_rupiah(owed)

    @workflow_action
    def register_payment(
        self, amount, payment_journal=None, date=None, savings_account=None
    ):
        """Allocate and post a repayment; return the payment record."""
        self.ensure_one()
        return self.env["koperasi.loan.payment"]._register_payment(
            self,
            amount,
            payment_journal=payment_journal,
            date=date,
            savings_account=savings_account,
        )

    def _next_payment_amount(self, date=None):
        """What the member pays now: everything due on ``date`` (denda,
        interest and principal), or the next instalment when nothing is due
        yet."""
        self.ensure_one()
        date = date or business_today(self)
        unpaid = self.line_ids.filtered(lambda line: not line.paid).sorted("sequence")
        lines = unpaid.filtered(lambda line: line.due_date <= date) or unpaid[:1]
        return sum(
            due["penalty"] + due["interest"] + due["principal"]
            for due in lines._get_dues()
        )

    def action_register_payment(self):
        self.ensure_one()
        return {
            "name": self.env._("Register Repayment of %(loan)s", loan=self.name),
            "type": "ir.actions.act_window",
            "res_model": "koperasi.loan.payment.register",
            "view_mode": "form",
            "target": "new",
            "context": {"default_loan_id": self.id},
        }

    # ------------------------------------------------------------------
    # Daily overdue run, provision
    # ------------------------------------------------------------------
    @api.model
    def _cron_daily_overdue(self, batch_size=5000):
        """Days past due, denda and collectibility; once per loan per day.

        Each cooperative's loans are aged on its own business date and with
        its own thresholds.
        """
        done = self.browse()
        remaining = 0
        companies = [
            company
            for (company,) in self._read_group(
                [("state", "=", "disbursed")], ["company_id"]
            )
        ]
        for company in companies:
            today = business_today(self, company)
            domain = [
                ("company_id", "=", company.id),
                ("state", "=", "disbursed"),
                # No denda after the member's exit: what is left is a debt.
                ("member_id.settlement_move_id", "=", False),
                "|",
                ("overdue_run_date", "=", False),
                ("overdue_run_date", "<", today),
            ]
            count = self.search_count(domain)
            room = batch_size - len(done)
            loans = self.search(domain, limit=room, order="id") if room > 0 else []
            if loans:
                loans._update_overdue(today)
                done |= loans
            remaining += count - len(loans)
        self.env["ir.cron"]._notify_progress(done=len(done), remaining=remaining)
        return done

    def _update_overdue(self, today):
        """Age the loans of one company on its business date ``today``."""
        company = self.company_id
        company.ensure_one()
        thresholds = (
            company.koperasi_loan_col_days_1,
            company.koperasi_loan_col_days_2,
            company.koperasi_loan_col_days_3,
        )
        lines = self.env["koperasi.loan.line"].search(
            [
                ("loan_id", "in", self.ids),
                ("paid", "=", False),
                ("due_date", "<", today),
            ],
            order="loan_id, sequence",
        )
        by_loan = defaultdict(list)
        for line in lines:
            by_loan[line.loan_id.id].append(line)
        # Group the writes by value: a run touches thousands of rows with a
        # handful of distinct values.
        penalties = defaultdict(list)
        loan_values = defaultdict(list)
        for loan in self:
            product = loan.product_id
            days_past_due = 0
            for line in by_loan.get(loan.id, []):
                days = (today - line.due_date).days
                days_past_due = max(days_past_due, days)
                if days - product.grace_days > 0 and product.penalty_rate:
                    overdue = (
                        line.principal
                        - line.principal_paid
                        + line.interest
                        - line.interest_paid
                    )
                    computed = loan_schedule.penalty_amount(
                        overdue, product.penalty_rate, days, product.penalty_period
                    )
                    if computed > line.penalty:
                        penalties[computed].append(line.id)
            klass = loan_schedule.collectibility(days_past_due, thresholds)
            loan_values[(days_past_due, klass)].append(loan.id)
        Line = self.env["koperasi.loan.line"]
        for amount, line_ids in penalties.items():
            Line.browse(line_ids).write({"penalty": amount})
        for (days_past_due, klass), loan_ids in loan_values.items():
            self.browse(loan_ids).write(
                {
                    "days_past_due": days_past_due,
                    "collectibility": klass,
                    "overdue_run_date": today,
                }
            )

    def _compute_ppap(self):
        """The provision of each loan at its own company's rates."""
        for loan in self:
            company = loan.company_id
            rates = {
                "lancar": company.koperasi_ppap_lancar,
                "kurang_lancar": company.koperasi_ppap_kurang_lancar,
                "diragukan": company.koperasi_ppap_diragukan,
                "macet": company.koperasi_ppap_macet,
            }
            base = loan.outstanding_principal
            if loan.collectibility != "lancar":
                base = max(base - loan.collateral_value, 0.0)
            loan.ppap_amount = loan_schedule.round_rupiah(
                base * rates[loan.collectibility] / 100
            )

    @api.model
    def _cron_post_provision(self):
        """Post the change of the PPAP provision, per product (monthly)."""
        loans = self.search([("state", "=", "disbursed")])
        loans._compute_ppap()
        moves = self.env["account.move"]
        for product in loans.product_id:
            product_loans = loans.filtered(lambda loan, p=product: loan.product_id == p)
            delta = sum(product_loans.mapped("ppap_amount")) - sum(
                product_loans.mapped("ppap_posted")
            )
            delta = product.currency_id.round(delta)
            if not delta or not (
                product.account_provision_expense_id and product.account_allowance_id
            ):
                continue
            expense, allowance = (
                product.account_provision_expense_id,
                product.account_allowance_id,
            )
            moves |= (
                self.env["account.move"]
                .sudo()
                .create(
                    {
                        "move_type": "entry",
                        "journal_id": product.journal_id.id,
                        "ref": self.env._("PPAP %(product)s", product=product.name),
                        "company_id": product.company_id.id,
                        "date": business_today(product),
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "name": self.env._("Loan loss provision"),
                                    "account_id": expense.id
                                    if delta > 0
                                    else allowance.id,
                                    "debit": abs(delta),
                                }
                            ),
                            fields.Command.create(
                                {
                                    "name": self.env._("Loan loss provision"),
                                    "account_id": allowance.id
                                    if delta > 0
                                    else expense.id,
                                    "credit": abs(delta),
                                }
                            ),
                        ],
                    }
                )
            )
            for loan in product_loans:
                loan.ppap_posted = loan.ppap_amount
        moves.action_post()
        return moves

    @api.model
    def _get_interest_paid(self, members, date_from, date_to):
        """Loan interest paid per member over a period: ``{member_id: amount}``."""
        payments = (
            self.env["koperasi.loan.payment"]
            .sudo()
            ._read_group(
                [
                    ("member_id", "in", members.ids),
                    ("state", "=", "posted"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["member_id"],
                ["interest_amount:sum"],
            )
        )
        return {member.id: amount for member, amount in payments}

    # ------------------------------------------------------------------
    # Portal and reports
    # ------------------------------------------------------------------
    @api.model
    def _create_from_portal(
        self, member, product_id, amount, term_months, purpose=None, document=None
    ):
        """Validate a member's application, then create and submit it.

        ``document`` is an optional ``(filename, bytes)`` supporting file:
        a PDF, JPEG or PNG (checked by content) of at most 5 MB.
        """
        try:
            product_id = parse_id(self.env, product_id) or 0
            purpose = clean_text(self.env, purpose, max_length=200)
        except ValidationError as exc:
            raise UserError(exc.args[0]) from None
        product = self.env["koperasi.loan.product"].search(
            [("id", "=", product_id), ("company_id", "=", member.company_id.id)]
        )
        if not product:
            raise UserError(self.env._("Choose a loan product."))
        if member.state != "active":
            raise UserError(self.env._("Only active members can apply for a loan."))
        if document:
            self._check_portal_document(*document)
        try:
            amount, term_months = product._check_application(
                amount, term_months, member.sudo()
            )
        except ValidationError as exc:
            raise UserError(exc.args[0]) from exc
        loan = self.sudo().create(
            {
                "member_id": member.id,
                "company_id": member.company_id.id,
                "product_id": product.id,
                "amount": amount,
                "term_months": term_months,
                "purpose": purpose,
            }
        )
        if document:
            self.env["ir.attachment"].sudo().create(
                {
                    "name": document[0],
                    "raw": document[1],
                    "res_model": "koperasi.loan",
                    "res_id": loan.id,
                }
            )
        loan.action_submit()
        return loan

    @api.model
    def _check_portal_document(self, filename, content):
        if len(content) > DOCUMENT_MAX_SIZE:
            raise UserError(self.env._("The document is larger than 5 MB."))
        if not content.startswith(DOCUMENT_SIGNATURES):
            raise UserError(self.env._("The document must be a PDF, JPEG or PNG file."))
        return True

    def _get_aging_xlsx(self):
        """Portfolio aging by collectibility as XLSX bytes."""
        import io

        output = io.BytesIO()
        workbook = new_workbook(output)
        sheet = workbook.add_worksheet(self.env._("Aging"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0"})
        headers = [
            self.env._("Loan"),
            self.env._("Member"),
            self.env._("Product"),
            self.env._("Outstanding"),
            self.env._("Days Past Due"),
            self.env._("Collectibility"),
            self.env._("Provision"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        labels = dict(self._fields["collectibility"]._description_selection(self.env))
        for row, loan in enumerate(self, start=1):
            sheet.write(row, 0, loan.name)
            sheet.write(row, 1, loan.member_id.name or "")
            sheet.write(row, 2, loan.product_id.name)
            sheet.write_number(row, 3, loan.outstanding_principal, money)
            sheet.write_number(row, 4, loan.days_past_due)
            sheet.write(row, 5, labels.get(loan.collectibility, ""))
            sheet.write_number(row, 6, loan.ppap_amount, money)
        total_row = len(self) + 1
        sheet.write(total_row, 2, self.env._("Total"), bold)
        sheet.write_number(
            total_row, 3, sum(self.mapped("outstanding_principal")), money
        )
        kpis = self._get_portfolio_kpis([("id", "in", self.ids)])
        percent = workbook.add_format({"num_format": "0.00"})
        sheet.write(total_row + 2, 2, self.env._("NPL ratio (%)"), bold)
        sheet.write_number(total_row + 2, 3, kpis["npl_ratio"], percent)
        sheet.write(total_row + 3, 2, self.env._("PAR30 (%)"), bold)
        sheet.write_number(total_row + 3, 3, kpis["par30"], percent)
        sheet.set_column(0, 6, 18)
        workbook.close()
        return output.getvalue()

    @api.model
    def _get_portfolio_kpis(self, domain=None):
        """Outstanding by collectibility, NPL ratio and PAR30 (percent).

        Disbursed loans of the allowed companies, optionally narrowed by
        ``domain``; two grouped reads whatever the size of the portfolio.
        """
        domain = [("state", "=", "disbursed"), *(domain or [])]
        by_class = dict.fromkeys(dict(COLLECTIBILITY), 0.0)
        count = 0
        for collectibility, loans, outstanding in self._read_group(
            domain, ["collectibility"], ["__count", "outstanding_principal:sum"]
        ):
            by_class[collectibility] += outstanding
            count += loans
        total = sum(by_class.values())
        npl = total - by_class["lancar"]
        [[par30]] = self._read_group(
            [*domain, ("days_past_due", ">", 30)], [], ["outstanding_principal:sum"]
        )
        par30 = par30 or 0.0  # no loan more than 30 days late
        npl_ratio = loan_schedule.ratio_percent(npl, total)
        return {
            "loan_count": count,
            "outstanding": total,
            "by_collectibility": by_class,
            "npl_amount": npl,
            "npl_ratio": npl_ratio,
            "npl_band": loan_schedule.npl_band(npl_ratio),
            "par30_amount": par30,
            "par30": loan_schedule.ratio_percent(par30, total),
        }

    @api.model
    def _get_portfolio_as_of(self, as_of, domain=None):
        """The portfolio as at ``as_of``: ``(positions, summary)``.

        ``positions`` is ``{loan: position}`` of the loans disbursed on or
        before ``as_of`` and not yet repaid (nor written off) by then, each
        rebuilt by :func:`loan_portfolio.loan_position` from the schedule and
        the posted repayments dated on or before ``as_of``; ``summary`` is
        :func:`loan_portfolio.portfolio_summary` of them (by collectibility
        with the company thresholds, NPL, PAR30). A handful of queries
        whatever the number of loans.
        """
        as_of = fields.Date.to_date(as_of)
        loans = self.sudo().search(
            [
                ("state", "in", ("disbursed", "closed", "written_off")),
                ("disbursement_date", "<=", as_of),
                "|",
                ("write_off_date", "=", False),
                ("write_off_date", ">", as_of),
                *(domain or []),
            ],
            order="id",
        )
        written_off = loans.filtered(
            lambda loan: loan.state == "written_off" and not loan.write_off_date
        )
        loans -= written_off
        lines = defaultdict(list)
        for line in (
            self.env["koperasi.loan.line"]
            .sudo()
            .search_fetch(
                [("loan_id", "in", loans.ids), ("due_date", "<=", as_of)],
                ["loan_id", "due_date", "principal", "interest"],
                order="loan_id, sequence",
            )
        ):
            lines[line.loan_id.id].append(
                (line.id, line.due_date, line.principal, line.interest)
            )
        paid = defaultdict(dict)
        for line, principal, interest in (
            self.env["koperasi.loan.payment.allocation"]
            .sudo()
            ._read_group(
                [
                    ("payment_id.loan_id", "in", loans.ids),
                    ("payment_id.state", "=", "posted"),
                    ("payment_id.date", "<=", as_of),
                ],
                ["line_id"],
                ["principal:sum", "interest:sum"],
            )
        ):
            paid[line.loan_id.id][line.id] = (principal, interest)
        positions = {}
        for loan in loans:
            company = loan.company_id
            position = loan_portfolio.loan_position(
                as_of,
                loan.disbursement_date,
                loan.amount,
                lines.get(loan.id, []),
                paid.get(loan.id, {}),
                (
                    company.koperasi_loan_col_days_1,
                    company.koperasi_loan_col_days_2,
                    company.koperasi_loan_col_days_3,
                ),
            )
            if position:
                positions[loan] = position
        return positions, loan_portfolio.portfolio_summary(positions.values())

    @api.model
    def _demo_set_states(self, targets):
        """Demo data: bring applications to the given states.

        Board approval is recorded for the demo board; money moves only when
        the products and a cash journal can post.
        """
        board = self.env.ref("base.user_admin")
        for loan_id, target in targets:
            loan = self.browse(loan_id)
            loan.action_submit()
            if target == "submitted":
                continue
            if target == "rejected":
                loan.state = "rejected"
                continue
            loan.write(
                {"approver_ids": [fields.Command.link(board.id)], "state": "approved"}
            )
            if target == "approved":
                continue
            journal = self.env[
                "koperasi.savings.account"
            ]._default_payment_journal_for_demo()
            try:
                loan._check_accounting()
            except UserError:
                continue
            if not journal:
                continue
            start = business_today(loan) - timedelta(days=75)
            loan.action_disburse(payment_journal=journal, date=start)
            if target == "closed":
                loan.register_payment(
                    loan.outstanding_principal + loan.line_ids[:1].interest,
                    payment_journal=journal,
                    date=loan.line_ids[:1].due_date,
                )
            elif target == "written_off":
                loan.action_write_off()
            else:
                loan.register_payment(
                    loan.line_ids[:1].amount,
                    payment_journal=journal,
                    date=loan.line_ids[:1].due_date,
                )
