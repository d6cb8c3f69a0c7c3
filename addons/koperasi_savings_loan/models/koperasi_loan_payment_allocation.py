from odoo import fields, models


class KoperasiLoanPaymentAllocation(models.Model):
    _name = "koperasi.loan.payment.allocation"
    _description = "Loan Repayment Allocation"
    _inherit = ["koperasi.workflow.mixin"]
    _workflow_fields = (
        "payment_id",
        "line_id",
        "principal",
        "interest",
        "penalty",
        "waived_interest",
    )

    payment_id = fields.Many2one(
        "koperasi.loan.payment", required=True, ondelete="cascade"
    )
    line_id = fields.Many2one("koperasi.loan.line", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="payment_id.company_id", store=True)
    currency_id = fields.Many2one(related="payment_id.currency_id")
    principal = fields.Monetary()
    interest = fields.Monetary()
    penalty = fields.Monetary(string="Denda")
    waived_interest = fields.Monetary()
