from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_chart import KoperasiChartCommon

#: Codes of the first koperasi accounts, by chart: the Indonesian chart's
#: numbering has 8 digits, Odoo's generic one 6.
EXPECTED = {
    "id": {
        "digits": 8,
        "koperasi_pokok_account_id": "31110001",
        "koperasi_wajib_account_id": "31110002",
        "koperasi_shu_reserve_account_id": "31210010",
    },
    "generic_coa": {
        "digits": 6,
        "koperasi_pokok_account_id": "311101",
        "koperasi_wajib_account_id": "311102",
        "koperasi_shu_reserve_account_id": "312101",
    },
}


@tagged("post_install", "-at_install")
class TestKoperasiChart(KoperasiChartCommon):
    def test_settings_come_from_the_chart(self):
        expected = EXPECTED[self.chart]
        settings = self.ChartTemplate._get_koperasi_company_settings()
        self.assertIn("koperasi_pokok_account_id", settings)
        for fname in settings:
            value = self.company[fname]
            self.assertTrue(value, f"{fname} is not set")
            module, name = self._xmlid(value).split(".")
            self.assertEqual(module, "account", fname)
            self.assertTrue(name.startswith(f"{self.company.id}_"), fname)
            if value._name == "account.account":
                code = value.with_company(self.company).code
                self.assertEqual(len(code), expected["digits"], fname)
                self.assertTrue(code.isdigit(), fname)
        for fname, code in expected.items():
            if fname != "digits":
                self.assertEqual(
                    self.company[fname].with_company(self.company).code, code
                )
        self.assertEqual(self.company.koperasi_journal_id.type, "cash")
        self.assertEqual(self.company.koperasi_pokok_account_id.account_type, "equity")
        self.assertEqual(self.company.koperasi_wajib_account_id.account_type, "equity")
        self.assertEqual(
            self.company.koperasi_shu_members_account_id.account_type,
            "liability_current",
        )
        if self.chart == "id":
            # The Indonesian chart's own Cadangan Modal is the reserve.
            self.assertEqual(
                self._xmlid(self.company.koperasi_shu_reserve_account_id),
                f"account.{self.company.id}_l10n_id_31210010",
            )

    def test_configure_again_creates_nothing(self):
        accounts = self._company_accounts()
        pokok = self.company.koperasi_pokok_account_id
        self.ChartTemplate._koperasi_configure(self.company)
        self.ChartTemplate._koperasi_configure()
        self.assertEqual(self._company_accounts(), accounts)
        # An emptied setting gets the account made at install back.
        self.company.koperasi_pokok_account_id = False
        self.ChartTemplate._koperasi_configure(self.company)
        self.assertEqual(self.company.koperasi_pokok_account_id, pokok)
        self.assertEqual(self._company_accounts(), accounts)

    def test_posting_without_setting_raises(self):
        env = self.env(
            context=dict(self.env.context, allowed_company_ids=self.company.ids)
        )
        partner = env["res.partner"].create({"name": "Anggota Bagan"})
        member = env["koperasi.member"].create(
            {
                "partner_id": partner.id,
                "nik": "3513104101800901",
                "company_id": self.company.id,
                "state": "active",
                "join_date": "2024-01-01",
            }
        )
        self.company.koperasi_pokok_account_id = False
        accounts = self._company_accounts()
        payment = env["koperasi.capital.payment"].create(
            {
                "member_id": member.id,
                "kind": "pokok",
                "amount": 100000,
                "journal_id": self.company.koperasi_journal_id.id,
                "date": "2024-01-02",
            }
        )
        with self.assertRaisesRegex(UserError, "Simpanan Pokok Account"):
            payment.action_post()
        self.assertEqual(self._company_accounts(), accounts)
        self.assertFalse(payment.move_id)
