from odoo.tests import TransactionCase

from odoo.addons.koperasi_base.tests.common import english_interface


class KoperasiChartCommon(TransactionCase):
    """A new company with the Indonesian chart when it is installed (the
    showcase database), else with Odoo's generic chart; loaded once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        l10n_id = cls.env["ir.module.module"]._get("l10n_id")
        cls.chart = "id" if l10n_id.state == "installed" else "generic_coa"
        cls.company = cls.env["res.company"].create(
            {
                "name": "Koperasi Bagan Akun",
                "country_id": cls.env.ref("base.id").id,
                "currency_id": cls.env.ref("base.IDR").id,
            }
        )
        cls.env.user.company_ids |= cls.company
        cls.ChartTemplate = cls.env["account.chart.template"]
        cls.ChartTemplate.try_loading(cls.chart, cls.company, install_demo=False)
        cls.Account = cls.env["account.account"].with_company(cls.company)

    def _xmlid(self, record):
        return record.get_external_id()[record.id]

    def _company_accounts(self):
        return self.Account.search(self.Account._check_company_domain(self.company))
