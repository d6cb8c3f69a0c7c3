"""The exit settlement closes the member's whole position: savings paid out
of their liability and closed, loans repaid from the refund through their
receivable (what the refund does not cover stays owed, exactly), and nothing
moves for the member afterwards: no teller transaction, no interest, no
denda."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.koperasi_membership.tests.common_payment import StatementMatchMixin
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestExitClosesThePosition(StatementMatchMixin, KoperasiLoanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A board member with no accounting or savings rights settles.
        cls.board = mail_new_test_user(
            cls.env,
            login="ksl_exit_board",
            name="Ketua Tanpa Akuntansi",
            groups="koperasi_membership.group_koperasi_manager",
        )
        cls.company.write(
            {
                "koperasi_pokok_amount": 100000,
                "koperasi_journal_id": cls.cash.id,
            }
        )
        pokok = cls.env["koperasi.capital.payment"].create(
            {
                "member_id": cls.member.id,
                "kind": "pokok",
                "amount": 100000,
                "journal_id": cls.cash.id,
                "date": date(2026, 1, 2),
            }
        )
        pokok.action_post()

    def _balance(self, account):
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", account.id),
                ("partner_id", "=", self.member.partner_id.id),
                ("parent_state", "=", "posted"),
            ]
        )
        return sum(lines.mapped("balance"))

    def _settle(self, journal=True):
        wizard = Form(
            self.env["koperasi.member.settle"]
            .with_user(self.board)
            .with_context(default_member_id=self.member.id)
        )
        wizard.exit_date = date(2026, 3, 1)
        if not journal:
            wizard.journal_id = self.env["account.journal"]
        elif journal is not True:
            wizard.journal_id = journal
        return wizard

    def test_refund_short_of_the_loan(self):
        self._deposit(self.account, 2000000, day=date(2026, 1, 5))
        loan = self._disbursed(amount=5000000, term=10, day=date(2026, 2, 20))
        self.assertEqual(self._balance(self.loan_accounts["receivable"]), 5000000)
        wizard = self._settle().save()
        # 100,000 pokok + 2,000,000 savings: 2,100,000 goes to the loan.
        self.assertEqual(wizard.refund_amount, 0)
        self.assertIn("2.900.000", wizard.details.replace(",", "."))
        wizard.action_settle()

        self.assertEqual(self.member.state, "resigned")
        self.assertEqual(self.account.state, "closed")
        self.assertEqual(self.account.balance, 0)
        self.assertEqual(self._balance(self.accounts["liability"]), 0)
        self.assertEqual(loan.state, "disbursed")
        self.assertEqual(loan.outstanding_principal, 2900000)
        self.assertEqual(self._balance(self.loan_accounts["receivable"]), 2900000)
        self.assertIn(
            "2.900.000",
            "".join(self.member.message_ids.mapped("body")).replace(",", "."),
        )

        # Afterwards nothing moves: the teller, the month-end, the daily run.
        with self.assertRaises(UserError):
            self.account.with_user(self.officer).withdraw(
                50000, payment_journal=self.cash
            )
        with freeze_time("2026-04-02"):
            self.env["koperasi.savings.account"]._cron_post_monthly_interest()
        with freeze_time("2026-05-30"):
            self.env["koperasi.loan"]._cron_daily_overdue()
        self.assertEqual(self.account.balance, 0)
        self.assertFalse(
            self.account.transaction_ids.filtered(lambda t: t.type == "interest")
        )
        self.assertEqual(sum(loan.line_ids.mapped("penalty")), 0)
        self.assertEqual(self._balance(self.loan_accounts["receivable"]), 2900000)
        with self.assertRaises(UserError):
            self.account.with_user(self.officer).deposit(
                10000, payment_journal=self.cash
            )
        self.assertEqual(self.account.balance, 0)

    def test_refund_covers_the_loan(self):
        self._deposit(self.account, 6000000, day=date(2026, 1, 5))
        loan = self._disbursed(amount=5000000, term=10, day=date(2026, 2, 20))
        wizard = self._settle().save()
        self.assertEqual(wizard.refund_amount, 1100000)
        wizard.action_settle()
        self.assertEqual(loan.state, "closed")
        self.assertEqual(loan.outstanding_principal, 0)
        self.assertEqual(self._balance(self.loan_accounts["receivable"]), 0)
        self.assertEqual(self._balance(self.accounts["liability"]), 0)
        self.assertEqual(self.account.state, "closed")
        cash = self.member.settlement_move_id.line_ids.filtered(
            lambda line: line.account_id == self.cash.default_account_id
        )
        self.assertEqual(cash.credit, 1100000)

    def test_bank_refund_nets_savings_and_loan(self):
        """The refund paid by bank is one payment: savings and capital paid
        out, the loan deducted, the bank's outstanding account for the rest;
        the loan's own repayment from the settlement account is no cash."""
        bank = self.env["account.journal"].create(
            {"name": "Bank Keluar", "code": "KSLX", "type": "bank"}
        )
        self._deposit(self.account, 6000000, day=date(2026, 1, 5))
        loan = self._disbursed(amount=5000000, term=10, day=date(2026, 2, 20))
        wizard = self._settle(journal=bank).save()
        # 100,000 pokok + 6,000,000 savings - 5,000,000 to pay the loan off
        owed = 5000000
        refund = 1100000
        self.assertEqual(wizard.refund_amount, refund)
        wizard.action_settle()
        move = self.member.settlement_move_id
        payment = move.origin_payment_id
        self.assertEqual(payment.state, "in_process")
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.journal_id, bank)
        self.assertEqual(payment.amount, refund)
        outstanding = payment.outstanding_account_id
        self.assertNotEqual(outstanding, bank.default_account_id)
        balances = {}
        for line in move.line_ids:
            balances[line.account_id] = balances.get(line.account_id, 0) + line.balance
        self.assertEqual(
            balances,
            {
                outstanding: -refund,
                self.company._koperasi_get_account("pokok"): 100000,
                self.accounts["liability"]: 6000000,
                self.company._koperasi_get_account("settlement"): -owed,
            },
        )
        self.assertEqual(loan.state, "closed")
        self.assertEqual(self._balance(self.loan_accounts["receivable"]), 0)
        self.assertEqual(self._balance(self.accounts["liability"]), 0)
        self.assertEqual(
            self._balance(self.company._koperasi_get_account("settlement")), 0
        )
        self.assertEqual(self.account.state, "closed")
        self._match(self._statement_line(payment, -refund), payment)
        self.assertEqual(payment.state, "paid")

    def test_no_journal_is_a_message(self):
        wizard = self._settle(journal=False)
        with self.assertRaises(AssertionError):
            # The form itself requires the journal...
            wizard.save()
        # ...and so does the settlement when called directly.
        with self.assertRaisesRegex(UserError, "journal"):
            self.member.with_user(self.board)._do_settle(
                "resigned", date(2026, 3, 1), "", self.env["account.journal"]
            )
        self.assertEqual(self.member.state, "active")
