from datetime import date

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class KoperasiSavingsCommon(BaseCommon):
    """The cast of the savings and loan tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.currency = cls.company.currency_id
        cls.manager = mail_new_test_user(
            cls.env,
            login="ksl_manager",
            name="Ketua Pengurus",
            email="ketua@example.com",
            groups="koperasi_savings_loan.group_koperasi_savings_loan_manager",
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="ksl_officer",
            name="Teller Simpan Pinjam",
            email="teller@example.com",
            groups="koperasi_savings_loan.group_koperasi_savings_loan_officer",
        )
        cls.supervisor = mail_new_test_user(
            cls.env,
            login="ksl_supervisor",
            name="Pengawas Simpan Pinjam",
            email="pengawas@example.com",
            groups="koperasi_savings_loan.group_koperasi_savings_loan_user",
        )
        cls.accounts = cls._create_accounting(cls.env, "KSL")
        cls.sukarela = cls._create_product(
            cls.env,
            cls.accounts,
            name="Sukarela Uji",
            kind="sukarela",
            interest_rate=6.0,
            interest_basis="daily",
            min_opening=10000,
            min_balance=50000,
        )
        cls.berjangka = cls._create_product(
            cls.env,
            cls.accounts,
            name="Berjangka Uji",
            kind="berjangka",
            interest_rate=6.0,
            interest_basis="lowest",
            term_months=3,
            early_withdrawal_penalty=1.0,
            maturity_action="payout",
            min_opening=1000000,
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="ksl_portal_siti",
            name="Siti Penabung",
            email="siti.penabung@example.com",
            groups="base.group_portal",
        )
        cls.member = cls.env["koperasi.member"].create(
            {
                "partner_id": cls.portal_user.partner_id.id,
                "nik": "3513010101900001",
                "state": "active",
            }
        )
        cls.other_portal_user = mail_new_test_user(
            cls.env,
            login="ksl_portal_budi",
            name="Budi Penabung",
            email="budi.penabung@example.com",
            groups="base.group_portal",
        )
        cls.other_member = cls.env["koperasi.member"].create(
            {
                "partner_id": cls.other_portal_user.partner_id.id,
                "nik": "3513010101900002",
                "state": "active",
            }
        )
        cls.account = cls.env["koperasi.savings.account"].create(
            {
                "member_id": cls.member.id,
                "product_id": cls.sukarela.id,
                "open_date": date(2026, 1, 1),
            }
        )
        cls.other_account = cls.env["koperasi.savings.account"].create(
            {
                "member_id": cls.other_member.id,
                "product_id": cls.sukarela.id,
                "open_date": date(2026, 1, 1),
            }
        )

    @classmethod
    def _create_accounting(cls, env, prefix):
        Account = env["account.account"]

        def account(code, name, account_type):
            return Account.create(
                {"code": f"{prefix}{code}", "name": name, "account_type": account_type}
            )

        values = {
            "liability": account("201", "Simpanan Anggota", "liability_current"),
            "interest": account("601", "Beban Bunga Simpanan", "expense"),
            "tax": account("202", "Utang PPh Final", "liability_current"),
            "fee": account("401", "Pendapatan Administrasi", "income_other"),
            "cash": account("101", "Kas Teller", "asset_cash"),
        }
        values["journal"] = env["account.journal"].create(
            {"name": f"Simpanan {prefix}", "code": f"{prefix}S", "type": "general"}
        )
        values["cash_journal"] = env["account.journal"].create(
            {
                "name": f"Kas {prefix}",
                "code": f"{prefix}K",
                "type": "cash",
                "default_account_id": values["cash"].id,
            }
        )
        return values

    @classmethod
    def _create_product(cls, env, accounts, **vals):
        return env["koperasi.savings.product"].create(
            {
                "journal_id": accounts["journal"].id,
                "account_liability_id": accounts["liability"].id,
                "account_interest_id": accounts["interest"].id,
                "account_tax_id": accounts["tax"].id,
                "account_fee_id": accounts["fee"].id,
                **vals,
            }
        )

    def _deposit(self, account, amount, day=None):
        return account.deposit(
            amount,
            payment_journal=self.accounts["cash_journal"],
            date=day or date(2026, 1, 1),
        )
