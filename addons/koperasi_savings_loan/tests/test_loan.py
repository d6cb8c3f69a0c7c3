from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import KoperasiLoanCommon


@tagged("post_install", "-at_install")
class TestLoan(KoperasiLoanCommon):
    def test_simulate_schedule(self):
        lines = self.product.simulate_schedule(12000000, 12, "2026-01-15")
        self.assertEqual(lines[0]["interest"], 120000)
        self.assertEqual(lines[-1]["interest"], 10000)
        self.assertEqual(sum(line["interest"] for line in lines), 780000)
        self.assertEqual(lines[0]["due_date"], date(2026, 2, 15))
        anuitas = self._create_loan_product(
            self.env,
            name="Anuitas",
            interest_method="anuitas",
            interest_rate=12.0,
            term_max=360,
        )
        self.assertEqual(anuitas.simulate_schedule(10000000, 12)[0]["amount"], 888488)
        with self.assertRaisesRegex(ValidationError, "between"):
            self.product.simulate_schedule(1000000, 36)
        with self.assertRaisesRegex(ValidationError, "at most"):
            self.product.simulate_schedule(60000000, 12)
        with self.assertRaises(ValidationError):
            self.product.simulate_schedule(0, 12)

    def test_bad_products_and_applications(self):
        with self.assertRaises(ValidationError):
            self._create_loan_product(self.env, name="Negatif", interest_rate=-1)
        with self.assertRaises(ValidationError):
            self._create_loan_product(
                self.env, name="Jangka", interest_rate=1, term_min=0
            )
        with self.assertRaises(ValidationError):
            self._loan(amount=60000000)
        with self.assertRaises(ValidationError):
            self._loan(term=48)
        limited = self._create_loan_product(
            self.env, name="Berbasis Simpanan", interest_rate=12, limit_multiple=3
        )
        self._deposit(self.account, 1000000)
        loan = self._loan(amount=3500000, term=6, product=limited)
        with self.assertRaisesRegex(ValidationError, "limit"):
            loan.action_submit()
        self.assertEqual(loan.state, "draft")
        # Posted capital counts too: pokok 500,000 makes it 3 x 1,500,000.
        self.company.koperasi_pokok_amount = 500000
        pokok = self.env["koperasi.capital.payment"].create(
            {
                "member_id": self.member.id,
                "kind": "pokok",
                "amount": 500000,
                "journal_id": self.accounts["cash_journal"].id,
                "date": date(2026, 1, 2),
            }
        )
        pokok.action_post()
        self.assertEqual(self.member.capital_total, 500000)
        loan.action_submit()
        self.assertEqual(loan.state, "submitted")

    def test_approval_pipeline(self):
        loan = self._loan()
        loan.action_submit()
        self.assertEqual(loan.state, "submitted")
        with self.assertRaisesRegex(UserError, "board"):
            loan.with_user(self.officer).action_approve()
        # The applicant, even on the board, does not approve their own file.
        own = (
            self.env["koperasi.loan"]
            .with_user(self.manager)
            .create(
                {
                    "member_id": self.member.id,
                    "product_id": self.product.id,
                    "amount": 1000000,
                    "term_months": 6,
                }
            )
        )
        own.action_submit()
        with self.assertRaisesRegex(UserError, "own"):
            own.with_user(self.manager).action_approve()
        loan.with_user(self.manager).action_approve()
        self.assertEqual(loan.state, "approved")

    def test_two_level_approval(self):
        self.product.second_approval_amount = 10000000
        second = self.env["res.users"].create(
            {
                "name": "Bendahara",
                "login": "ksl_manager2",
                "groups_id": [
                    (
                        4,
                        self.env.ref(
                            "koperasi_savings_loan.group_koperasi_savings_loan_manager"
                        ).id,
                    )
                ],
            }
        )
        loan = self._loan()
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        self.assertEqual(loan.state, "submitted")
        with self.assertRaisesRegex(UserError, "already approved"):
            loan.with_user(self.manager).action_approve()
        loan.with_user(second).action_approve()
        self.assertEqual(loan.state, "approved")

    def test_disbursement_posts_once_and_freezes_schedule(self):
        self.product.write({"fee_type": "percent", "fee_value": 1.0})
        loan = self._loan()
        with self.assertRaisesRegex(UserError, "approved"):
            loan.action_disburse(payment_journal=self.cash)
        loan.action_submit()
        loan.with_user(self.manager).action_approve()
        loan.action_disburse(payment_journal=self.cash, date=date(2026, 1, 15))
        self.assertEqual(loan.state, "disbursed")
        move = loan.disbursement_move_id
        self.assertEqual(move.state, "posted")
        receivable = move.line_ids.filtered(
            lambda line: line.account_id == self.loan_accounts["receivable"]
        )
        self.assertEqual(receivable.debit, 12000000)
        fee = move.line_ids.filtered(
            lambda line: line.account_id == self.accounts["fee"]
        )
        self.assertEqual(fee.credit, 120000)
        cash = move.line_ids.filtered(
            lambda line: line.account_id == self.accounts["cash"]
        )
        self.assertEqual(cash.credit, 11880000)
        self.assertEqual(len(loan.line_ids), 12)
        self.assertEqual(loan.line_ids[0].interest, 120000)
        self.assertEqual(loan.outstanding_principal, 12000000)
        # A second click changes nothing.
        loan.action_disburse(payment_journal=self.cash)
        self.assertEqual(loan.disbursement_move_id, move)
        self.assertEqual(
            self.env["account.move"].search_count([("ref", "=", move.ref)]), 1
        )
        self.assertEqual(len(loan.line_ids), 12)

    def test_repayment_allocation_order(self):
        self.product.write({"penalty_rate": 0.1, "penalty_period": "day"})
        loan = self._disbursed()
        with self.assertRaises(UserError):
            loan.register_payment(0, payment_journal=self.cash)
        first = loan.line_ids[0]
        with freeze_time("2026-02-25"):
            # 10 days late on 1,120,000: denda 0.1%/day -> 11,200.
            self.env["koperasi.loan"]._cron_daily_overdue()
        self.assertEqual(first.penalty, 11200)
        self.assertEqual(loan.days_past_due, 10)
        payment = loan.register_payment(
            500000, payment_journal=self.cash, date=date(2026, 2, 25)
        )
        # denda -> interest -> principal
        self.assertEqual(payment.penalty_amount, 11200)
        self.assertEqual(payment.interest_amount, 120000)
        self.assertEqual(payment.principal_amount, 368800)
        self.assertEqual(first.principal_paid, 368800)
        self.assertFalse(first.paid)
        entry = payment.move_id
        self.assertEqual(entry.state, "posted")
        credits = {
            line.account_id: line.credit for line in entry.line_ids if line.credit
        }
        self.assertEqual(credits[self.loan_accounts["penalty"]], 11200)
        self.assertEqual(credits[self.loan_accounts["interest"]], 120000)
        self.assertEqual(credits[self.loan_accounts["receivable"]], 368800)
        self.assertEqual(loan.outstanding_principal, 12000000 - 368800)
        # Interest first, then principal, denda last.
        self.product.allocation_order = "interest_principal_penalty"
        payment.with_user(self.manager).action_reverse()
        self.assertEqual(first.principal_paid, 0)
        self.assertEqual(first.penalty_paid, 0)
        payment = loan.register_payment(
            500000, payment_journal=self.cash, date=date(2026, 2, 25)
        )
        self.assertEqual(payment.interest_amount, 120000)
        self.assertEqual(payment.principal_amount, 380000)
        self.assertEqual(payment.penalty_amount, 0)

    def test_repayment_on_not_disbursed_loan_refused(self):
        loan = self._loan()
        with self.assertRaisesRegex(UserError, "not disbursed"):
            loan.register_payment(100000, payment_journal=self.cash)
        self.assertFalse(loan.payment_ids)

    def test_advance_payment_shortens_and_payoff_closes(self):
        loan = self._disbursed()
        # On time, the first instalment (1,120,000) plus 2,000,000 ahead:
        # the last two instalments' principal is prepaid, their interest waived.
        payment = loan.register_payment(
            3120000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        self.assertEqual(payment.principal_amount, 3000000)
        self.assertEqual(payment.interest_amount, 120000)
        self.assertTrue(loan.line_ids[0].paid)
        self.assertTrue(loan.line_ids[-1].paid)
        self.assertTrue(loan.line_ids[-2].paid)
        self.assertEqual(loan.line_ids[-1].interest, 0)
        self.assertEqual(loan.outstanding_principal, 9000000)
        # Early payoff of everything: overpayment refused by default.
        with self.assertRaisesRegex(UserError, "more than"):
            loan.register_payment(
                99000000, payment_journal=self.cash, date=date(2026, 3, 15)
            )
        # Due instalment 2 (1,000,000 + 110,000) + the 9 left's... principal.
        payment = loan.register_payment(
            9110000, payment_journal=self.cash, date=date(2026, 3, 15)
        )
        self.assertEqual(loan.outstanding_principal, 0)
        self.assertEqual(loan.state, "closed")

    def test_early_payment_settles_the_next_instalment(self):
        """Paid before its due date, the instalment the member pays is the
        one the schedule shows as paid, not the last one."""
        loan = self._disbursed()
        first, last = loan.line_ids[0], loan.line_ids[-1]
        last_interest = last.interest
        payment = loan.register_payment(
            1120000, payment_journal=self.cash, date=date(2026, 2, 1)
        )
        self.assertTrue(first.paid)
        self.assertFalse(last.paid)
        self.assertEqual(last.interest, last_interest, "no interest waived on it")
        self.assertEqual(payment.principal_amount, 1000000)
        self.assertEqual(payment.interest_amount, 120000)
        self.assertEqual(loan.next_due_date, date(2026, 3, 15))
        # Part of instalment 2, early: its interest, then its principal.
        second = loan.line_ids[1]
        loan.register_payment(500000, payment_journal=self.cash, date=date(2026, 2, 2))
        self.assertFalse(second.paid)
        self.assertEqual(second.interest_paid, second.interest)
        self.assertEqual(second.principal_paid, 500000 - second.interest)
        self.assertFalse(last.paid)
        # More than the next instalment ahead of time is a prepayment: per
        # the product's policy (shorten), the last instalment goes first.
        loan.register_payment(
            second.principal - second.principal_paid + 1000000,
            payment_journal=self.cash,
            date=date(2026, 2, 3),
        )
        self.assertTrue(last.paid)

    def test_repayment_dialog_has_a_title_and_what_is_owed(self):
        loan = self._disbursed()
        action = loan.with_user(self.officer).action_register_payment()
        self.assertIn(loan.name, action["name"])
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer)
            .with_context(**action["context"])
        )
        with freeze_time("2026-02-01 03:00:00"):
            values = wizard.default_get(["loan_id", "amount", "payment_journal_id"])
        self.assertEqual(values["amount"], 1120000, "the next instalment")
        self.assertTrue(values["payment_journal_id"])
        with freeze_time("2026-03-20 03:00:00"):
            values = wizard.default_get(["loan_id", "amount", "date"])
        # Two instalments due: 1,120,000 + 1,110,000.
        self.assertEqual(values["amount"], 2230000)

    def test_lower_instalment_policy(self):
        self.product.prepayment_policy = "lower"
        loan = self._disbursed()
        loan.register_payment(
            1120000 + 1100000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        self.assertEqual(loan.outstanding_principal, 12000000 - 1000000 - 1100000)
        self.assertEqual(len(loan.line_ids.filtered(lambda line: not line.paid)), 11)
        self.assertEqual(sum(loan.line_ids.mapped("principal")), 12000000)

    def test_overpayment_to_savings(self):
        self.product.overpayment_policy = "savings"
        self._deposit(self.account, 100000)
        loan = self._disbursed(amount=3000000, term=3)
        loan.register_payment(
            3100000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        self.assertEqual(loan.state, "closed")
        # 3,000,000 principal + 30,000 first interest; the rest goes to savings.
        self.assertEqual(self.account.balance, 100000 + 70000)

    def test_auto_debit_from_savings(self):
        self._deposit(self.account, 2000000)
        loan = self._disbursed()
        loan.register_payment(
            1120000,
            payment_journal=self.cash,
            date=date(2026, 2, 15),
            savings_account=self.account,
        )
        self.assertEqual(self.account.balance, 880000)
        self.assertTrue(loan.line_ids[0].paid)

    def test_collectibility_transitions_on_boundaries(self):
        loan = self._disbursed(day=date(2026, 1, 15))
        # First due date 2026-02-15.
        cases = [
            ("2026-05-16", 90, "lancar"),
            ("2026-05-17", 91, "kurang_lancar"),
            ("2026-08-14", 180, "kurang_lancar"),
            ("2026-08-15", 181, "diragukan"),
            ("2027-02-10", 360, "diragukan"),
            ("2027-02-11", 361, "macet"),
        ]
        for day, days, klass in cases:
            with freeze_time(day):
                self.env["koperasi.loan"]._cron_daily_overdue()
                # Idempotent per day: a second run today changes nothing.
                self.assertFalse(self.env["koperasi.loan"]._cron_daily_overdue() & loan)
            self.assertEqual(loan.days_past_due, days, day)
            self.assertEqual(loan.collectibility, klass, day)

    def test_provision_posted_once(self):
        loan = self._disbursed()
        moves = self.env["koperasi.loan"]._cron_post_provision()
        self.assertEqual(loan.ppap_amount, 60000)  # 0.5% of 12,000,000
        line = moves.line_ids.filtered(
            lambda ml: ml.account_id == self.loan_accounts["provision"]
        )
        self.assertEqual(line.debit, 60000)
        self.assertFalse(self.env["koperasi.loan"]._cron_post_provision())

    def test_settlement_and_shu_hooks(self):
        loan = self._disbursed()
        loan.register_payment(
            1120000, payment_journal=self.cash, date=date(2026, 2, 15)
        )
        # Paid off on 15 February: the principal left, no interest ahead.
        deductions = self.member._get_settlement_deductions(date(2026, 2, 15))
        self.assertIn(11000000, [item["amount"] for item in deductions])
        base = self.env["koperasi.member"]._get_shu_base(
            self.member, date(2026, 1, 1), date(2026, 12, 31)
        )
        self.assertEqual(base[self.member.id]["volume"], 120000)

    def test_denda_grace_days_and_batches(self):
        self.product.write(
            {"penalty_rate": 0.1, "penalty_period": "day", "grace_days": 3}
        )
        first = self._disbursed(day=date(2026, 1, 15))
        second = self._disbursed(day=date(2026, 1, 15))
        Loan = self.env["koperasi.loan"]
        # First due date 2026-02-15: 3 days late is still within the grace.
        with freeze_time("2026-02-18"):
            done = Loan
            batches = 0
            while batch := Loan._cron_daily_overdue(batch_size=1):
                self.assertEqual(len(batch), 1)
                done |= batch
                batches += 1
            self.assertGreaterEqual(batches, 2)
            self.assertEqual(done & (first | second), first | second)
        self.assertEqual(first.days_past_due, 3)
        self.assertEqual(first.line_ids[0].penalty, 0)
        # The 4th day: denda on 1,120,000 for 4 days at 0.1% = 4,480.
        with freeze_time("2026-02-19"):
            Loan._cron_daily_overdue()
        self.assertEqual(first.line_ids[0].penalty, 4480)
        self.assertEqual(second.line_ids[0].penalty, 4480)
        self.assertEqual(first.penalty_due, 4480)
