from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.koperasi_base.tools.business_date import business_today

from ..tools import capital as capital_tools


class KoperasiCapitalDue(models.Model):
    _name = "koperasi.capital.due"
    _description = "Member Capital Due"
    _order = "period_date desc, kind, id desc"
    _inherit = ["koperasi.workflow.mixin"]
    _check_company_auto = True
    _workflow_fields = ("is_cancelled",)

    member_id = fields.Many2one(
        "koperasi.member",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="member_id.partner_id")
    member_group_id = fields.Many2one(
        related="member_id.member_group_id", store=True, string="Member Group"
    )
    kind = fields.Selection(
        [
            ("pokok", "Principal Savings (Pokok)"),
            ("wajib", "Mandatory Savings (Wajib)"),
        ],
        required=True,
        default="wajib",
    )
    period_date = fields.Date(
        string="Period", required=True, help="First day of the period due."
    )
    period = fields.Char(compute="_compute_period", string="Period Label")
    amount = fields.Monetary(required=True)
    allocation_ids = fields.One2many(
        "koperasi.capital.allocation", "due_id", string="Payments"
    )
    amount_paid = fields.Monetary(compute="_compute_amounts", store=True)
    amount_residual = fields.Monetary(
        string="Amount Due", compute="_compute_amounts", store=True
    )
    is_cancelled = fields.Boolean(
        string="Cancelled",
        readonly=True,
        help="Withheld from the member's exit refund.",
    )
    state = fields.Selection(
        [
            ("unpaid", "Unpaid"),
            ("partial", "Partially Paid"),
            ("paid", "Paid"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_amounts",
        store=True,
        index=True,
    )

    _sql_constraints = [
        (
            "member_kind_period_uniq",
            "unique(member_id, kind, period_date)",
            "A member has only one due of each kind per period.",
        ),
        ("amount_positive", "check(amount > 0)", "A due must be positive."),
    ]

    @api.depends("period_date", "kind")
    def _compute_period(self):
        for due in self:
            due.period = (
                capital_tools.period_label(due.period_date) if due.period_date else ""
            )

    @api.depends(
        "amount",
        "is_cancelled",
        "allocation_ids.amount",
        "allocation_ids.payment_id.state",
    )
    def _compute_amounts(self):
        for due in self:
            paid = sum(
                due.allocation_ids.filtered(
                    lambda a: a.payment_id.state == "posted"
                ).mapped("amount")
            )
            due.amount_paid = paid
            if due.is_cancelled:
                due.amount_residual = 0.0
                due.state = "cancelled"
                continue
            due.amount_residual = due.amount - paid
            if due.currency_id.is_zero(due.amount_residual):
                due.state = "paid"
            elif paid:
                due.state = "partial"
            else:
                due.state = "unpaid"

    @api.depends("member_id", "kind", "period_date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for due in self:
            due.display_name = (
                f"{due.member_id.member_number or ''} {kinds.get(due.kind, '')} "
                f"{due.period or ''}"
            ).strip()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if self.filtered("allocation_ids"):
            raise UserError(
                self.env._("A due that received a payment cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Creation of the wajib dues of a period
    # ------------------------------------------------------------------
    @api.model
    def _cron_create_wajib_dues(self):
        groups = self.env["koperasi.member"]._read_group(
            [("state", "=", "active")], ["company_id"]
        )
        for (company,) in groups:
            self.with_company(company)._create_wajib_dues(company)

    @api.model
    def _create_wajib_dues(self, company, period_date=None, batch_size=2000):
        """Create the wajib dues of a period for every active member.

        Idempotent: members who already have their due of the period are
        skipped, so a re-run creates nothing. Returns the number created.
        """
        period = capital_tools.period_start(
            fields.Date.to_date(period_date) or business_today(self, company)
        )
        amount = capital_tools.round_rupiah(company.koperasi_wajib_amount)
        if amount <= 0:
            return 0
        next_period = period + relativedelta(months=1)
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT m.id
              FROM koperasi_member m
             WHERE m.company_id = %(company)s
               AND m.state = 'active'
               AND (m.join_date IS NULL OR m.join_date < %(next_period)s)
               AND NOT EXISTS (
                   SELECT 1 FROM koperasi_capital_due d
                    WHERE d.member_id = m.id
                      AND d.kind = 'wajib'
                      AND d.period_date = %(period)s)
             ORDER BY m.id
            """,
            {"company": company.id, "period": period, "next_period": next_period},
        )
        member_ids = [row[0] for row in self.env.cr.fetchall()]
        Due = self.sudo().with_context(tracking_disable=True)
        for start in range(0, len(member_ids), batch_size):
            batch = member_ids[start : start + batch_size]
            Due.create(
                [
                    {
                        "member_id": member_id,
                        "company_id": company.id,
                        "kind": "wajib",
                        "period_date": period,
                        "amount": amount,
                    }
                    for member_id in batch
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
        return len(member_ids)
