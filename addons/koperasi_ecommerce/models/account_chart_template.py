from odoo import models


class AccountChartTemplate(models.AbstractModel):
    """The shop's producer accounts, set up with the chart like the
    membership's (see koperasi_membership)."""

    _inherit = "account.chart.template"

    def _get_koperasi_accounts(self, template_code):
        _ = self.env._
        return {
            **super()._get_koperasi_accounts(template_code),
            "koperasi_utang_produsen": {
                "name": _("Producer Payables (Shop)"),
                "account_type": "liability_payable",
                "reconcile": True,
                "prefix": "2111",
                "module": "koperasi_ecommerce",
            },
            "koperasi_beban_produsen": {
                "name": _("Producer Costs (Shop)"),
                "account_type": "expense_direct_cost",
                "prefix": "5110",
                "module": "koperasi_ecommerce",
            },
        }

    def _get_koperasi_chart_accounts(self, template_code):
        accounts = super()._get_koperasi_chart_accounts(template_code)
        # The producers' share of a sale is the shop's cost of goods sold.
        cost_of_goods = {
            "id": "l10n_id_51000010",
            "generic_coa": "cost_of_goods_sold",
        }.get(template_code)
        if cost_of_goods:
            accounts["koperasi_beban_produsen"] = cost_of_goods
        return accounts

    def _get_koperasi_company_settings(self):
        return {
            **super()._get_koperasi_company_settings(),
            "koperasi_producer_journal_id": "general",
            "koperasi_producer_expense_account_id": "koperasi_beban_produsen",
            "koperasi_producer_payable_account_id": "koperasi_utang_produsen",
            "koperasi_payout_journal_id": "bank",
        }
