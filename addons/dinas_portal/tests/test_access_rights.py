from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DinasPortalCommon


@tagged("post_install", "-at_install")
class TestAccessRights(DinasPortalCommon):
    def test_portal_sees_only_own_requests(self):
        own = self._portal_request(self.member)
        other = self._portal_request(self.other_member)
        Letter = self.env["dinas.letter.request"]
        self.assertEqual(Letter.with_user(self.member).search([]), own)
        self.assertEqual(Letter.with_user(self.other_member).search([]), other)
        with self.assertRaises(AccessError):
            other.with_user(self.member).read(["purpose"])
        with self.assertRaises(AccessError):
            own.with_user(self.member).write({"purpose": "Diubah"})
        with self.assertRaises(AccessError):
            Letter.with_user(self.member).create(
                {
                    "letter_type_id": self.letter_type.id,
                    "partner_id": self.member.partner_id.id,
                    "addressee": "x",
                    "purpose": "x",
                }
            )
        with self.assertRaises(AccessError):
            own.with_user(self.member).unlink()

    def test_portal_registry_and_consultations(self):
        Cooperative = self.env["dinas.cooperative"]
        self.assertEqual(
            Cooperative.with_user(self.member).search([]), self.cooperative
        )
        self.assertFalse(Cooperative.with_user(self.other_member).search([]))
        with self.assertRaises(AccessError):
            self.cooperative.with_user(self.member).write({"status": "active"})
        private = self.env["dinas.consultation"]._create_from_website(
            {"name": "Modal", "question": "Bagaimana?", "is_private": True},
            partner=self.member.partner_id,
        )
        self.assertTrue(private.is_private)
        Consultation = self.env["dinas.consultation"]
        self.assertEqual(Consultation.with_user(self.member).search([]), private)
        self.assertFalse(Consultation.with_user(self.other_member).search([]))
        for model in ("dinas.registration", "dinas.guestbook", "dinas.holiday"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.member).search([])

    def test_staff_head_admin(self):
        # staff: registry yes, configuration no, deletion no
        self.env["dinas.cooperative"].with_user(self.staff).create({"name": "Kop Staf"})
        with self.assertRaises(AccessError):
            self.cooperative.with_user(self.staff).unlink()
        with self.assertRaises(AccessError):
            self.letter_type.with_user(self.staff).write({"sla_days": 3})
        with self.assertRaises(AccessError):
            self.letter_type.with_user(self.head).write({"sla_days": 3})
        with self.assertRaises(AccessError):
            self.env["dinas.holiday"].with_user(self.head).create(
                {"name": "Libur", "date": "2031-01-02"}
            )
        with self.assertRaises(AccessError):
            self.env["dinas.download.category"].with_user(self.staff).create(
                {"name": "Peraturan"}
            )
        # admin: configuration and content
        self.letter_type.with_user(self.admin).write({"sla_days": 5})
        self.assertEqual(self.letter_type.sla_days, 5)
        self.env["dinas.download.category"].with_user(self.admin).create(
            {"name": "Peraturan"}
        )
        # only the head signs and revokes
        letter = self._portal_request(self.member)
        letter.with_user(self.staff).action_review()
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).action_issue()
        letter.with_user(self.head).action_approve()
        letter.with_user(self.head).action_issue()
        self.assertEqual(letter.state, "issued")

    def test_internal_user_without_group_sees_nothing(self):
        from odoo.addons.mail.tests.common import mail_new_test_user

        employee = mail_new_test_user(
            self.env, login="dns_employee", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.env["dinas.letter.request"].with_user(employee).search([])
        with self.assertRaises(AccessError):
            self.env["dinas.cooperative"].with_user(employee).search([])
