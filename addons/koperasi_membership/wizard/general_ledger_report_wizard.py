from odoo import api, fields, models
from odoo.tools import date_utils

from odoo.addons.koperasi_base.tools.business_date import business_today


class GeneralLedgerReportWizard(models.TransientModel):
    """The cash book (buku kas): OCA's general ledger of the company's cash
    and bank accounts, opened with the context key ``koperasi_cash_book``."""

    _inherit = "general.ledger.report.wizard"

    @api.model
    def _koperasi_cash_accounts(self, company):
        return self.env["account.account"].search(
            [
                ("account_type", "=", "asset_cash"),
                ("company_ids", "in", company.ids),
            ]
        )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if not self.env.context.get("koperasi_cash_book"):
            return values
        company = (
            self.env["res.company"].browse(values.get("company_id")) or self.env.company
        )
        today = business_today(self, company)
        values.update(
            {
                "account_ids": [
                    fields.Command.set(self._koperasi_cash_accounts(company).ids)
                ],
                "date_from": date_utils.start_of(today, "month"),
                "date_to": today,
                "grouped_by": "none",
                "centralize": False,
            }
        )
        return values

    @api.onchange("company_id")
    def onchange_company_id(self):
        result = super().onchange_company_id()
        if self.env.context.get("koperasi_cash_book") and self.company_id:
            self.account_ids = self._koperasi_cash_accounts(self.company_id)
        return result
