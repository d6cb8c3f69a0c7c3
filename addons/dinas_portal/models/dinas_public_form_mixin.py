from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

RATE_LIMIT = 5
RATE_WINDOW = timedelta(hours=1)


class DinasPublicFormMixin(models.AbstractModel):
    _name = "dinas.public.form.mixin"
    _description = "Public Form Abuse Protection"

    ip_address = fields.Char(
        string="IP Address", readonly=True, copy=False, groups="base.group_user"
    )

    @api.model
    def _check_rate_limit(self, ip_address):
        """Refuse more than RATE_LIMIT submissions per hour from one address."""
        if not ip_address:
            return
        since = fields.Datetime.now() - RATE_WINDOW
        count = (
            self.sudo()
            .with_context(active_test=False)
            .search_count(
                [("ip_address", "=", ip_address), ("create_date", ">=", since)]
            )
        )
        if count >= RATE_LIMIT:
            raise ValidationError(
                self.env._(
                    "Too many submissions from your address. Please try again later."
                )
            )
