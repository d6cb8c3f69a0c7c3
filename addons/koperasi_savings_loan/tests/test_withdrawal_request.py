from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestWithdrawalRequest(KoperasiSavingsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.deposit(1000000, payment_journal=cls.accounts["cash_journal"])
        cls.Request = cls.env["koperasi.savings.withdrawal.request"]

    def _portal_request(self, amount, destination="BRI 1234567890", account=None):
        account = (account or self.account).with_user(self.portal_user)
        return self.Request.with_user(self.portal_user)._create_from_portal(
            account, amount, destination
        )

    def _notified(self, request):
        return request.message_ids.filtered(
            lambda m: self.member.partner_id in m.notified_partner_ids
        )

    def test_member_requests_board_approves(self):
        request = self._portal_request("300000")
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.amount, 300000)
        self.assertTrue(request.name.startswith("PNR/"))
        self.assertEqual(len(self._notified(request)), 1)
        # Nothing moves before the board decides.
        self.assertEqual(self.account.balance, 1000000)
        with self.assertRaisesRegex(UserError, "board"):
            request.with_user(self.officer).action_approve()
        request.payment_journal_id = self.accounts["cash_journal"]
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.transaction_id.amount, 300000)
        self.assertEqual(request.transaction_id.move_id.state, "posted")
        self.assertEqual(self.account.balance, 700000)
        self.assertEqual(len(self._notified(request)), 2)
        emails = self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", self.member.partner_id.id),
                ("notification_type", "=", "email"),
                ("mail_message_id", "in", request.message_ids.ids),
            ]
        )
        self.assertEqual(len(emails), 2)
        with self.assertRaisesRegex(UserError, "already decided"):
            request.with_user(self.manager).action_reject()

    def test_board_rejects(self):
        request = self._portal_request(100000)
        request.reject_reason = "Dana sedang diaudit"
        request.with_user(self.manager).action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(self.account.balance, 1000000)
        self.assertIn("Dana sedang diaudit", self._notified(request)[:1].body)

    def test_bad_requests_create_nothing(self):
        before = self.Request.search_count([])
        for amount in ("0", "-100", "abc", None):
            with self.assertRaises(UserError):
                self._portal_request(amount)
        with self.assertRaisesRegex(UserError, "at most"):
            self._portal_request(950001)  # min balance 50,000
        with self.assertRaises(UserError):
            self._portal_request(1000, destination="   ")
        with self.assertRaises(AccessError):
            self._portal_request(1000, account=self.other_account)
        self.assertEqual(self.Request.search_count([]), before)

    def test_nobody_approves_own_request(self):
        manager_member = self.env["koperasi.member"].create(
            {
                "partner_id": self.manager.partner_id.id,
                "nik": "3513010101900003",
                "state": "active",
            }
        )
        account = self.env["koperasi.savings.account"].create(
            {"member_id": manager_member.id, "product_id": self.sukarela.id}
        )
        account.deposit(500000, payment_journal=self.accounts["cash_journal"])
        request = self.Request.create(
            {"account_id": account.id, "amount": 100000, "destination": "Tunai"}
        )
        with self.assertRaisesRegex(UserError, "own"):
            request.with_user(self.manager).action_approve()
        self.assertEqual(account.balance, 500000)
