from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools import capital as capital_tools
from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestCapital(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.siti = cls._create_member(
            "Siti Capital", "3513104101800101", state="active", join_date="2020-01-01"
        )
        cls.umi = cls._create_member(
            "Umi Capital", "3513104101800102", state="active", join_date="2020-01-01"
        )
        cls.candidate = cls._create_member("Calon", "3513104101800103")
        cls.late = cls._create_member(
            "Baru Gabung",
            "3513104101800104",
            state="active",
            join_date=capital_tools.add_months(cls.this_period, 1),
        )

    def _dues(self, members, kind="wajib"):
        return self.env["koperasi.capital.due"].search(
            [("member_id", "in", members.ids), ("kind", "=", kind)]
        )

    def test_dues_idempotent(self):
        Due = self.env["koperasi.capital.due"]
        Due._create_wajib_dues(self.company, self.this_period)
        dues = self._dues(self.siti | self.umi | self.candidate | self.late)
        self.assertEqual(dues.member_id, self.siti | self.umi)
        self.assertEqual(dues.mapped("amount"), [25000.0, 25000.0])
        # A re-run, and the cron itself, create nothing more.
        self.assertEqual(Due._create_wajib_dues(self.company, self.this_period), 0)
        Due._cron_create_wajib_dues()
        self.assertEqual(
            self._dues(self.siti | self.umi | self.candidate | self.late), dues
        )

    @mute_logger("odoo.sql_db")
    def test_dues_unique_per_period(self):
        self.env["koperasi.capital.due"]._create_wajib_dues(
            self.company, self.this_period
        )
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["koperasi.capital.due"].create(
                {
                    "member_id": self.siti.id,
                    "kind": "wajib",
                    "period_date": self.this_period,
                    "amount": 25000,
                }
            )

    def test_payment_posts_and_balances(self):
        self._create_dues(3)
        self.assertEqual(self.siti.arrears_amount, 75000.0)
        self.assertTrue(self.siti.has_arrears)
        pokok = self._pay(self.siti, "pokok", 100000, user=self.officer)
        self.assertEqual(pokok.state, "posted")
        self.assertEqual(pokok.move_id.state, "posted")
        lines = pokok.move_id.line_ids
        self.assertEqual(sorted(lines.mapped("debit")), [0.0, 100000.0])
        credit = lines.filtered("credit")
        self.assertEqual(credit.account_id, self.company.koperasi_pokok_account_id)
        self.assertEqual(credit.account_id.account_type, "equity")
        self.assertEqual(
            lines.filtered("debit").account_id, self.journal.default_account_id
        )
        wajib = self._pay(self.siti, "wajib", 40000, user=self.officer)
        # Oldest due first: one paid, the next partially.
        dues = self._dues(self.siti).sorted("period_date")
        self.assertEqual(dues.mapped("state"), ["paid", "partial", "unpaid"])
        self.assertEqual(dues.mapped("amount_residual"), [0.0, 10000.0, 25000.0])
        self.assertEqual(wajib.allocation_ids.mapped("amount"), [25000.0, 15000.0])
        self.assertEqual(self.siti.capital_pokok, 100000.0)
        self.assertEqual(self.siti.capital_wajib, 40000.0)
        self.assertEqual(self.siti.capital_total, 140000.0)
        self.assertEqual(self.siti.arrears_amount, 35000.0)
        members = self.env["koperasi.member"].search(
            [("has_arrears", "=", True), ("id", "in", (self.siti | self.umi).ids)]
        )
        self.assertEqual(members, self.siti | self.umi)
        # The capital of the SHU base is what was posted.
        base = self.env["koperasi.member"]._get_shu_base(
            self.siti | self.umi, "2020-01-01", self.today
        )
        self.assertEqual(base[self.siti.id], {"capital": 140000.0, "volume": 0.0})
        self.assertEqual(base[self.umi.id], {"capital": 0.0, "volume": 0.0})
        before = self.env["koperasi.member"]._get_shu_base(
            self.siti, "2019-01-01", "2019-12-31"
        )
        self.assertEqual(before[self.siti.id]["capital"], 0.0)

    def test_cancel_reverses(self):
        self._create_dues(1)
        payment = self._pay(self.umi, "wajib", 25000)
        self.assertEqual(self.umi.capital_wajib, 25000.0)
        self.assertEqual(self.umi.arrears_amount, 0.0)
        payment.with_user(self.manager).action_cancel()
        self.assertEqual(payment.state, "cancelled")
        reversal = payment.move_id.reversal_move_ids
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.amount_total, 25000.0)
        self.assertEqual(self.umi.capital_wajib, 0.0)
        self.assertEqual(self.umi.arrears_amount, 25000.0)

    def test_post_twice_posts_once(self):
        self._create_dues(1)
        payment = self._pay(self.umi, "wajib", 25000)
        move = payment.move_id
        payment.action_post()
        self.assertEqual(payment.move_id, move)
        self.assertEqual(
            self.env["account.move"].search_count(
                [("partner_id", "=", self.umi.partner_id.id)]
            ),
            1,
        )

    def test_bad_amounts_refused(self):
        self._create_dues(2)
        Payment = self.env["koperasi.capital.payment"].with_user(self.officer)
        for amount in (0, -25000, 50001):
            with (
                self.subTest(amount=amount),
                self.assertRaises(ValidationError),
                self.cr.savepoint(),
            ):
                Payment.create(
                    {
                        "member_id": self.siti.id,
                        "kind": "wajib",
                        "amount": amount,
                        "journal_id": self.journal.id,
                    }
                )
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Payment.create(
                {
                    "member_id": self.siti.id,
                    "kind": "pokok",
                    "amount": 100001,
                    "journal_id": self.journal.id,
                }
            )
        self.assertFalse(
            self.env["koperasi.capital.payment"].search(
                [("member_id", "=", self.siti.id)]
            )
        )
        self.assertEqual(self.siti.capital_total, 0.0)
        self.assertEqual(self.siti.arrears_amount, 50000.0)

    def test_prepayment(self):
        self._create_dues(1)
        self.company.koperasi_allow_prepayment = True
        payment = self._pay(self.siti, "wajib", 85000)
        dues = self._dues(self.siti).sorted("period_date")
        self.assertEqual(
            dues.mapped("period_date"),
            [capital_tools.add_months(self.this_period, n) for n in range(4)],
        )
        self.assertEqual(dues.mapped("state"), ["paid", "paid", "paid", "partial"])
        self.assertEqual(payment.move_id.amount_total, 85000.0)
        self.assertEqual(self.siti.capital_wajib, 85000.0)
        # The cron finds the prepaid periods already there.
        next_period = capital_tools.add_months(self.this_period, 1)
        self.env["koperasi.capital.due"]._create_wajib_dues(self.company, next_period)
        self.assertEqual(len(self._dues(self.siti)), 4)

    def test_candidate_pays_pokok_only(self):
        self._pay(self.candidate, "pokok", 60000)
        self.assertEqual(self.candidate.capital_pokok, 60000.0)
        pokok_due = self._dues(self.candidate, "pokok")
        self.assertEqual(pokok_due.state, "partial")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._pay(self.candidate, "pokok", 50000)
        self._pay(self.candidate, "pokok", 40000)
        self.assertEqual(pokok_due.state, "paid")
        self.company.koperasi_allow_prepayment = False
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._pay(self.candidate, "wajib", 25000)

    def test_posted_payment_cannot_be_deleted(self):
        payment = self._pay(self.candidate, "pokok", 100000)
        with self.assertRaises(UserError):
            payment.unlink()
        with self.assertRaises(UserError):
            self.candidate.unlink()
