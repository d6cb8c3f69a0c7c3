from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestSavingsAccessRights(KoperasiSavingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.deposit(500000, payment_journal=cls.accounts["cash_journal"])
        cls.other_account.deposit(600000, payment_journal=cls.accounts["cash_journal"])

    def test_supervisor_reads_but_cannot_post(self):
        account = self.account.with_user(self.supervisor)
        self.assertEqual(account.balance, 500000)
        with self.assertRaises(AccessError):
            account.deposit(10000, payment_journal=self.accounts["cash_journal"])
        with self.assertRaises(AccessError):
            account.withdraw(10000, payment_journal=self.accounts["cash_journal"])
        with self.assertRaises(AccessError):
            self.sukarela.with_user(self.supervisor).write({"interest_rate": 9})
        with self.assertRaises(AccessError):
            self.env["koperasi.savings.account"].with_user(self.supervisor).create(
                {"member_id": self.member.id, "product_id": self.berjangka.id}
            )
        self.assertEqual(self.account.balance, 500000)

    def test_officer_posts_but_cannot_configure_or_reverse(self):
        account = self.account.with_user(self.officer)
        trx = account.deposit(10000, payment_journal=self.accounts["cash_journal"])
        self.assertEqual(self.account.balance, 510000)
        with self.assertRaises(AccessError):
            self.sukarela.with_user(self.officer).write({"interest_rate": 9})
        with self.assertRaises(AccessError):
            self.env["koperasi.savings.product"].with_user(self.officer).create(
                {"name": "X"}
            )
        with self.assertRaises(AccessError):
            account.unlink()
        with self.assertRaises(UserError):
            trx.with_user(self.officer).unlink()

    def test_manager_configures(self):
        self.sukarela.with_user(self.manager).write({"interest_rate": 4.5})
        self.assertEqual(self.sukarela.interest_rate, 4.5)

    def test_portal_member_sees_only_own(self):
        Account = self.env["koperasi.savings.account"].with_user(self.portal_user)
        self.assertEqual(Account.search([]), self.account)
        Transaction = self.env["koperasi.savings.transaction"].with_user(
            self.portal_user
        )
        self.assertEqual(Transaction.search([]).account_id, self.account)
        with self.assertRaises(AccessError):
            self.other_account.with_user(self.portal_user).read(["balance"])
        with self.assertRaises(AccessError):
            self.account.with_user(self.portal_user).write({"state": "closed"})
        with self.assertRaises(AccessError):
            self.account.with_user(self.portal_user).deposit(1000)
        with self.assertRaises(AccessError):
            self.env["koperasi.savings.withdrawal.request"].with_user(
                self.portal_user
            ).create(
                {"account_id": self.account.id, "amount": 1000, "destination": "x"}
            )

    def test_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Koperasi Lain"})
        self.officer.write({"company_ids": [(4, other_company.id)]})
        Account = self.env["koperasi.savings.account"].with_user(self.officer)
        self.assertTrue(Account.search([]))
        self.assertFalse(
            Account.with_company(other_company)
            .with_context(allowed_company_ids=other_company.ids)
            .search([("id", "=", self.account.id)])
        )
