from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestAccessRights(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._create_member(
            "Anggota Portal", "3513104101800401", state="active", join_date="2020-01-01"
        )
        cls.other = cls._create_member(
            "Anggota Lain", "3513104101800402", state="active", join_date="2020-01-01"
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="kop_portal_member",
            name="Anggota Portal",
            groups="base.group_portal",
        )
        cls.member.partner_id = cls.portal_user.partner_id
        cls._create_dues(1)
        cls.payment = cls._pay(cls.member, "wajib", 25000)

    def test_supervisor_reads_but_changes_nothing(self):
        member = self.member.with_user(self.supervisor)
        self.assertEqual(member.capital_wajib, 25000.0)
        self.assertTrue(member.due_ids)
        with self.assertRaises(AccessError):
            member.write({"occupation": "Petani"})
        with self.assertRaises(AccessError):
            self.env["koperasi.member"].with_user(self.supervisor).create(
                {"partner_id": self.supervisor.partner_id.id, "nik": "3513104101800403"}
            )
        with self.assertRaises(AccessError):
            self.env["koperasi.capital.payment"].with_user(self.supervisor).create(
                {
                    "member_id": self.other.id,
                    "kind": "wajib",
                    "amount": 25000,
                    "journal_id": self.journal.id,
                }
            )
        with self.assertRaises(AccessError):
            self.payment.with_user(self.supervisor).action_cancel()
        with self.assertRaises(AccessError):
            self.other.with_user(self.supervisor).action_activate()
        with self.assertRaises(AccessError):
            self.env["koperasi.member.group"].with_user(self.supervisor).create(
                {"name": "Kelompok Baru"}
            )

    def test_officer_registers_payments_only(self):
        payment = self._pay(self.other, "wajib", 25000, user=self.officer)
        self.assertEqual(payment.state, "posted")
        with self.assertRaises(AccessError):
            payment.with_user(self.officer).unlink()
        with self.assertRaises(AccessError):
            self.other.with_user(self.officer).unlink()
        with self.assertRaises(AccessError):
            self.other.with_user(self.officer).action_activate()
        with self.assertRaises(AccessError):
            self.env["koperasi.member.settle"].with_user(self.officer).create(
                {"member_id": self.other.id, "journal_id": self.journal.id}
            )
        with self.assertRaises(AccessError):
            self.env["koperasi.capital.due"].with_user(self.officer).create(
                {
                    "member_id": self.other.id,
                    "kind": "wajib",
                    "period_date": "2001-01-01",
                    "amount": 25000,
                }
            )
        with self.assertRaises(AccessError):
            self.company.with_user(self.officer).koperasi_wajib_amount = 1

    def test_portal_sees_only_own(self):
        Member = self.env["koperasi.member"].with_user(self.portal_user)
        self.assertEqual(Member.search([]), self.member)
        Due = self.env["koperasi.capital.due"].with_user(self.portal_user)
        self.assertEqual(Due.search([]).member_id, self.member)
        Payment = self.env["koperasi.capital.payment"].with_user(self.portal_user)
        self.assertEqual(Payment.search([]), self.payment)
        with self.assertRaises(AccessError):
            self.other.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.member.with_user(self.portal_user).write({"occupation": "x"})
        with self.assertRaises(AccessError):
            Payment.create(
                {
                    "member_id": self.member.id,
                    "kind": "wajib",
                    "amount": 1000,
                    "journal_id": self.journal.id,
                }
            )

    def test_multi_company(self):
        company_b = self.env["res.company"].create({"name": "Koperasi Lain"})
        self.officer.write({"company_ids": [(4, company_b.id)]})
        member_b = (
            self.env["koperasi.member"]
            .with_company(company_b)
            .create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "B"}).id,
                    "nik": "3513104101800401",
                    "company_id": company_b.id,
                }
            )
        )
        # Same NIK in another cooperative is fine; not visible from company A.
        Member = self.env["koperasi.member"].with_user(self.officer)
        found = Member.with_context(allowed_company_ids=[self.company.id]).search(
            [("nik", "=", "3513104101800401")]
        )
        self.assertEqual(found, self.member)
        with self.assertRaises(AccessError):
            member_b.with_user(self.officer).with_context(
                allowed_company_ids=[self.company.id]
            ).read(["name"])
