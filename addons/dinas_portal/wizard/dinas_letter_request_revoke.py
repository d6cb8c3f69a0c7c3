from odoo import fields, models


class DinasLetterRequestRevoke(models.TransientModel):
    _name = "dinas.letter.request.revoke"
    _description = "Revoke Letter"

    reason = fields.Text(required=True)

    def action_confirm(self):
        letters = self.env["dinas.letter.request"].browse(
            self.env.context.get("active_ids", [])
        )
        letters._do_revoke(self.reason)
        return {"type": "ir.actions.act_window_close"}
