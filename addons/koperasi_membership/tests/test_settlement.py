from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.koperasi_member import KoperasiMember
from .common import KoperasiMembershipCommon
from .common_payment import StatementMatchMixin


@tagged("post_install", "-at_install")
class TestSettlement(StatementMatchMixin, KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._create_member(
            "Keluar Anggota", "3513104101800301", state="active", join_date="2020-01-01"
        )
        cls._pay(cls.member, "pokok", 100000)
        cls._create_dues(5)
        cls._pay(cls.member, "wajib", 75000)

    def _settle(self, user=None, journal=None):
        wizard_form = Form(
            self.env["koperasi.member.settle"]
            .with_user(user or self.manager)
            .with_context(default_member_id=self.member.id)
        )
        wizard_form.exit_reason = "Pindah domisili"
        if journal:
            wizard_form.journal_id = journal
        wizard = wizard_form.save()
        return wizard, wizard.action_settle()

    def test_settlement_amounts(self):
        self.assertEqual(self.member.arrears_amount, 50000.0)
        with (
            patch.object(
                KoperasiMember,
                "_get_settlement_deductions",
                lambda self, exit_date=None: [
                    {"name": "Sisa pinjaman", "amount": 30000.0}
                ],
            ),
            patch.object(
                KoperasiMember,
                "_get_settlement_credits",
                lambda self, exit_date=None: [
                    {"name": "Simpanan sukarela", "amount": 12000.0}
                ],
            ),
        ):
            wizard, _action = self._settle()
        # 100,000 + 75,000 - 50,000 - 30,000 + 12,000
        self.assertEqual(wizard.refund_amount, 107000.0)
        move = self.member.settlement_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.amount_total, 187000.0)
        cash = move.line_ids.filtered(
            lambda line: line.account_id == self.journal.default_account_id
        )
        self.assertEqual(cash.credit, 107000.0)
        # The refund is a posted payment, booked on the drawer at once.
        payment = move.origin_payment_id
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.amount, 107000.0)
        self.assertEqual(payment.outstanding_account_id, cash.account_id)
        self.assertEqual(self.member.state, "resigned")
        self.assertEqual(self.member.exit_date, self.today)
        self.assertEqual(self.member.exit_reason, "Pindah domisili")
        self.assertEqual(self.member.capital_total, 0.0)
        self.assertEqual(self.member.arrears_amount, 0.0)
        dues = self.member.due_ids.filtered(lambda d: d.state == "cancelled")
        self.assertEqual(len(dues), 2)

    def test_bank_refund_is_a_payment_matching_the_statement(self):
        bank = self.env["account.journal"].create(
            {"name": "Bank Keluar", "code": "KELB", "type": "bank"}
        )
        self._settle(journal=bank)
        move = self.member.settlement_move_id
        payment = move.origin_payment_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(payment.payment_type, "outbound")
        self.assertEqual(payment.journal_id, bank)
        self.assertEqual(payment.partner_id, self.member.partner_id)
        # 100,000 pokok + 75,000 wajib - 50,000 unpaid dues withheld
        self.assertEqual(payment.amount, 125000.0)
        balances = {}
        for line in move.line_ids:
            balances[line.account_id] = balances.get(line.account_id, 0) + line.balance
        outstanding = payment.outstanding_account_id
        self.assertNotEqual(outstanding, bank.default_account_id)
        self.assertEqual(
            balances,
            {
                outstanding: -125000.0,
                self.company._koperasi_get_account("pokok"): 100000.0,
                self.company._koperasi_get_account("wajib"): 75000.0,
                self.company._koperasi_get_account("settlement"): -50000.0,
            },
        )
        self.assertEqual(self.member.capital_total, 0.0)
        self.assertFalse(payment.is_matched)
        self._match(self._statement_line(payment, -125000.0), payment)
        self.assertEqual(payment.state, "paid")

    def test_balance_owed_by_the_member_is_received(self):
        with patch.object(
            KoperasiMember,
            "_get_settlement_deductions",
            lambda self, exit_date=None: [
                {"name": "Sisa pinjaman", "amount": 200000.0}
            ],
        ):
            wizard, _action = self._settle()
        # 100,000 + 75,000 - 50,000 - 200,000: the member pays 75,000 in.
        self.assertEqual(wizard.refund_amount, -75000.0)
        payment = self.member.settlement_move_id.origin_payment_id
        self.assertEqual(payment.payment_type, "inbound")
        self.assertEqual(payment.amount, 75000.0)
        cash = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == self.journal.default_account_id
        )
        self.assertEqual(cash.debit, 75000.0)
        settlement = payment.move_id.line_ids.filtered(
            lambda line: (
                line.account_id == self.company._koperasi_get_account("settlement")
            )
        )
        self.assertEqual(sum(settlement.mapped("balance")), -250000.0)

    def test_no_more_dues_after_exit(self):
        self._settle()
        Due = self.env["koperasi.capital.due"]
        count = len(self.member.due_ids)
        Due._create_wajib_dues(self.company, self.this_period.replace(year=2099))
        self.member.invalidate_recordset()
        self.assertEqual(len(self.member.due_ids), count)

    def test_settle_twice_refused(self):
        self._settle()
        move = self.member.settlement_move_id
        with self.assertRaisesRegex(UserError, "already settled"):
            self._settle()
        self.assertEqual(self.member.settlement_move_id, move)
        self.assertEqual(
            self.env["account.move"].search_count(
                [("partner_id", "=", self.member.partner_id.id)]
            ),
            3,
        )

    def test_officer_cannot_settle(self):
        with self.assertRaises(AccessError):
            self._settle(user=self.officer)
        self.assertEqual(self.member.state, "active")
        self.assertFalse(self.member.settlement_move_id)

    def test_shu_base_after_exit(self):
        self._settle()
        base = self.env["koperasi.member"]._get_shu_base(
            self.member, "2020-01-01", self.today
        )
        self.assertEqual(base[self.member.id]["capital"], 0.0)
