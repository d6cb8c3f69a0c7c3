from odoo import api, fields, models

RATE_LIMIT = 5


class DinasPublicFormMixin(models.AbstractModel):
    _name = "dinas.public.form.mixin"
    _description = "Public Form Abuse Protection"

    ip_address = fields.Char(
        string="IP Address", readonly=True, copy=False, groups="base.group_user"
    )

    @api.model
    def _check_rate_limit(self, ip_address):
        """Refuse more than RATE_LIMIT submissions per hour from one address
        (koperasi_base's form throttle, shared by every public form)."""
        self.env["koperasi.form.throttle"]._hit(self._name, ip_address, RATE_LIMIT)
