from odoo import models


class AccountChartTemplate(models.AbstractModel):
    """The savings and loan accounts, set up with the chart like the
    membership's (see koperasi_membership)."""

    _inherit = "account.chart.template"

    def _get_koperasi_accounts(self, template_code):
        _ = self.env._
        return {
            **super()._get_koperasi_accounts(template_code),
            "koperasi_simpanan_sukarela": {
                "name": _("Simpanan Sukarela"),
                "account_type": "liability_current",
                "prefix": "2141",
                "module": "koperasi_savings_loan",
            },
            "koperasi_simpanan_berjangka": {
                "name": _("Simpanan Berjangka"),
                "account_type": "liability_current",
                "prefix": "2142",
                "module": "koperasi_savings_loan",
            },
            "koperasi_utang_pph_final": {
                "name": _("Final Income Tax Payable on Savings Interest"),
                "account_type": "liability_current",
                "prefix": "2122",
                "module": "koperasi_savings_loan",
            },
            "koperasi_piutang_pinjaman": {
                "name": _("Member Loans Receivable"),
                "account_type": "asset_current",
                "prefix": "1122",
                "module": "koperasi_savings_loan",
            },
            "koperasi_ppap": {
                "name": _("Loan Loss Allowance (PPAP)"),
                "account_type": "asset_current",
                "prefix": "1129",
                "module": "koperasi_savings_loan",
            },
            "koperasi_pendapatan_jasa_pinjaman": {
                "name": _("Loan Interest Income (Jasa Pinjaman)"),
                "account_type": "income",
                "prefix": "4110",
                "module": "koperasi_savings_loan",
            },
            "koperasi_pendapatan_administrasi": {
                "name": _("Savings and Loan Administration Fees"),
                "account_type": "income_other",
                "prefix": "8112",
                "module": "koperasi_savings_loan",
            },
            "koperasi_pendapatan_denda": {
                "name": _("Loan Penalty Income (Denda)"),
                "account_type": "income_other",
                "prefix": "8113",
                "module": "koperasi_savings_loan",
            },
            "koperasi_beban_bunga_simpanan": {
                "name": _("Savings Interest Expense"),
                "account_type": "expense",
                "prefix": "5120",
                "module": "koperasi_savings_loan",
            },
            "koperasi_beban_ppap": {
                "name": _("Loan Loss Provision Expense (PPAP)"),
                "account_type": "expense",
                "prefix": "6810",
                "module": "koperasi_savings_loan",
            },
        }

    def _get_koperasi_chart_accounts(self, template_code):
        accounts = super()._get_koperasi_chart_accounts(template_code)
        if template_code == "id":
            # Hutang Pajak Pasal 4 (2): the final tax on savings interest.
            accounts["koperasi_utang_pph_final"] = "l10n_id_21210040"
        return accounts

    def _get_koperasi_company_settings(self):
        return {
            **super()._get_koperasi_company_settings(),
            "koperasi_sukarela_account_id": "koperasi_simpanan_sukarela",
            "koperasi_berjangka_account_id": "koperasi_simpanan_berjangka",
            "koperasi_savings_interest_account_id": "koperasi_beban_bunga_simpanan",
            "koperasi_savings_tax_account_id": "koperasi_utang_pph_final",
            "koperasi_admin_fee_account_id": "koperasi_pendapatan_administrasi",
            "koperasi_loan_receivable_account_id": "koperasi_piutang_pinjaman",
            "koperasi_loan_interest_account_id": "koperasi_pendapatan_jasa_pinjaman",
            "koperasi_loan_penalty_account_id": "koperasi_pendapatan_denda",
            "koperasi_ppap_expense_account_id": "koperasi_beban_ppap",
            "koperasi_ppap_account_id": "koperasi_ppap",
        }

    def _koperasi_configure_records(self, company):
        super()._koperasi_configure_records(company)
        for model in ("koperasi.savings.product", "koperasi.loan.product"):
            self.env[model].with_context(active_test=False).search(
                [("company_id", "=", company.id)]
            )._fill_company_accounts()
