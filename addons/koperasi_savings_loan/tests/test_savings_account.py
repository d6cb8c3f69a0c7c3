from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.koperasi_base.tools import bulk

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestSavingsAccount(KoperasiSavingsCommon):
    def _liability_balance(self, partner):
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.accounts["liability"].id),
                ("partner_id", "=", partner.id),
                ("parent_state", "=", "posted"),
            ]
        )
        return sum(lines.mapped("credit")) - sum(lines.mapped("debit"))

    def test_numbering_and_one_account_per_product(self):
        self.assertTrue(self.account.name.startswith("SIM/"))
        self.assertNotEqual(self.account.name, self.other_account.name)
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["koperasi.savings.account"].create(
                {"member_id": self.member.id, "product_id": self.sukarela.id}
            )

    def test_deposit_posts_entry_and_balance(self):
        trx = self._deposit(self.account, 1000000)
        self.assertEqual(trx.state, "posted")
        self.assertEqual(trx.move_id.state, "posted")
        self.assertEqual(trx.move_id.journal_id, self.accounts["cash_journal"])
        cash_line = trx.move_id.line_ids.filtered(
            lambda line: line.account_id == self.accounts["cash"]
        )
        self.assertEqual(cash_line.debit, 1000000)
        self.assertEqual(self.account.balance, 1000000)
        self.assertEqual(self._liability_balance(self.member.partner_id), 1000000)
        self.assertEqual(self.account.last_transaction_date, date(2026, 1, 1))
        # Posting again changes nothing.
        trx._action_post()
        self.assertEqual(
            self.env["account.move"].search_count([("id", "=", trx.move_id.id)]), 1
        )
        self.assertEqual(self.account.balance, 1000000)

    def test_bad_amounts_post_nothing(self):
        for amount in (0, -5000):
            with self.assertRaises(UserError):
                self._deposit(self.account, amount)
        with self.assertRaises(UserError):
            self._deposit(self.account, 5000)  # below the minimum opening deposit
        self.assertFalse(self.account.transaction_ids)

    def test_withdrawal_keeps_minimum_balance(self):
        self._deposit(self.account, 1000000)
        with self.assertRaisesRegex(UserError, "minimum balance"):
            self.account.withdraw(960000, payment_journal=self.accounts["cash_journal"])
        self.assertEqual(self.account.balance, 1000000)
        trx = self.account.withdraw(
            950000, payment_journal=self.accounts["cash_journal"]
        )
        self.assertEqual(trx.signed_amount, -950000)
        self.assertEqual(self.account.balance, 50000)
        self.assertEqual(self._liability_balance(self.member.partner_id), 50000)

    def test_withdrawal_fee(self):
        self.sukarela.withdrawal_fee = 2500
        self._deposit(self.account, 1000000)
        self.account.withdraw(100000, payment_journal=self.accounts["cash_journal"])
        self.assertEqual(self.account.balance, 897500)
        fee = self.account.transaction_ids.filtered(lambda t: t.type == "fee")
        self.assertEqual(fee.amount, 2500)
        fee_line = fee.move_id.line_ids.filtered(
            lambda line: line.account_id == self.accounts["fee"]
        )
        self.assertEqual(fee_line.credit, 2500)

    def test_closed_and_dormant_accounts_refuse(self):
        self._deposit(self.account, 100000)
        self.account.state = "dormant"
        with self.assertRaisesRegex(UserError, "Dormant"):
            self._deposit(self.account, 100000)
        self.account.action_reactivate()
        self.assertEqual(self.account.state, "open")
        with self.assertRaisesRegex(UserError, "still holds"):
            self.account.action_close()
        self.account.state = "closed"
        with self.assertRaises(UserError):
            self.account.withdraw(10000, payment_journal=self.accounts["cash_journal"])
        self.assertEqual(self.account.balance, 100000)

    def test_reversal_restores_balance(self):
        self._deposit(self.account, 1000000)
        trx = self.account.withdraw(
            200000, payment_journal=self.accounts["cash_journal"]
        )
        self.assertEqual(self.account.balance, 800000)
        with self.assertRaises(UserError):
            trx.amount = 100000
        with self.assertRaises(UserError):
            trx.unlink()
        trx.action_reverse()
        self.assertEqual(trx.state, "reversed")
        self.assertEqual(trx.reversed_move_id.reversed_entry_id, trx.move_id)
        self.assertEqual(self.account.balance, 1000000)
        self.assertEqual(self._liability_balance(self.member.partner_id), 1000000)
        with self.assertRaises(UserError):
            trx.action_reverse()

    def test_transfer_between_own_accounts(self):
        idul_fitri = self._create_product(
            self.env, self.accounts, name="Idul Fitri Uji", kind="special"
        )
        target = self.env["koperasi.savings.account"].create(
            {"member_id": self.member.id, "product_id": idul_fitri.id}
        )
        self._deposit(self.account, 500000)
        self.account.transfer(target, 200000)
        self.assertEqual(self.account.balance, 300000)
        self.assertEqual(target.balance, 200000)
        with self.assertRaisesRegex(UserError, "same member"):
            self.account.transfer(self.other_account, 1000)

    def test_monthly_interest_exact_and_idempotent(self):
        # 10M opening; +5M on 11 June; -2M on 21 June; 6% daily balance.
        self._deposit(self.account, 10000000, day=date(2026, 5, 20))
        self._deposit(self.account, 5000000, day=date(2026, 6, 11))
        self.account.withdraw(
            2000000,
            payment_journal=self.accounts["cash_journal"],
            date=date(2026, 6, 21),
        )
        posted = self.account._post_interest(2026, 6)
        interest = posted.filtered(lambda t: t.type == "interest")
        self.assertEqual(interest.amount, 62466)
        self.assertEqual(interest.date, date(2026, 6, 30))
        self.assertFalse(posted.filtered(lambda t: t.type == "tax"))
        self.assertEqual(self.account.balance, 13062466)
        self.assertEqual(self.account.interest_period, "2026-06")
        # A re-run for the same month posts nothing.
        self.assertFalse(self.account._post_interest(2026, 6))
        self.assertEqual(self.account.balance, 13062466)
        expense = interest.move_id.line_ids.filtered(
            lambda line: line.account_id == self.accounts["interest"]
        )
        self.assertEqual(expense.debit, 62466)

    def test_month_end_batch_is_one_entry_and_one_ledger_row_each(self):
        """The month-end of many accounts: one entry with one liability line,
        each member's interest and tax in the member's own savings ledger."""
        self.sukarela.interest_rate = 2.92
        self._deposit(self.account, 100000000, day=date(2026, 5, 31))
        self._deposit(self.other_account, 100000417, day=date(2026, 5, 31))
        both = self.account | self.other_account
        # Read before the posting, as the month-end job's batch is.
        self.assertEqual(len(self.account.transaction_ids), 1)
        self.assertEqual(self.other_account.balance, 100000417)
        posted = both._post_interest(2026, 6)
        self.assertEqual(len(posted), 3)
        move = posted.move_id
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "posted")
        liability = move.line_ids.filtered(
            lambda line: line.account_id == self.accounts["liability"]
        )
        self.assertEqual(len(liability), 1)
        self.assertEqual(liability.credit, 240000 + 240001 - 24000)
        expense = move.line_ids.filtered(
            lambda line: line.account_id == self.accounts["interest"]
        )
        self.assertEqual(expense.debit, 240000 + 240001)
        self.assertIn("Sukarela Uji 2026-06", move.ref)
        for transaction in posted:
            account = transaction.account_id
            self.assertEqual(transaction.state, "posted")
            self.assertEqual(transaction.member_id, account.member_id)
            self.assertEqual(transaction.partner_id, account.partner_id)
            self.assertEqual(transaction.product_id, self.sukarela)
            self.assertEqual(transaction.interest_period, "2026-06")
            self.assertEqual(transaction.date, date(2026, 6, 30))
        # Numbered in order, one number each, after the deposits' numbers.
        names = posted.mapped("name")
        self.assertEqual(len(set(names)), 3)
        self.assertEqual(names, sorted(names))
        deposits = both.transaction_ids.filtered(lambda t: t.type == "deposit")
        self.assertGreater(names[0], max(deposits.mapped("name")))
        # The same environment sees the new rows at once.
        self.assertEqual(len(self.account.transaction_ids), 2)
        self.assertEqual(self.account.balance, 100240000)
        self.assertEqual(self.other_account.balance, 100000417 + 240001 - 24000)
        statement = self.other_account._get_statement_lines(
            date(2026, 6, 1), date(2026, 6, 30)
        )
        self.assertEqual(statement["closing"], 100000417 + 240001 - 24000)
        # The member sees them in the portal's ledger (their own rows only).
        mine = (
            self.env["koperasi.savings.transaction"]
            .with_user(self.portal_user)
            .search([("type", "in", ("interest", "tax"))])
        )
        self.assertEqual(mine, posted.filtered(lambda t: t.account_id == self.account))
        # Named for the board in the cooperative's language (its contact's),
        # whatever the language of the job's user.
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["koperasi_savings_loan"], ["id_ID"], overwrite=True
        )
        self.company.partner_id.lang = "id_ID"
        self._deposit(self.account, 1000000, day=date(2026, 7, 1))
        july = self.account.with_context(lang="en_US")._post_interest(2026, 7)
        self.assertEqual(july.move_id.ref, "Bunga Sukarela Uji 2026-07")

    def test_bulk_rows_must_be_complete(self):
        Transaction = self.env["koperasi.savings.transaction"]
        count = Transaction.search_count([])
        with self.assertRaises(ValueError):
            bulk.insert_records(Transaction, [{"account_id": self.account.id}])
        with self.assertRaises(ValueError):
            bulk.insert_records(Transaction, [{"balance": 1}])
        self.assertEqual(Transaction.search_count([]), count)

    def test_interest_tax_threshold(self):
        # A whole 30-day month at 2.92%: interest = balance * 0.0292 * 30 / 365
        # = balance * 0.0024.
        self.sukarela.interest_rate = 2.92
        # 100,000,000 -> exactly 240,000: tax free.
        self._deposit(self.account, 100000000, day=date(2026, 5, 31))
        posted = self.account._post_interest(2026, 6)
        self.assertEqual(posted.filtered(lambda t: t.type == "interest").amount, 240000)
        self.assertFalse(posted.filtered(lambda t: t.type == "tax"))
        self.assertEqual(self.account.balance, 100240000)
        # 100,000,417 -> 240,001.0008: 10% of the whole gross is withheld.
        self._deposit(self.other_account, 100000417, day=date(2026, 5, 31))
        posted = self.other_account._post_interest(2026, 6)
        self.assertEqual(posted.filtered(lambda t: t.type == "interest").amount, 240001)
        tax = posted.filtered(lambda t: t.type == "tax")
        self.assertEqual(tax.amount, 24000)
        self.assertEqual(self.other_account.balance, 100000417 + 240001 - 24000)
        tax_line = tax.move_id.line_ids.filtered(
            lambda line: line.account_id == self.accounts["tax"]
        )
        self.assertEqual(sum(tax_line.mapped("credit")), 24000)

    @freeze_time("2026-07-03")
    def test_interest_cron_batches_and_progress(self):
        for account in self.account | self.other_account:
            self._deposit(account, 1000000, day=date(2026, 5, 1))
        Account = self.env["koperasi.savings.account"]
        pending = Account._interest_pending_domain(2026, 6)
        mine = self.account | self.other_account
        # The other accounts of the database (the showcase's) had their
        # month-end already: the batches below are these two.
        Account.search([*pending, ("id", "not in", mine.ids)])._post_interest(2026, 6)
        # As Odoo's cron runner calls it: with a progress record to fill.
        cron = self.env.ref("koperasi_savings_loan.ir_cron_savings_monthly_interest")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        Job = Account.with_context(ir_cron_progress_id=progress.id)
        first = Job._cron_post_monthly_interest(batch_size=1)
        self.assertEqual(len(first), 1)
        # One more waits: the runner calls the job again at once.
        self.assertEqual((progress.done, progress.remaining), (1, 1))
        second = Job._cron_post_monthly_interest(batch_size=1)
        self.assertEqual(len(second), 1)
        self.assertNotEqual(first, second)
        # Nothing waits: the runner stops.
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertFalse(
            Account.search(
                [*pending, ("id", "in", (self.account | self.other_account).ids)]
            )
        )
        # 1,000,000 * 6% * 30 / 365 = 4,931.5 -> 4,932 each
        self.assertEqual(self.account.balance, 1004932)
        self.assertEqual(self.other_account.balance, 1004932)
        # Nothing left for these accounts: a third run posts nothing for them.
        Account._cron_post_monthly_interest()
        self.assertEqual(self.account.balance, 1004932)

    def test_time_deposit_early_withdrawal_penalty(self):
        deposit = self.env["koperasi.savings.account"].create(
            {
                "member_id": self.member.id,
                "product_id": self.berjangka.id,
                "open_date": date(2026, 1, 10),
            }
        )
        self.assertEqual(deposit.maturity_date, date(2026, 4, 10))
        with self.assertRaisesRegex(UserError, "at least"):
            self._deposit(deposit, 500000, day=date(2026, 1, 10))
        self._deposit(deposit, 5000000, day=date(2026, 1, 10))
        with self.assertRaisesRegex(UserError, "already placed"):
            self._deposit(deposit, 5000000, day=date(2026, 1, 11))
        with self.assertRaisesRegex(UserError, "in full"):
            deposit.withdraw(
                1000000,
                payment_journal=self.accounts["cash_journal"],
                date=date(2026, 2, 1),
            )
        # Early, 1% penalty on the amount withdrawn: the whole deposit must
        # go out, amount plus penalty; 4,950,000 + 49,500 leaves 500.
        with self.assertRaisesRegex(UserError, "in full"):
            deposit.withdraw(
                4950000,
                payment_journal=self.accounts["cash_journal"],
                date=date(2026, 2, 1),
            )
        self.berjangka.early_withdrawal_penalty = 0.0
        deposit.withdraw(
            5000000,
            payment_journal=self.accounts["cash_journal"],
            date=date(2026, 2, 1),
        )
        self.assertEqual(deposit.balance, 0)
        self.assertEqual(deposit.state, "closed")

    def test_time_deposit_penalty_posted(self):
        self.berjangka.early_withdrawal_penalty = 2.0
        deposit = self.env["koperasi.savings.account"].create(
            {
                "member_id": self.member.id,
                "product_id": self.berjangka.id,
                "open_date": date(2026, 1, 10),
            }
        )
        # 5,100,000 placed; withdraw 5,000,000 + 2% penalty 100,000.
        self._deposit(deposit, 5100000, day=date(2026, 1, 10))
        deposit.withdraw(
            5000000,
            payment_journal=self.accounts["cash_journal"],
            date=date(2026, 2, 1),
        )
        penalty = deposit.transaction_ids.filtered(lambda t: t.type == "penalty")
        self.assertEqual(penalty.amount, 100000)
        self.assertEqual(deposit.balance, 0)
        self.assertEqual(deposit.state, "closed")

    def test_time_deposit_maturity(self):
        sukarela = self.account
        deposit = self.env["koperasi.savings.account"].create(
            {
                "member_id": self.member.id,
                "product_id": self.berjangka.id,
                "open_date": date(2026, 1, 10),
            }
        )
        self._deposit(deposit, 2000000, day=date(2026, 1, 10))
        self._deposit(sukarela, 100000)
        with freeze_time("2026-04-09"):
            self.assertFalse(
                self.env["koperasi.savings.account"]._cron_process_maturity()
            )
        with freeze_time("2026-04-10"):
            self.env["koperasi.savings.account"]._cron_process_maturity()
        self.assertEqual(deposit.state, "closed")
        self.assertEqual(deposit.balance, 0)
        self.assertEqual(sukarela.balance, 2100000)
        # Rollover keeps the deposit and moves the maturity date.
        self.berjangka.maturity_action = "rollover"
        other = self.env["koperasi.savings.account"].create(
            {
                "member_id": self.other_member.id,
                "product_id": self.berjangka.id,
                "open_date": date(2026, 1, 10),
            }
        )
        with freeze_time("2026-04-10"):
            self.env["koperasi.savings.account"]._cron_process_maturity()
        self.assertEqual(other.state, "open")
        self.assertEqual(other.maturity_date, date(2026, 7, 10))

    def test_term_below_one_refused(self):
        with self.assertRaises(ValidationError):
            self._create_product(
                self.env, self.accounts, name="Salah", kind="berjangka", term_months=0
            )
        with self.assertRaises(ValidationError):
            self.sukarela.interest_rate = -1

    def test_dormant_detection(self):
        self.company.koperasi_savings_dormant_months = 6
        self._deposit(self.account, 100000, day=date(2026, 1, 5))
        self._deposit(self.other_account, 100000, day=date(2026, 6, 5))
        with freeze_time("2026-07-10"):
            dormant = self.env["koperasi.savings.account"]._cron_detect_dormant()
        self.assertIn(self.account, dormant)
        self.assertNotIn(self.other_account, dormant)
        self.assertEqual(self.account.state, "dormant")

    def test_settlement_and_shu_hooks(self):
        self._deposit(self.account, 750000, day=date(2026, 3, 1))
        credits = self.member._get_settlement_credits()
        self.assertIn(750000, [credit["amount"] for credit in credits])
        Member = self.env["koperasi.member"]
        self.company.koperasi_shu_include_savings = False
        base = Member._get_shu_base(self.member, date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(base[self.member.id]["capital"], 0)
        self.company.koperasi_shu_include_savings = True
        base = Member._get_shu_base(self.member, date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(base[self.member.id]["capital"], 750000)
        base = Member._get_shu_base(self.member, date(2025, 1, 1), date(2025, 12, 31))
        self.assertEqual(base[self.member.id]["capital"], 0)

    def test_statement_receipt_and_xlsx(self):
        self._deposit(self.account, 300000, day=date(2026, 2, 1))
        trx = self.account.withdraw(
            100000, payment_journal=self.accounts["cash_journal"], date=date(2026, 2, 2)
        )
        statement = self.account._get_statement_lines()
        self.assertEqual(
            [line["balance"] for line in statement["lines"]], [300000, 200000]
        )
        statement = self.account._get_statement_lines(date_from=date(2026, 2, 2))
        self.assertEqual(statement["opening"], 300000)
        self.assertEqual(statement["closing"], 200000)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "koperasi_savings_loan.action_report_savings_receipt", trx.ids
            )[0]
            .decode()
        )
        self.assertIn(trx.name, html)
        self.assertIn("100,000", html)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "koperasi_savings_loan.action_report_savings_statement",
                self.account.ids,
            )[0]
            .decode()
        )
        self.assertIn("200,000", html)
        xlsx = self.account._get_statement_xlsx()
        self.assertEqual(xlsx[:2], b"PK")

    def test_teller_wizard_posts_and_prints(self):
        wizard = (
            self.env["koperasi.savings.teller"]
            .with_user(self.officer)
            .create(
                {
                    "account_id": self.account.id,
                    "operation": "deposit",
                    "amount": 250000,
                    "payment_journal_id": self.accounts["cash_journal"].id,
                }
            )
        )
        action = wizard.action_post()
        self.assertEqual(
            action["report_name"], "koperasi_savings_loan.report_savings_receipt"
        )
        self.assertEqual(self.account.balance, 250000)
        wizard = (
            self.env["koperasi.savings.teller"]
            .with_user(self.officer)
            .create(
                {
                    "account_id": self.account.id,
                    "operation": "withdrawal",
                    "amount": 250000,
                    "payment_journal_id": self.accounts["cash_journal"].id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "minimum balance"):
            wizard.action_post()
        self.assertEqual(self.account.balance, 250000)
