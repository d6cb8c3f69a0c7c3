from functools import partial

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import KoperasiSavingsCommon


@tagged("post_install", "-at_install")
class TestConcurrentWithdrawals(TransactionCase):
    """Two withdrawals at the same moment, from two real database cursors."""

    def setUp(self):
        super().setUp()
        # The data must be committed for the other cursors to see it.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            accounts = KoperasiSavingsCommon._create_accounting(env, "KSLC")
            product = KoperasiSavingsCommon._create_product(
                env, accounts, name="Sukarela Bersamaan", min_balance=100000
            )
            partner = env["res.partner"].create({"name": "Anggota Bersamaan"})
            member = env["koperasi.member"].create(
                {"partner_id": partner.id, "nik": "3513010101909999", "state": "active"}
            )
            account = env["koperasi.savings.account"].create(
                {"member_id": member.id, "product_id": product.id}
            )
            account.deposit(1000000, payment_journal=accounts["cash_journal"])
            self.ids = {
                "account": account.id,
                "journal": accounts["cash_journal"].id,
                "product": product.id,
                "member": member.id,
                "partner": partner.id,
                "journals": (accounts["journal"] | accounts["cash_journal"]).ids,
                "accounts": [
                    accounts[key].id
                    for key in ("liability", "interest", "tax", "fee", "cash")
                ],
            }
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        ids = self.ids
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT move_id, payment_id FROM koperasi_savings_transaction "
                "WHERE account_id = %s",
                [ids["account"]],
            )
            rows = cr.fetchall()
            move_ids = [move_id for move_id, __ in rows if move_id]
            payment_ids = [payment_id for __, payment_id in rows if payment_id]
            cr.execute(
                "DELETE FROM koperasi_savings_transaction WHERE account_id = %s",
                [ids["account"]],
            )
            cr.execute("DELETE FROM account_payment WHERE id = ANY(%s)", [payment_ids])
            cr.execute(
                "DELETE FROM account_move_line WHERE move_id = ANY(%s)", [move_ids]
            )
            cr.execute("DELETE FROM account_move WHERE id = ANY(%s)", [move_ids])
            cr.execute(
                "DELETE FROM koperasi_savings_account WHERE id = %s", [ids["account"]]
            )
            cr.execute(
                "DELETE FROM koperasi_savings_product WHERE id = %s", [ids["product"]]
            )
            cr.execute("DELETE FROM koperasi_member WHERE id = %s", [ids["member"]])
            cr.execute(
                "DELETE FROM account_journal WHERE id = ANY(%s)", [ids["journals"]]
            )
            cr.execute(
                "DELETE FROM account_account WHERE id = ANY(%s)", [ids["accounts"]]
            )
            cr.execute("DELETE FROM res_partner WHERE id = %s", [ids["partner"]])

    def _withdraw(self, cr, amount):
        env = api.Environment(cr, SUPERUSER_ID, {})
        account = env["koperasi.savings.account"].browse(self.ids["account"])
        journal = env["account.journal"].browse(self.ids["journal"])
        return account.withdraw(amount, payment_journal=journal)

    def _balance(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["koperasi.savings.account"].browse(self.ids["account"]).balance

    @mute_logger("odoo.sql_db")
    def test_only_one_of_two_concurrent_withdrawals_succeeds(self):
        # 1,000,000 in the account, minimum balance 100,000: each withdrawal
        # of 600,000 is allowed alone, both together are not.
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._withdraw(cr1, 600000)  # holds the row lock, not committed yet
            with self.assertRaisesRegex(UserError, "Another transaction"):
                self._withdraw(cr2, 600000)
            cr1.commit()
            cr2.rollback()
            # Retried after the first one is committed: the balance is read
            # again and the minimum balance refuses it.
            with self.assertRaisesRegex(UserError, "minimum balance"):
                self._withdraw(cr2, 600000)
            cr2.rollback()
        self.assertEqual(self._balance(), 400000)

    def test_second_cursor_sees_the_committed_withdrawal(self):
        with self.registry.cursor() as cr1:
            self._withdraw(cr1, 300000)
        with self.registry.cursor() as cr2:
            self._withdraw(cr2, 500000)
            with self.assertRaisesRegex(UserError, "minimum balance"):
                self._withdraw(cr2, 200000)
        self.assertEqual(self._balance(), 200000)

    @mute_logger("odoo.sql_db", "odoo.service.model")
    def test_parallel_withdrawals_with_stale_snapshots(self):
        """20 withdrawals of 600,000 arrive together, as parallel requests do:
        each request's snapshot (its first read of the balance) is taken
        before any of them acts; then each withdraws through Odoo's own
        request retry and commits. Only one is allowed by the balance: the
        others are refused with a message, none overdraws."""
        count = 20
        cursors = [self.registry.cursor() for __ in range(count)]
        try:
            envs = [api.Environment(cr, SUPERUSER_ID, {}) for cr in cursors]
            seen = [
                env["koperasi.savings.account"].browse(self.ids["account"]).balance
                for env in envs
            ]
            self.assertEqual(set(seen), {1000000})  # every snapshot is stale
            outcomes = []
            for cr, env in zip(cursors, envs, strict=True):
                try:
                    retrying(partial(self._withdraw, cr, 600000), env)
                    outcomes.append("posted")
                except UserError as exc:
                    cr.rollback()
                    outcomes.append(str(exc))
        finally:
            for cr in cursors:
                cr.close()
        self.assertEqual(outcomes.count("posted"), 1, outcomes)
        for message in outcomes:
            self.assertRegex(message, "posted|minimum balance")
        self.assertEqual(self._balance(), 400000)
