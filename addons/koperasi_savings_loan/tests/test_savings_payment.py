from datetime import date
from unittest.mock import patch

from odoo import api
from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_payment import StatementMatchMixin

from .common import KoperasiLoanCommon, KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestSavingsPayment(StatementMatchMixin, KoperasiSavingsCommon):
    """Deposits and withdrawals are Odoo payments a bank statement matches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank = cls.env["account.journal"].create(
            {"name": "Bank Simpanan", "code": "KSLB", "type": "bank"}
        )

    def test_bank_deposit_matches_statement_line(self):
        trx = self.account.deposit(
            150000, payment_journal=self.bank, date=date(2026, 1, 5)
        )
        payment = trx.payment_id
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(payment.payment_type, "inbound")
        self.assertEqual(payment.amount, 150000)
        self.assertEqual(payment.partner_id, self.member.partner_id)
        self.assertEqual(trx.move_id, payment.move_id)
        self.assertEqual(trx.move_id.state, "posted")
        self.assertEqual(trx.move_id.journal_id, self.bank)
        outstanding = payment.outstanding_account_id
        self.assertNotEqual(outstanding, self.bank.default_account_id)
        self.assertTrue(outstanding.reconcile)
        lines = trx.move_id.line_ids
        self.assertEqual(len(lines), 2)
        debit = lines.filtered("debit")
        credit = lines.filtered("credit")
        self.assertEqual(debit.account_id, outstanding)
        self.assertEqual(debit.debit, 150000)
        self.assertEqual(credit.account_id, self.accounts["liability"])
        self.assertEqual(credit.credit, 150000)
        self.assertEqual(credit.partner_id, self.member.partner_id)
        self.assertEqual(self.account.balance, 150000)
        self.assertFalse(payment.is_matched)

        statement_line = self._statement_line(payment, 150000)
        self._match(statement_line, payment)
        self.assertTrue(payment.is_matched)
        self.assertTrue(statement_line.is_reconciled)
        self.assertEqual(payment.state, "paid")
        self.assertEqual(self.account.balance, 150000)

    def test_bank_withdrawal_matches_statement_line(self):
        self._deposit(self.account, 500000)
        trx = self.account.withdraw(
            120000, payment_journal=self.bank, date=date(2026, 1, 6)
        )
        payment = trx.payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(trx.move_id, payment.move_id)
        lines = trx.move_id.line_ids
        self.assertEqual(
            lines.filtered("credit").account_id, payment.outstanding_account_id
        )
        self.assertEqual(lines.filtered("credit").credit, 120000)
        self.assertEqual(lines.filtered("debit").account_id, self.accounts["liability"])
        self.assertEqual(lines.filtered("debit").debit, 120000)
        self.assertEqual(self.account.balance, 380000)

        statement_line = self._statement_line(payment, -120000)
        self._match(statement_line, payment)
        self.assertTrue(payment.is_matched)
        self.assertTrue(statement_line.is_reconciled)

    def test_reversed_bank_deposit_leaves_nothing_to_match(self):
        trx = self.account.deposit(
            90000, payment_journal=self.bank, date=date(2026, 1, 8)
        )
        liquidity, __, __ = trx.payment_id._seek_for_lines()
        self.assertFalse(liquidity.reconciled)
        trx.with_user(self.manager).action_reverse()
        self.assertEqual(trx.state, "reversed")
        self.assertTrue(liquidity.reconciled)
        self.assertEqual(self.account.balance, 0)

    def test_cash_deposit_books_the_drawer(self):
        """A cash journal has no statement to wait for: its payment is on
        the cash account and already matched."""
        trx = self._deposit(self.account, 75000)
        payment = trx.payment_id
        cash = self.accounts["cash"]
        self.assertEqual(payment.outstanding_account_id, cash)
        self.assertEqual(trx.move_id.line_ids.filtered("debit").account_id, cash)
        self.assertTrue(payment.is_matched)
        self.assertEqual(payment.state, "paid")

    def test_batch_is_one_payment_create(self):
        Transaction = self.env["koperasi.savings.transaction"]
        drafts = Transaction.create(
            [
                {
                    "account_id": account.id,
                    "type": "deposit",
                    "amount": amount,
                    "payment_journal_id": self.bank.id,
                    "date": date(2026, 1, 7),
                }
                for account, amount in (
                    (self.account, 100000),
                    (self.other_account, 200000),
                    (self.account, 300000),
                )
            ]
        )
        calls = {"account.payment": [], "account.move": []}

        def counting(model_name):
            original = self.registry[model_name].create

            @api.model_create_multi
            def create(model, vals_list):
                calls[model_name].append(len(vals_list))
                return original(model, vals_list)

            return patch.object(self.registry[model_name], "create", create)

        with counting("account.payment"), counting("account.move"):
            drafts._action_post()
        self.assertEqual(calls["account.payment"], [3])
        self.assertEqual(calls["account.move"], [3])
        self.assertEqual(len(drafts.payment_id), 3)
        self.assertEqual(drafts.move_id, drafts.payment_id.move_id)
        self.assertEqual(set(drafts.mapped("state")), {"posted"})
        self.assertEqual(self.account.balance, 400000)
        self.assertEqual(self.other_account.balance, 200000)


@tagged("post_install", "-at_install")
class TestLoanPayment(StatementMatchMixin, KoperasiLoanCommon):
    """A loan's disbursement and repayments are Odoo payments, split between
    the loan receivable, the fee, the interest and the penalty."""

    def test_bank_disbursement_and_repayment(self):
        bank = self.env["account.journal"].create(
            {"name": "Bank Pinjaman", "code": "KSLP", "type": "bank"}
        )
        self.product.write({"fee_type": "percent", "fee_value": 1.0})
        loan = self._loan()
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        loan.with_user(self.officer).action_disburse(
            payment_journal=bank, date=date(2026, 1, 15)
        )
        payment = loan.disbursement_payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.amount, 11880000)
        self.assertEqual(loan.disbursement_move_id, payment.move_id)
        lines = payment.move_id.line_ids
        by_account = {line.account_id: line.balance for line in lines}
        self.assertEqual(
            by_account,
            {
                payment.outstanding_account_id: -11880000,
                self.loan_accounts["receivable"]: 12000000,
                self.accounts["fee"]: -120000,
            },
        )
        self.assertEqual(loan.outstanding_principal, 12000000)

        first = loan.line_ids[0]
        due = first.principal + first.interest
        repayment = loan.register_payment(
            due, payment_journal=bank, date=date(2026, 2, 15)
        )
        cash_in = repayment.account_payment_id
        self.assertEqual(cash_in.payment_type, "inbound")
        self.assertEqual(cash_in.amount, due)
        self.assertEqual(repayment.move_id, cash_in.move_id)
        by_account = {
            line.account_id: line.balance for line in cash_in.move_id.line_ids
        }
        self.assertEqual(
            by_account,
            {
                cash_in.outstanding_account_id: due,
                self.loan_accounts["receivable"]: -first.principal,
                self.loan_accounts["interest"]: -first.interest,
            },
        )
        self.assertEqual(loan.outstanding_principal, 12000000 - first.principal)

        self._match(self._statement_line(cash_in, due), cash_in)
