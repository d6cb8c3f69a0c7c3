from odoo import fields, models


class SaleOrderProofReject(models.TransientModel):
    _name = "sale.order.proof.reject"
    _description = "Reject a Proof of Payment"

    order_ids = fields.Many2many("sale.order", string="Orders", required=True)
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        self.order_ids._koperasi_reject_proof(self.reason)
        return {"type": "ir.actions.act_window_close"}
