"""Two cooperatives in one database: each has its own numbers, and its
loans are aged and provisioned with its own thresholds and rates, by the
same scheduled actions."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestSecondCooperative(KoperasiLoanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create(
            {"name": "Koperasi Nelayan Uji", "currency_id": cls.company.currency_id.id}
        )
        (cls.manager | cls.officer | cls.supervisor).write(
            {"company_ids": [(4, cls.company_b.id)]}
        )
        env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company_b.id])
        )
        cls.env_b = env_b
        cls.accounts_b = cls._create_accounting(env_b, "KSB")
        Account = env_b["account.account"]
        receivable = Account.create(
            {"code": "KSB131", "name": "Piutang B", "account_type": "asset_current"}
        )
        interest = Account.create(
            {"code": "KSB411", "name": "Jasa B", "account_type": "income"}
        )
        cls.product_b = env_b["koperasi.loan.product"].create(
            {
                "name": "Pinjaman Nelayan",
                "company_id": cls.company_b.id,
                "journal_id": cls.accounts_b["journal"].id,
                "account_receivable_id": receivable.id,
                "account_interest_id": interest.id,
                "account_fee_id": cls.accounts_b["fee"].id,
                "interest_method": "flat",
                "interest_rate": 12.0,
                "term_min": 1,
                "term_max": 24,
                "max_amount": 50000000,
            }
        )
        cls.savings_b = cls._create_product(
            env_b, cls.accounts_b, name="Sukarela Nelayan", kind="sukarela"
        )
        cls.member_b = env_b["koperasi.member"].create(
            {
                "partner_id": env_b["res.partner"].create({"name": "Pak Nelayan"}).id,
                "nik": "3513010101900777",
                "state": "active",
                "company_id": cls.company_b.id,
            }
        )
        # Cooperative B counts a loan doubtful (diragukan) after 10 days.
        cls.company_b.write(
            {
                "koperasi_loan_col_days_1": 5,
                "koperasi_loan_col_days_2": 10,
                "koperasi_loan_col_days_3": 20,
            }
        )
        cls.company.write(
            {
                "koperasi_loan_col_days_1": 90,
                "koperasi_loan_col_days_2": 120,
                "koperasi_loan_col_days_3": 180,
            }
        )

    def _loan_b(self):
        Loan = self.env_b["koperasi.loan"].with_user(self.officer)
        loan = Loan.create(
            {
                "member_id": self.member_b.id,
                "company_id": self.company_b.id,
                "product_id": self.product_b.id,
                "amount": 1200000,
                "term_months": 12,
            }
        )
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        loan.with_user(self.officer).action_disburse(
            payment_journal=self.accounts_b["cash_journal"], date=date(2026, 1, 15)
        )
        return loan

    def test_numbers_run_per_cooperative(self):
        loan_b = self._loan_b()
        loan_a = self._disbursed()
        self.assertTrue(loan_b.name.endswith("00001"), loan_b.name)
        self.assertNotEqual(loan_a.name, loan_b.name)
        account_b = self.env_b["koperasi.savings.account"].create(
            {"member_id": self.member_b.id, "product_id": self.savings_b.id}
        )
        self.assertTrue(account_b.name.endswith("00001"), account_b.name)
        deposit = account_b.with_user(self.officer).deposit(
            50000, payment_journal=self.accounts_b["cash_journal"]
        )
        self.assertTrue(deposit.name.endswith("00001"), deposit.name)
        self.assertEqual(deposit.move_id.company_id, self.company_b)

    def test_overdue_run_uses_each_cooperatives_thresholds(self):
        loan_b = self._loan_b()
        loan_a = self._disbursed()  # due 15 Feb too
        with freeze_time("2026-02-28 03:00:00"):
            # 13 days late everywhere; B's 10 days make it doubtful.
            self.env["koperasi.loan"]._cron_daily_overdue()
        self.assertEqual(loan_a.days_past_due, 13)
        self.assertEqual(loan_b.days_past_due, 13)
        self.assertEqual(loan_a.collectibility, "lancar")
        self.assertEqual(loan_b.collectibility, "diragukan")
        self.company_b.koperasi_ppap_diragukan = 50.0
        self.company.koperasi_ppap_lancar = 1.0
        self.env["koperasi.loan"].browse((loan_a | loan_b).ids)._compute_ppap()
        self.assertEqual(loan_b.ppap_amount, 600000)
        self.assertEqual(loan_a.ppap_amount, 120000)

    def _members(self, company, count, nik_start):
        return self.env["koperasi.member"].create(
            [
                {
                    "partner_id": self.env["res.partner"]
                    .create({"name": f"Anggota {nik_start + i}"})
                    .id,
                    "nik": f"35130101019{nik_start + i:05d}",
                    "state": "active",
                    "company_id": company.id,
                }
                for i in range(count)
            ]
        )

    def test_a_batch_is_numbered_per_cooperative_in_order(self):
        """One create of accounts of both cooperatives (as a month-end batch
        numbers thousands at once): each cooperative's numbers follow its own
        counter, in order, none twice."""
        Account = self.env["koperasi.savings.account"].with_context(
            allowed_company_ids=[self.company.id, self.company_b.id]
        )
        ours, theirs = (
            self._members(self.company, 3, 100),
            self._members(self.company_b, 3, 200),
        )
        before_a = Account.create(
            {"member_id": ours[0].id, "product_id": self.sukarela.id}
        )
        accounts = Account.create(
            [
                {
                    "member_id": member.id,
                    "product_id": product.id,
                    "company_id": member.company_id.id,
                }
                for member, product in [
                    (theirs[0], self.savings_b),
                    (ours[1], self.sukarela),
                    (theirs[1], self.savings_b),
                    (ours[2], self.sukarela),
                    (theirs[2], self.savings_b),
                ]
            ]
        )
        in_a = accounts.filtered(lambda a: a.company_id == self.company)
        in_b = accounts - in_a
        self.assertEqual(in_b.mapped("name"), [f"SIM/{n:06d}" for n in (1, 2, 3)])
        number = int(before_a.name.rsplit("/", 1)[1])
        self.assertEqual(
            in_a.mapped("name"), [f"SIM/{n:06d}" for n in (number + 1, number + 2)]
        )
