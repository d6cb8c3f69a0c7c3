import base64
import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PNG_BYTES
from .common_payment import StatementMatchMixin
from .common_shu import YEAR, KoperasiShuCommon


@tagged("post_install", "-at_install")
class TestShuDistribution(StatementMatchMixin, KoperasiShuCommon):
    def _lines(self, dist):
        return {line.member_id: line for line in dist.member_line_ids}

    def _allocation(self, dist):
        return {line.kind: line.amount for line in dist.allocation_line_ids}

    def test_default_allocation_lines(self):
        dist = self._distribution()
        self.assertEqual(dist.state, "draft")
        self.assertEqual(sum(dist.allocation_line_ids.mapped("percentage")), 100.0)
        self.assertEqual(
            dist.allocation_line_ids.mapped("kind"),
            ["reserve", "capital", "usage", "board", "staff", "education", "social"],
        )

    def test_allocations_named_in_the_cooperatives_language(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["koperasi_membership"], ["id_ID"], overwrite=True
        )
        field = self.env["koperasi.shu.allocation"]._fields["kind"]
        english = dict(
            field._description_selection(self.env(context={"lang": "en_US"}))
        )
        indonesian = dict(
            field._description_selection(self.env(context={"lang": "id_ID"}))
        )
        self.assertNotEqual(english["reserve"], indonesian["reserve"])
        self.env.company.partner_id.lang = "id_ID"
        # A board member reading English names the allocations in Indonesian,
        # as the RAT pack prints them.
        dist = self._distribution()
        reserve = dist.allocation_line_ids.filtered(lambda line: line.kind == "reserve")
        self.assertEqual(reserve.name, indonesian["reserve"])

    def test_worked_example(self):
        """Capital held month by month; C joined in July. With only the
        membership figures there is no volume: the usage pool goes to the
        reserve, as do the rupiah of the rounding."""
        dist = self._distribution()
        dist.action_compute()
        self.assertEqual(dist.state, "computed")
        self.assertEqual(dist.shu_amount, 10000000)
        lines = self._lines(dist)
        self.assertNotIn(self.member_d, lines, "no capital, no SHU line")
        a, b, c = lines[self.member_a], lines[self.member_b], lines[self.member_c]
        self.assertEqual(a.capital_average, 300000)
        # (5 * 100,000 + 7 * 200,000) / 12 = 158,333.33
        self.assertEqual(b.capital_average, 158333)
        self.assertEqual(c.capital_average, 50000)
        # 2,000,000 * 3.6M / 6.1M, 1.9M / 6.1M and 0.6M / 6.1M, floored
        self.assertEqual(a.capital_share, 1180327)
        self.assertEqual(b.capital_share, 622950)
        self.assertEqual(c.capital_share, 196721)
        self.assertEqual((a.usage_share, b.usage_share, c.usage_share), (0, 0, 0))
        self.assertEqual(a.amount, 1180327)
        allocation = self._allocation(dist)
        self.assertEqual(allocation["reserve"], 4000000 + 2 + 2000000)
        self.assertEqual(allocation["capital"], 1999998)
        self.assertEqual(allocation["usage"], 0)
        self.assertEqual(allocation["board"], 500000)
        self.assertEqual(dist.residue_amount, 2000002)
        # Everything sums exactly.
        self.assertEqual(sum(allocation.values()), dist.shu_amount)
        self.assertEqual(
            dist.members_amount, allocation["capital"] + allocation["usage"]
        )
        self.assertEqual(dist.member_count, 3)

    def test_recompute_replaces_lines(self):
        dist = self._distribution()
        dist.action_compute()
        dist.allocation_line_ids.filtered(lambda a: a.kind == "reserve").percentage = 30
        dist.allocation_line_ids.filtered(lambda a: a.kind == "capital").percentage = 30
        dist.action_compute()
        self.assertEqual(len(dist.member_line_ids), 3)
        self.assertEqual(self._allocation(dist)["capital"], 2999998)
        self.assertEqual(sum(dist.member_line_ids.mapped("capital_share")), 2999998)

    def test_percentages_must_total_100(self):
        dist = self._distribution()
        dist.allocation_line_ids.filtered(lambda a: a.kind == "board").percentage = 6
        with self.assertRaisesRegex(UserError, "total 101"):
            dist.action_compute()
        self.assertEqual(dist.state, "draft")
        self.assertFalse(dist.member_line_ids)
        self.assertFalse(dist.shu_amount)

    def test_year_without_posted_entries(self):
        dist = self._distribution(year=YEAR - 5)
        with self.assertRaisesRegex(UserError, "no posted journal entries"):
            dist.action_compute()
        self.assertEqual(dist.state, "draft")

    def test_year_with_a_loss(self):
        self._post_result(0, 30000000, datetime.date(YEAR - 3, 6, 30))
        dist = self._distribution(year=YEAR - 3)
        with self.assertRaisesRegex(UserError, "no surplus"):
            dist.action_compute()
        self.assertEqual(dist.state, "draft")

    def test_one_distribution_per_year(self):
        self._distribution()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._distribution()

    def test_approval_needs_rat_date_and_minutes(self):
        dist = self._distribution()
        dist.action_compute()
        with self.assertRaisesRegex(UserError, "RAT date"):
            dist.action_approve()
        self.assertEqual(dist.state, "computed")
        with self.assertRaisesRegex(ValidationError, "PDF, PNG or JPEG"):
            dist.minutes_file = base64.b64encode(b"MZ\x90\x00 not a document")
        dist.minutes_file = base64.b64encode(PNG_BYTES)
        dist.rat_date = datetime.date(YEAR + 1, 3, 20)
        with self.assertRaises(AccessError):
            dist.with_user(self.officer).action_approve()
        dist.with_user(self.manager).action_approve()
        self.assertEqual(dist.state, "approved")

    def test_no_recompute_after_approval(self):
        dist = self._approved()
        shares = dist.member_line_ids.mapped("amount")
        with self.assertRaisesRegex(UserError, "cannot be recomputed"):
            dist.action_compute()
        self.assertEqual(dist.member_line_ids.mapped("amount"), shares)
        with self.assertRaises(UserError):
            dist.unlink()

    def test_post_and_pay(self):
        dist = self._approved()
        dist.with_user(self.manager).action_post()
        self.assertEqual(dist.state, "posted")
        move = dist.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, datetime.date(YEAR + 1, 3, 20))
        self.assertEqual(move.amount_total, 10000000)
        reserve = dist.allocation_line_ids.filtered(lambda a: a.kind == "reserve")
        reserve_line = move.line_ids.filtered(
            lambda line: line.account_id == reserve._get_account()
        )
        self.assertEqual(reserve_line.credit, 6000002)
        payable = dist._get_members_payable_account()
        self.assertEqual(
            sum(
                move.line_ids.filtered(lambda line: line.account_id == payable).mapped(
                    "credit"
                )
            ),
            1999998,
        )
        # Posting twice is refused and posts nothing more.
        with self.assertRaisesRegex(UserError, "already posted"):
            dist.action_post()
        self.assertEqual(dist.move_id, move)
        # Payment in cash, once.
        dist.with_user(self.manager).action_pay()
        self.assertEqual(dist.state, "paid")
        self.assertTrue(all(dist.member_line_ids.mapped("paid")))
        payment = dist.member_line_ids.payment_move_id
        # One payment per member paid, each the member's SHU out of cash.
        self.assertEqual(len(payment), len(dist.member_line_ids))
        self.assertEqual(set(payment.mapped("state")), {"posted"})
        self.assertTrue(all(payment.mapped("origin_payment_id")))
        self.assertEqual(sum(payment.mapped("amount_total")), 1999998)
        for line in dist.member_line_ids:
            debit = line.payment_move_id.line_ids.filtered("debit")
            self.assertEqual(debit.account_id, payable)
            self.assertEqual(debit.partner_id, line.member_id.partner_id)
            self.assertEqual(debit.debit, line.amount)
        payable_balance = sum(
            self.env["account.move.line"]
            .search([("account_id", "=", payable.id), ("parent_state", "=", "posted")])
            .mapped("balance")
        )
        self.assertEqual(payable_balance, 0.0)
        with self.assertRaisesRegex(UserError, "Only a posted SHU"):
            dist.action_pay()
        self.assertFalse(dist._pay_member_shu(dist.member_line_ids))
        self.assertEqual(dist.member_line_ids.payment_move_id, payment)

    def test_pay_by_bank_matches_statement_lines(self):
        bank = self.env["account.journal"].create(
            {"name": "Bank SHU", "code": "SHUB", "type": "bank"}
        )
        dist = self._approved()
        dist.payment_journal_id = bank
        dist.with_user(self.manager).action_post()
        payable = dist._get_members_payable_account()
        dist.with_user(self.manager).action_pay()
        self.assertEqual(dist.state, "paid")
        lines = dist.member_line_ids
        payments = lines.payment_move_id.origin_payment_id
        self.assertEqual(len(payments), len(lines))
        for line in lines:
            payment = line.payment_move_id.origin_payment_id
            self.assertEqual(payment.payment_type, "outbound")
            self.assertEqual(payment.journal_id, bank)
            self.assertEqual(payment.partner_id, line.member_id.partner_id)
            self.assertEqual(payment.amount, line.amount)
            move_lines = payment.move_id.line_ids
            self.assertEqual(len(move_lines), 2)
            credit = move_lines.filtered("credit")
            debit = move_lines.filtered("debit")
            self.assertEqual(credit.account_id, payment.outstanding_account_id)
            self.assertNotEqual(credit.account_id, bank.default_account_id)
            self.assertEqual(credit.credit, line.amount)
            self.assertEqual(debit.account_id, payable)
            self.assertEqual(debit.debit, line.amount)
            self.assertFalse(payment.is_matched)
        payment = lines[0].payment_move_id.origin_payment_id
        self._match(self._statement_line(payment, -payment.amount), payment)
        self.assertEqual(payment.state, "paid")

    def test_post_before_approval_refused(self):
        dist = self._distribution()
        dist.action_compute()
        with self.assertRaisesRegex(UserError, "approved by the RAT"):
            dist.action_post()
        self.assertFalse(dist.move_id)

    def test_only_membership_base(self):
        """The membership hook gives the capital held at a date, which the
        distribution reads at every month-end."""
        base = self.env["koperasi.member"]._get_shu_base(
            self.member_b,
            datetime.date(YEAR, 1, 1),
            datetime.date(YEAR, 5, 31),
        )
        self.assertEqual(base[self.member_b.id]["capital"], 100000)
        dist = self._distribution()
        bases = dist._get_member_bases(self.member_b | self.member_c)
        self.assertEqual(bases[self.member_b.id][0], 1900000)
        self.assertEqual(bases[self.member_c.id][0], 600000)
