from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        self.line_ids.sale_line_ids._koperasi_credit_producers()
        return res

    def _post(self, soft=True):
        """A credit note that refunds shop sales takes the producers' share
        of them back."""
        posted = super()._post(soft=soft)
        posted.filtered(
            lambda move: move.move_type == "out_refund"
        ).line_ids.sale_line_ids._koperasi_credit_producers()
        return posted
