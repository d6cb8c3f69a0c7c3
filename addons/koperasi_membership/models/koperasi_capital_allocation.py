from odoo import fields, models


class KoperasiCapitalAllocation(models.Model):
    _name = "koperasi.capital.allocation"
    _description = "Capital Payment Allocation"
    _order = "id"
    _inherit = ["koperasi.workflow.mixin"]
    _check_company_auto = True
    _workflow_fields = ("payment_id", "due_id", "amount")

    payment_id = fields.Many2one(
        "koperasi.capital.payment",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    due_id = fields.Many2one(
        "koperasi.capital.due",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="payment_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True)
