from odoo import api, models
from odoo.exceptions import AccessError


class KoperasiCompanyGuard(models.AbstractModel):
    """Wizards and reports that take a ``company_id`` from the user refuse a
    company the user may not access: one cooperative never reads another's
    books through them, whatever an RPC client sends."""

    _name = "koperasi.company.guard"
    _description = "Company Access Guard of Wizards and Reports"

    @api.constrains("company_id")
    def _check_company_access(self):
        if self.env.su:
            return
        allowed = self.env.user.company_ids
        for record in self:
            if record.company_id and record.company_id not in allowed:
                raise AccessError(
                    self.env._(
                        "You have no access to the company %(company)s.",
                        company=record.company_id.sudo().display_name,
                    )
                )
