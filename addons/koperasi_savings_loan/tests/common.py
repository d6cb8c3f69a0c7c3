from datetime import date

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user


class KoperasiSavingsCommon(BaseCommon):
    """The cast of the savings and loan tests, built once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
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


class KoperasiLoanCommon(KoperasiSavingsCommon):
    """Savings cast plus a loan product and its accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.loan_accounts = {
            "receivable": Account.create(
                {
                    "code": "KSL131",
                    "name": "Piutang Pinjaman",
                    "account_type": "asset_current",
                }
            ),
            "interest": Account.create(
                {"code": "KSL411", "name": "Pendapatan Bunga", "account_type": "income"}
            ),
            "penalty": Account.create(
                {
                    "code": "KSL412",
                    "name": "Pendapatan Denda",
                    "account_type": "income_other",
                }
            ),
            "provision": Account.create(
                {"code": "KSL611", "name": "Beban PPAP", "account_type": "expense"}
            ),
            "allowance": Account.create(
                {
                    "code": "KSL139",
                    "name": "Cadangan PPAP",
                    "account_type": "asset_current",
                }
            ),
        }
        cls.product = cls._create_loan_product(
            cls.env,
            name="Pinjaman Efektif",
            interest_method="efektif",
            interest_rate=12.0,
            term_min=3,
            term_max=24,
            max_amount=50000000,
        )
        cls.cash = cls.accounts["cash_journal"]

    @classmethod
    def _create_loan_product(cls, env, **vals):
        return env["koperasi.loan.product"].create(
            {
                "journal_id": cls.accounts["journal"].id,
                "account_receivable_id": cls.loan_accounts["receivable"].id,
                "account_interest_id": cls.loan_accounts["interest"].id,
                "account_penalty_id": cls.loan_accounts["penalty"].id,
                "account_fee_id": cls.accounts["fee"].id,
                "account_provision_expense_id": cls.loan_accounts["provision"].id,
                "account_allowance_id": cls.loan_accounts["allowance"].id,
                **vals,
            }
        )

    def _loan(self, amount=12000000, term=12, product=None, **vals):
        return (
            self.env["koperasi.loan"]
            .with_user(self.officer)
            .create(
                {
                    "member_id": self.member.id,
                    "product_id": (product or self.product).id,
                    "amount": amount,
                    "term_months": term,
                    **vals,
                }
            )
        )

    def _disbursed(self, amount=12000000, term=12, product=None, day=date(2026, 1, 15)):
        loan = self._loan(amount, term, product)
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        loan.with_user(self.officer).action_disburse(
            payment_journal=self.cash, date=day
        )
        return loan
