from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_chart import KoperasiChartCommon

SAVINGS_FIELDS = (
    "account_liability_id",
    "account_interest_id",
    "account_tax_id",
    "account_fee_id",
)
LOAN_FIELDS = (
    "account_receivable_id",
    "account_interest_id",
    "account_penalty_id",
    "account_fee_id",
    "account_provision_expense_id",
    "account_allowance_id",
)


@tagged("post_install", "-at_install")
class TestSavingsLoanChart(KoperasiChartCommon):
    def _assert_chart_account(self, account, label):
        self.assertTrue(account, f"{label} is not set")
        module, name = account.get_external_id()[account.id].split(".")
        self.assertEqual(module, "account", label)
        self.assertTrue(name.startswith(f"{self.company.id}_"), label)
        code = account.with_company(self.company).code
        self.assertEqual(len(code), 8 if self.chart == "id" else 6, label)

    def _products(self):
        env = self.env(
            context=dict(self.env.context, allowed_company_ids=self.company.ids)
        )
        savings = env["koperasi.savings.product"].create(
            [
                {"name": "Sukarela", "kind": "sukarela"},
                {"name": "Berjangka", "kind": "berjangka", "term_months": 12},
            ]
        )
        loan = env["koperasi.loan.product"].create(
            {"name": "Pinjaman", "interest_rate": 12.0}
        )
        return savings, loan

    def test_products_come_configured(self):
        company = self.company
        for fname in self.ChartTemplate._get_koperasi_company_settings():
            if company[fname]._name == "account.account":
                self._assert_chart_account(company[fname], fname)
        savings, loan = self._products()
        for product in savings:
            for fname in SAVINGS_FIELDS:
                self._assert_chart_account(product[fname], f"{product.name} {fname}")
        for fname in LOAN_FIELDS:
            self._assert_chart_account(loan[fname], f"loan {fname}")
        sukarela, berjangka = savings
        self.assertEqual(
            sukarela.account_liability_id, company.koperasi_sukarela_account_id
        )
        self.assertEqual(
            berjangka.account_liability_id, company.koperasi_berjangka_account_id
        )
        self.assertNotEqual(
            sukarela.account_liability_id, berjangka.account_liability_id
        )
        self.assertEqual(
            berjangka.account_liability_id.account_type, "liability_current"
        )
        self.assertEqual(loan.account_receivable_id.account_type, "asset_current")
        self.assertEqual(loan.account_allowance_id.account_type, "asset_current")
        self.assertEqual(loan.account_interest_id.account_type, "income")
        self.assertEqual(loan.account_provision_expense_id.account_type, "expense")
        if self.chart == "id":
            # Hutang Pajak Pasal 4 (2) of the Indonesian chart: the final tax.
            tax = sukarela.account_tax_id
            self.assertEqual(
                tax.get_external_id()[tax.id],
                f"account.{company.id}_l10n_id_21210040",
            )

    def test_configure_fills_products_once(self):
        company = self.company
        accounts = self._company_accounts()
        settings = {
            fname: company[fname]
            for fname in self.ChartTemplate._get_koperasi_company_settings()
        }
        # Products made while the company had no savings and loan settings.
        company.write(
            {
                "koperasi_sukarela_account_id": False,
                "koperasi_loan_receivable_account_id": False,
            }
        )
        savings, loan = self._products()
        self.assertFalse(savings[0].account_liability_id)
        self.assertFalse(loan.account_receivable_id)
        self.ChartTemplate._koperasi_configure(company)
        self.ChartTemplate._koperasi_configure(company)
        self.assertEqual({fname: company[fname] for fname in settings}, settings)
        self.assertEqual(
            savings[0].account_liability_id, settings["koperasi_sukarela_account_id"]
        )
        self.assertEqual(
            loan.account_receivable_id,
            settings["koperasi_loan_receivable_account_id"],
        )
        self.assertEqual(self._company_accounts(), accounts)

    def test_account_names_translate_with_this_addon(self):
        """The chart translates the savings and loan accounts' names with this
        addon's translations (the Indonesian board reads Piutang Pinjaman
        Anggota, not Member Loans Receivable)."""
        ChartTemplate = self.ChartTemplate.with_company(self.company)
        data = ChartTemplate._get_chart_template_data(self.chart)["account.account"]
        receivable = data["koperasi_piutang_pinjaman"]
        self.assertEqual(
            receivable["__translation_module__"]["name"], "koperasi_savings_loan"
        )
        self.assertEqual(
            ChartTemplate._get_field_translation(receivable, "name", "id_ID"),
            "Piutang Pinjaman Anggota",
        )
        pokok = data["koperasi_simpanan_pokok"]
        self.assertEqual(pokok["__translation_module__"]["name"], "koperasi_membership")
