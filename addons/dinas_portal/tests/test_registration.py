from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import DinasPortalCommon


@tagged("post_install", "-at_install")
class TestRegistration(DinasPortalCommon):
    def _registration(self, **values):
        vals = {
            "name": "Koperasi Produsen Tahu Uji",
            "applicant_type": "cooperative",
            "contact_name": "Slamet Riyadi",
            "email": "slamet@tahu-uji.example.com",
            "nik_koperasi": "3513888001000000",
            "cooperative_type": "producer",
            "kecamatan": "Dringu",
        }
        vals.update(values)
        return self.env["dinas.registration"].create(vals)

    def test_approve_invites_portal_user_linked_to_registry(self):
        registration = self._registration()
        registration.with_user(self.staff).action_approve()
        self.assertEqual(registration.state, "approved")
        user = registration.user_id
        self.assertTrue(user)
        self.assertTrue(user._is_portal())
        self.assertEqual(user.login, "slamet@tahu-uji.example.com")
        cooperative = registration.cooperative_id
        self.assertEqual(cooperative.nik_koperasi, "3513888001000000")
        self.assertEqual(cooperative.cooperative_type, "producer")
        self.assertEqual(cooperative.partner_id, registration.partner_id)
        self.assertEqual(user.partner_id.commercial_partner_id, cooperative.partner_id)
        # the invitation to choose a password is prepared
        self.assertEqual(user.partner_id.signup_type, "signup")
        # the new member sees its own cooperative and can request letters
        self.assertEqual(
            self.env["dinas.cooperative"].with_user(user).search([]), cooperative
        )
        letter = self._portal_request(user)
        self.assertEqual(letter.cooperative_id, cooperative)
        with self.assertRaises(UserError):
            registration.with_user(self.staff).action_approve()

    def test_approve_links_existing_msme(self):
        msme = self.env["dinas.msme"].create(
            {"name": "Tempe Uji", "nib": "9120007770000"}
        )
        registration = self._registration(
            applicant_type="msme",
            name="Tempe Uji",
            nib="9120007770000",
            nik_koperasi=False,
            email="tempe@uji.example.com",
        )
        registration.action_approve()
        self.assertEqual(registration.msme_id, msme)
        self.assertEqual(msme.partner_id, registration.partner_id)

    def test_reject_requires_reason_and_mails(self):
        registration = self._registration()
        with self.assertRaises(UserError):
            registration.with_user(self.staff).action_reject()
        self.assertEqual(registration.state, "submitted")
        registration.reject_reason = "NIK Koperasi tidak terdaftar"
        registration.with_user(self.staff).action_reject()
        self.assertEqual(registration.state, "rejected")
        self.assertFalse(registration.user_id)
        mail = self.env["mail.mail"].search(
            [("email_to", "=", "slamet@tahu-uji.example.com")], limit=1
        )
        self.assertIn("NIK Koperasi tidak terdaftar", mail.body_html)

    def test_bad_registrations(self):
        with self.assertRaises(ValidationError):
            self._registration(email="bukan-email")
        with self.assertRaises(ValidationError):
            self._registration(nik_koperasi=False, legal_number=False)
        with self.assertRaises(ValidationError):
            self._registration(applicant_type="msme", nib=False)
        registration = self._registration()
        with self.assertRaises(AccessError):
            registration.with_user(self.member).action_approve()
        self.assertEqual(registration.state, "submitted")
        # an e-mail already used by a user cannot be invited twice
        registration.action_approve()
        duplicate = self._registration(nik_koperasi="3513888002000000")
        with self.assertRaises(UserError):
            duplicate.action_approve()
        self.assertEqual(duplicate.state, "submitted")
