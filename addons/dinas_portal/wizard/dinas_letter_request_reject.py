from odoo import fields, models


class DinasLetterRequestReject(models.TransientModel):
    _name = "dinas.letter.request.reject"
    _description = "Reject Letter Request"

    reason = fields.Text(required=True)

    def action_confirm(self):
        letters = self.env["dinas.letter.request"].browse(
            self.env.context.get("active_ids", [])
        )
        letters._do_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
