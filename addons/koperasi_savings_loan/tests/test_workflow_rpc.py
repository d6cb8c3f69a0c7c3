"""A teller acting over RPC (plain ORM calls as the teller, not the form's
buttons) cannot skip the workflow: no state, approval, posted amount or
journal-entry link changes except through the action methods, and no context
key a client can send opens them."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KoperasiLoanCommon

# What a client could send in its context to try and open the door.
FORGED_CONTEXTS = (
    {"koperasi_workflow": True},
    {"koperasi_workflow": "1"},
    {"dinas_letter_pipeline": True},
)


@tagged("post_install", "-at_install")
class TestWorkflowOverRpc(KoperasiLoanCommon):
    def test_teller_cannot_create_a_posted_transaction(self):
        Transaction = self.env["koperasi.savings.transaction"].with_user(self.officer)
        for context in ({}, *FORGED_CONTEXTS):
            with self.assertRaises(AccessError):
                Transaction.with_context(**context).create(
                    {
                        "account_id": self.account.id,
                        "company_id": self.company.id,
                        "type": "deposit",
                        "amount": 5000000,
                        "state": "posted",
                    }
                )
        self.assertEqual(self.account.balance, 0)
        # A draft one counts for nothing and cannot be posted by a write.
        draft = Transaction.create(
            {"account_id": self.account.id, "type": "deposit", "amount": 5000000}
        )
        with self.assertRaises(AccessError):
            draft.write({"state": "posted"})
        self.assertEqual(self.account.balance, 0)

    def test_teller_cannot_approve_or_disburse_a_submitted_loan_by_write(self):
        loan = self._loan(amount=2000000, term=6)
        loan.action_submit()
        as_teller = loan.with_user(self.officer)
        for context in ({}, *FORGED_CONTEXTS):
            with self.assertRaises(AccessError):
                as_teller.with_context(**context).write({"state": "approved"})
            with self.assertRaises(AccessError):
                as_teller.with_context(**context).write(
                    {"approver_ids": [(4, self.manager.id)]}
                )
        self.assertEqual(loan.state, "submitted")
        with self.assertRaisesRegex(UserError, "approved"):
            as_teller.action_disburse(payment_journal=self.cash)
        self.assertFalse(loan.disbursement_move_id)
        with self.assertRaisesRegex(UserError, "board"):
            as_teller.action_approve()
        self.assertEqual(loan.state, "submitted")

    def test_approved_terms_are_frozen(self):
        loan = self._loan(amount=2000000, term=6)
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        self.assertEqual(loan.state, "approved")
        for user in (self.officer, self.manager):
            with self.assertRaises(AccessError):
                loan.with_user(user).write({"amount": 20000000})
            with self.assertRaises(AccessError):
                loan.with_user(user).write({"interest_rate": 0.0})
        self.assertEqual(loan.amount, 2000000)
        loan.with_user(self.officer).action_disburse(payment_journal=self.cash)
        self.assertEqual(loan.outstanding_principal, 2000000)

    def test_teller_cannot_settle_instalments_or_forge_repayments(self):
        loan = self._disbursed()
        first = loan.line_ids.sorted("sequence")[0]
        with self.assertRaises(AccessError):
            first.with_user(self.officer).write(
                {"principal_paid": first.principal, "interest_paid": first.interest}
            )
        with self.assertRaises(AccessError):
            self.env["koperasi.loan.payment"].with_user(self.officer).create(
                {"loan_id": loan.id, "amount": 12000000, "date": date(2026, 2, 15)}
            )
        with self.assertRaises(AccessError):
            loan.with_user(self.officer).write({"state": "closed"})
        self.assertFalse(first.paid)
        self.assertEqual(loan.outstanding_principal, 12000000)
        # The action is the way, for the teller.
        payment = loan.with_user(self.officer).register_payment(
            1120000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        self.assertEqual(payment.state, "posted")
        self.assertTrue(first.paid)

    def test_only_the_board_reverses_a_deposit(self):
        deposit = self._deposit(self.account, 1000000)
        with self.assertRaises(AccessError):
            deposit.with_user(self.officer).action_reverse()
        with self.assertRaises(AccessError):
            deposit.with_user(self.officer).write({"state": "reversed"})
        self.assertEqual(deposit.state, "posted")
        self.assertEqual(self.account.balance, 1000000)
        deposit.with_user(self.manager).action_reverse()
        self.assertEqual(deposit.state, "reversed")
        self.assertEqual(self.account.balance, 0)

    def test_posted_transaction_terms_are_frozen(self):
        deposit = self._deposit(self.account, 1000000)
        with self.assertRaises(UserError):
            deposit.with_user(self.officer).write({"amount": 9000000})
        self.assertEqual(self.account.balance, 1000000)

    def test_withdrawal_request_is_decided_only_by_the_board(self):
        self._deposit(self.account, 1000000)
        request = (
            self.env["koperasi.savings.withdrawal.request"]
            .sudo()
            .create(
                {
                    "account_id": self.account.id,
                    "amount": 200000,
                    "destination": "BRI 123",
                }
            )
        )
        with self.assertRaises(AccessError):
            request.with_user(self.officer).write({"state": "approved"})
        with self.assertRaises(UserError):
            request.with_user(self.officer).action_approve()
        self.assertEqual(request.state, "requested")
        self.assertEqual(self.account.balance, 1000000)
