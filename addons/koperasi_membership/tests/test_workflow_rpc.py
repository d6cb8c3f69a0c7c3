"""Board-only steps of the register and of share capital hold over RPC:
a teller's plain ORM calls cannot post, cancel, activate or renumber."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestMembershipWorkflowOverRpc(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.siti = cls._create_member(
            "Siti Rpc", "3513104101800801", state="active", join_date="2025-01-10"
        )
        cls.candidate = cls._create_member("Calon Rpc", "3513104101800802")

    def test_teller_cannot_create_a_posted_capital_payment(self):
        Payment = self.env["koperasi.capital.payment"].with_user(self.officer)
        for context in ({}, {"koperasi_workflow": True}):
            with self.assertRaises(AccessError):
                Payment.with_context(**context).create(
                    {
                        "member_id": self.siti.id,
                        "kind": "wajib",
                        "amount": 25000,
                        "journal_id": self.journal.id,
                        "state": "posted",
                    }
                )
        self.assertEqual(self.siti.capital_wajib, 0)

    def test_posted_payment_is_frozen_and_cancelled_only_by_the_board(self):
        payment = self._pay(self.siti, "pokok", 100000, user=self.officer)
        as_teller = payment.with_user(self.officer)
        with self.assertRaises(AccessError):
            as_teller.write({"amount": 1})
        with self.assertRaises(AccessError):
            as_teller.write({"state": "cancelled"})
        with self.assertRaises(AccessError):
            as_teller.action_cancel()
        self.assertEqual(payment.state, "posted")
        self.assertEqual(self.siti.capital_pokok, 100000)
        payment.with_user(self.manager).action_cancel()
        self.assertEqual(payment.state, "cancelled")
        self.assertEqual(self.siti.capital_pokok, 0)

    def test_teller_cannot_change_the_register_by_write(self):
        as_teller = self.candidate.with_user(self.officer)
        for vals in (
            {"state": "active"},
            {"member_number": "AGT-99999"},
            {"card_token": "chosen-by-the-teller"},
            {"exit_date": "2026-01-01"},
        ):
            with self.assertRaises(AccessError):
                as_teller.write(vals)
        with self.assertRaises(AccessError):
            self.siti.with_user(self.officer).action_suspend()
        self.assertEqual(self.candidate.state, "candidate")
        self.assertEqual(self.siti.state, "active")
        # The teller registers candidates: number and token are the register's.
        member = (
            self.env["koperasi.member"]
            .with_user(self.officer)
            .create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "Baru"}).id,
                    "nik": "3513104101800803",
                }
            )
        )
        self.assertEqual(member.state, "candidate")
        self.assertTrue(member.member_number.startswith("AGT-"))
        self.assertGreaterEqual(len(member.sudo().card_token), 43)
        with self.assertRaises(AccessError):
            self.env["koperasi.member"].with_user(self.officer).create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "X"}).id,
                    "nik": "3513104101800804",
                    "state": "active",
                }
            )

    def test_member_numbers_run_per_cooperative(self):
        other = self.env["res.company"].create({"name": "Koperasi Kedua"})
        first = self.env["koperasi.member"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "B1"}).id,
                "nik": "3513104101800805",
                "company_id": other.id,
            }
        )
        second = self.env["koperasi.member"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "B2"}).id,
                "nik": "3513104101800806",
                "company_id": other.id,
            }
        )
        self.assertEqual(first.member_number, "AGT-00001")
        self.assertEqual(second.member_number, "AGT-00002")
        here = self.env["koperasi.member"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "A"}).id,
                "nik": "3513104101800807",
            }
        )
        # The main cooperative keeps its own counter: no number is used twice.
        self.assertEqual(
            self.env["koperasi.member"].search_count(
                [
                    ("member_number", "=", here.member_number),
                    ("company_id", "=", here.company_id.id),
                ]
            ),
            1,
        )

    def test_rat_pack_of_another_cooperative_is_refused(self):
        other = self.env["res.company"].create({"name": "Koperasi Tetangga"})
        self.env["koperasi.member"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Rahasia Tetangga", "company_id": other.id})
                .id,
                "nik": "3513104101800808",
                "company_id": other.id,
            }
        )
        Wizard = self.env["koperasi.rat.report"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Wizard.create({"company_id": other.id, "year": 2025})
        wizard = Wizard.create({"year": 2025})
        with self.assertRaises(AccessError):
            wizard.write({"company_id": other.id})
        self.assertEqual(wizard.company_id, self.company)
