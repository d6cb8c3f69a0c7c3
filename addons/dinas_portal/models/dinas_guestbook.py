from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools.inputs import clean_text


class DinasGuestbook(models.Model):
    _name = "dinas.guestbook"
    _description = "Guestbook Entry"
    _inherit = ["dinas.public.form.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Visitor", required=True)
    email = fields.Char()
    message = fields.Text(required=True)
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.model
    def _create_from_website(self, values, ip_address=None):
        name = clean_text(self.env, values.get("name"), max_length=120)
        message = clean_text(
            self.env, values.get("message"), max_length=2000, multiline=True
        )
        email = clean_text(self.env, values.get("email"), max_length=120)
        if not name or not message:
            raise ValidationError(self.env._("Please write your name and a message."))
        if len(name) > 120 or len(message) > 2000:
            raise ValidationError(self.env._("The text is too long."))
        self._check_rate_limit(ip_address)
        return self.sudo().create(
            {
                "name": name,
                "email": email,
                "message": message,
                "ip_address": ip_address,
                "company_id": self.env.company.id,
            }
        )

    def action_approve(self):
        self.write({"state": "approved"})

    def action_reject(self):
        self.write({"state": "rejected"})
