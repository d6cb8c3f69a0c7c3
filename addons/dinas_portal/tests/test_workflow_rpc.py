"""Letters and the registry hold over RPC: Dinas staff acting through plain
ORM calls cannot issue a letter (with a token of their choosing) or move a
registered cooperative to a newcomer's account."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DinasPortalCommon


@tagged("post_install", "-at_install")
class TestDinasWorkflowOverRpc(DinasPortalCommon):
    def test_staff_cannot_forge_an_issued_letter(self):
        Letter = self.env["dinas.letter.request"].with_user(self.staff)
        with self.assertRaises(AccessError):
            Letter.create(
                {
                    "letter_type_id": self.letter_type.id,
                    "partner_id": self.member.partner_id.id,
                    "purpose": "Palsu",
                    "addressee": "Bank",
                    "state": "issued",
                    "number": "500.3/9999/DKUPP/2026",
                    "verification_token": "chosen-token-" + "x" * 40,
                }
            )
        letter = self._portal_request(self.member)
        for context in ({}, {"dinas_letter_pipeline": True}, {"koperasi_workflow": 1}):
            with self.assertRaises(AccessError):
                letter.with_user(self.staff).with_context(**context).write(
                    {
                        "state": "issued",
                        "verification_token": "chosen-token-" + "y" * 40,
                    }
                )
        self.assertEqual(letter.state, "submitted")
        Verify = self.env["dinas.letter.request"]
        self.assertFalse(Verify._get_by_verification_token("chosen-token-" + "x" * 40))
        self.assertFalse(Verify._get_by_verification_token("chosen-token-" + "y" * 40))
        # Staff review; issuing is the head's (officer) action.
        letter.with_user(self.staff).action_review()
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).action_issue()
        letter.with_user(self.head).action_approve()
        letter.with_user(self.head).action_issue()
        self.assertEqual(letter.state, "issued")
        self.assertEqual(
            Verify._get_by_verification_token(letter.sudo().verification_token), letter
        )

    def _takeover_registration(self):
        return self.env["dinas.registration"].create(
            {
                "name": "KPRI Uji Waluyo (baru)",
                "applicant_type": "cooperative",
                "contact_name": "Penyerobot",
                "email": "penyerobot@example.com",
                "nik_koperasi": self.cooperative.nik_koperasi,
                "cooperative_type": "ksp",
            }
        )

    def test_approval_never_takes_a_registered_cooperative(self):
        registration = self._takeover_registration()
        self.assertEqual(registration.existing_cooperative_id, self.cooperative)
        self.assertEqual(registration.existing_owner_id, self.member.partner_id)
        with self.assertRaisesRegex(UserError, "already registered"):
            registration.with_user(self.staff).action_approve()
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(self.cooperative.partner_id, self.member.partner_id)
        self.assertEqual(
            self.env["dinas.cooperative"].with_user(self.member).search([]),
            self.cooperative,
        )
        with self.assertRaises(AccessError):
            registration.with_user(self.staff).action_approve_handover()
        with self.assertRaises(AccessError):
            registration.with_user(self.staff).write({"state": "approved"})
        self.assertEqual(self.cooperative.partner_id, self.member.partner_id)

    def test_manager_hands_over_explicitly_with_a_trace(self):
        registration = self._takeover_registration()
        registration.with_user(self.admin).action_approve_handover()
        self.assertEqual(registration.state, "approved")
        self.assertEqual(self.cooperative.partner_id, registration.partner_id)
        trace = self.cooperative.message_ids.filtered(
            lambda message: "Handed over" in (message.body or "")
        )
        self.assertTrue(trace)
        self.assertIn(self.member.partner_id.name, trace[0].body)
