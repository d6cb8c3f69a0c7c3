import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_shu import YEAR, KoperasiShuCommon

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestShuSavingsPayment(KoperasiShuCommon):
    """SHU 2020 (members A 1,180,327, B 622,950, C 196,721) paid on savings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.savings_accounting = KoperasiSavingsCommon._create_accounting(
            cls.env, "KSHS"
        )
        cls.product = KoperasiSavingsCommon._create_product(
            cls.env, cls.savings_accounting, name="Sukarela SHU", kind="sukarela"
        )
        cls.account_a = cls._open_account(cls.member_a)
        cls.account_b = cls._open_account(cls.member_b)
        cls.account_a.deposit(
            50000,
            payment_journal=cls.savings_accounting["cash_journal"],
            date=datetime.date(YEAR, 2, 1),
        )
        cls.distribution = cls._approved()
        cls.distribution.action_post()
        cls.lines = {line.member_id: line for line in cls.distribution.member_line_ids}

    @classmethod
    def _open_account(cls, member):
        return cls.env["koperasi.savings.account"].create(
            {
                "member_id": member.id,
                "product_id": cls.product.id,
                "open_date": datetime.date(YEAR, 1, 1),
            }
        )

    def _shu_transactions(self):
        return self.env["koperasi.savings.transaction"].search(
            [("shu_member_line_id", "in", self.distribution.member_line_ids.ids)]
        )

    def _payable_balance(self):
        payable = self.distribution._get_members_payable_account()
        [(balance,)] = self.env["account.move.line"]._read_group(
            [("account_id", "=", payable.id), ("parent_state", "=", "posted")],
            [],
            ["balance:sum"],
        )
        return balance

    def test_pay_to_savings(self):
        self._open_account(self.member_c)
        self.assertEqual(self.distribution.payment_method, "cash")
        self.assertEqual(self._payable_balance(), -1999998)
        self.distribution.payment_method = "savings"
        self.distribution.action_pay()
        self.assertEqual(self.distribution.state, "paid")
        self.assertEqual(self.account_a.balance, 50000 + 1180327)
        self.assertEqual(self.account_b.balance, 622950)
        account_c = self.member_c.savings_account_ids
        self.assertEqual(account_c.balance, 196721)
        transactions = self._shu_transactions()
        self.assertEqual(len(transactions), 3)
        self.assertEqual(set(transactions.mapped("type")), {"deposit"})
        self.assertEqual(set(transactions.mapped("state")), {"posted"})
        lines = self.distribution.member_line_ids
        self.assertTrue(all(lines.mapped("paid")))
        move = lines.payment_move_id
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.amount_total, 1999998)
        # The payable of the allocation entry is settled, the savings
        # liability holds the members' SHU.
        self.assertEqual(self._payable_balance(), 0)
        liability = move.line_ids.filtered(
            lambda line: line.account_id == self.savings_accounting["liability"]
        )
        self.assertEqual(sum(liability.mapped("credit")), 1999998)
        self.assertEqual(
            liability.partner_id,
            (self.member_a | self.member_b | self.member_c).partner_id,
        )

    def test_pay_twice_posts_nothing(self):
        self._open_account(self.member_c)
        self.distribution.payment_method = "savings"
        self.distribution.action_pay()
        moves = self.env["account.move"].search_count([])
        again = self.distribution._pay_member_shu(self.distribution.member_line_ids)
        self.assertFalse(again)
        with self.assertRaises(UserError):
            self.distribution.action_pay()
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(len(self._shu_transactions()), 3)
        self.assertEqual(self.account_a.balance, 50000 + 1180327)

    def test_member_without_sukarela_account(self):
        self.distribution.payment_method = "savings"
        moves = self.env["account.move"].search_count([])
        with self.assertRaisesRegex(UserError, self.member_c.name):
            self.distribution.action_pay()
        self.assertEqual(self.distribution.state, "posted")
        self.assertFalse(any(self.distribution.member_line_ids.mapped("paid")))
        self.assertFalse(self._shu_transactions())
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(self.account_a.balance, 50000)
        self.assertEqual(self._payable_balance(), -1999998)

    def test_cash_payment_unchanged(self):
        self.distribution.action_pay()
        self.assertEqual(self.distribution.state, "paid")
        self.assertFalse(self._shu_transactions())
        self.assertEqual(self.account_a.balance, 50000)
        self.assertEqual(self.account_b.balance, 0)
        move = self.distribution.member_line_ids.payment_move_id
        self.assertEqual(move.journal_id.type, "cash")
        self.assertEqual(self._payable_balance(), 0)
