from unittest.mock import patch

from odoo import api
from odoo.tests import tagged

from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestCapitalBank(KoperasiMembershipCommon):
    """Capital paid by bank transfer is an Odoo payment a statement matches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bank = cls.env["account.journal"].create(
            {"name": "Bank Modal", "code": "KOPB", "type": "bank"}
        )
        cls.siti = cls._create_member(
            "Siti Transfer", "3513104101800201", state="active", join_date="2020-01-01"
        )
        cls.umi = cls._create_member(
            "Umi Transfer", "3513104101800202", state="active", join_date="2020-01-01"
        )

    def _draft(self, member, amount):
        return self.env["koperasi.capital.payment"].create(
            {
                "member_id": member.id,
                "kind": "pokok",
                "amount": amount,
                "journal_id": self.bank.id,
                "date": self.today,
            }
        )

    def test_bank_payment_matches_statement_line(self):
        capital = self._draft(self.siti, 100000)
        capital.with_user(self.officer).action_post()
        payment = capital.account_payment_id
        self.assertEqual(capital.state, "posted")
        self.assertEqual(capital.move_id, payment.move_id)
        self.assertEqual(payment.payment_type, "inbound")
        self.assertEqual(payment.journal_id, self.bank)
        lines = capital.move_id.line_ids
        debit = lines.filtered("debit")
        credit = lines.filtered("credit")
        self.assertEqual(debit.account_id, payment.outstanding_account_id)
        self.assertNotEqual(debit.account_id, self.bank.default_account_id)
        self.assertEqual(debit.debit, 100000)
        self.assertEqual(credit.account_id, self.company.koperasi_pokok_account_id)
        self.assertEqual(credit.credit, 100000)
        self.assertEqual(credit.partner_id, self.siti.partner_id)
        self.assertEqual(self.siti.capital_pokok, 100000.0)
        self.assertFalse(payment.is_matched)

        statement_line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank.id,
                "partner_id": self.siti.partner_id.id,
                "amount": 100000,
                "date": self.today,
                "payment_ref": payment.memo,
            }
        )
        liquidity, __, __ = payment._seek_for_lines()
        self.assertIn(
            liquidity,
            self.env["account.move.line"].search(
                statement_line._get_default_amls_matching_domain()
            ),
        )
        # Community has no matching widget: reconcile the way Odoo's own
        # statement line tests do.
        __, suspense, __ = statement_line.with_context(
            skip_account_move_synchronization=True
        )._seek_for_lines()
        suspense.account_id = liquidity.account_id
        (suspense + liquidity).reconcile()
        self.assertTrue(payment.is_matched)
        self.assertTrue(statement_line.is_reconciled)

    def test_batch_is_one_payment_create(self):
        drafts = self._draft(self.siti, 100000) | self._draft(self.umi, 60000)
        original = self.registry["account.payment"].create
        calls = []

        @api.model_create_multi
        def create(model, vals_list):
            calls.append(len(vals_list))
            return original(model, vals_list)

        with patch.object(self.registry["account.payment"], "create", create):
            drafts.action_post()
        self.assertEqual(calls, [2])
        self.assertEqual(drafts.mapped("state"), ["posted", "posted"])
        self.assertEqual(drafts.mapped("account_payment_id.amount"), [100000, 60000])
        self.assertEqual(drafts.move_id, drafts.account_payment_id.move_id)
        self.assertEqual(self.umi.capital_pokok, 60000.0)
