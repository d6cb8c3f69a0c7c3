from odoo import api, fields, models

from odoo.addons.koperasi_base.tools.business_date import business_today


class KoperasiLoanLine(models.Model):
    _name = "koperasi.loan.line"
    _description = "Loan Instalment"
    _order = "loan_id, sequence"
    _inherit = ["koperasi.workflow.mixin"]
    _check_company_auto = True
    _workflow_fields = (
        "loan_id",
        "company_id",
        "currency_id",
        "member_id",
        "sequence",
        "due_date",
        "principal",
        "interest",
        "principal_paid",
        "interest_paid",
        "penalty",
        "penalty_paid",
    )

    loan_id = fields.Many2one(
        "koperasi.loan", required=True, index=True, ondelete="cascade"
    )
    # Copied from the loan when the schedule is frozen (plain fields: the
    # batch generation of thousands of schedules stays fast).
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one("res.currency", required=True)
    member_id = fields.Many2one("koperasi.member", required=True, index=True)
    sequence = fields.Integer(required=True)
    due_date = fields.Date(required=True, index=True)
    principal = fields.Monetary()
    interest = fields.Monetary()
    amount = fields.Monetary(compute="_compute_amount", store=True)
    principal_paid = fields.Monetary(readonly=True)
    interest_paid = fields.Monetary(readonly=True)
    penalty = fields.Monetary(string="Denda", readonly=True)
    penalty_paid = fields.Monetary(string="Denda Paid", readonly=True)
    residual = fields.Monetary(compute="_compute_amount", store=True)
    paid = fields.Boolean(compute="_compute_amount", store=True, index=True)
    status = fields.Selection(
        [
            ("paid", "Paid"),
            ("overdue", "Overdue"),
            ("due", "Due"),
            ("upcoming", "Upcoming"),
        ],
        compute="_compute_status",
    )

    @api.depends(
        "principal",
        "interest",
        "principal_paid",
        "interest_paid",
        "penalty",
        "penalty_paid",
    )
    def _compute_amount(self):
        for line in self:
            line.amount = line.principal + line.interest
            line.residual = (
                line.principal
                - line.principal_paid
                + line.interest
                - line.interest_paid
                + line.penalty
                - line.penalty_paid
            )
            line.paid = (
                line.currency_id.is_zero(line.residual)
                if line.currency_id
                else (line.residual <= 0)
            )

    def _compute_status(self):
        for line in self:
            today = business_today(line)
            if line.paid:
                line.status = "paid"
            elif line.due_date < today:
                line.status = "overdue"
            elif line.due_date == today:
                line.status = "due"
            else:
                line.status = "upcoming"

    def _get_dues(self):
        """What is still due per component, for the allocation engine."""
        return [
            {
                "id": line.id,
                "penalty": line.penalty - line.penalty_paid,
                "interest": line.interest - line.interest_paid,
                "principal": line.principal - line.principal_paid,
            }
            for line in self
        ]
