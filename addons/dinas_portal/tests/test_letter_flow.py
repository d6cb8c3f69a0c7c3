from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EXE_BYTES, PDF_BYTES, DinasPortalCommon


@tagged("post_install", "-at_install")
class TestLetterFlow(DinasPortalCommon):
    def _mails_to(self, partner, letter):
        return self.env["mail.message"].search(
            [
                ("model", "=", "dinas.letter.request"),
                ("res_id", "=", letter.id),
                ("partner_ids", "in", partner.ids),
                ("message_type", "=", "comment"),
            ]
        )

    def test_full_pipeline_numbers_and_mails(self):
        letter = self._portal_request(self.member, purpose="Kredit modal kerja")
        self.assertEqual(letter.state, "submitted")
        self.assertEqual(letter.cooperative_id, self.cooperative)
        self.assertTrue(letter.name.startswith("PS/"))
        self.assertEqual(len(self._mails_to(self.member.partner_id, letter)), 1)

        letter.with_user(self.staff).action_review()
        self.assertEqual(letter.state, "review")
        self.assertEqual(letter.reviewer_id, self.staff)
        letter.with_user(self.head).action_approve()
        self.assertEqual(letter.state, "approved")
        letter.with_user(self.head).action_issue()
        self.assertEqual(letter.state, "issued")
        year = letter.issue_date.year
        self.assertEqual(letter.number, f"500.3/0001/DKUPP/{year}")
        self.assertEqual(letter.signatory_id, self.head)
        self.assertGreaterEqual(len(letter.sudo().verification_token), 43)
        # submitted, in review, approved, issued: one mail each
        self.assertEqual(len(self._mails_to(self.member.partner_id, letter)), 4)

        second = self._portal_request(self.member)
        second.with_user(self.head).action_approve()
        second.with_user(self.head).action_issue()
        self.assertEqual(second.number, f"500.3/0002/DKUPP/{year}")
        self.assertNotEqual(
            second.sudo().verification_token, letter.sudo().verification_token
        )

    def test_configurable_pattern(self):
        self.letter_type.number_pattern = "{unit}/{classification}/{number:05d}/{year}"
        letter = self._portal_request(self.member)
        letter.action_approve()
        letter.action_issue()
        self.assertEqual(letter.number, f"DKUPP/500.3/00001/{letter.issue_date.year}")
        with self.assertRaises(ValidationError):
            self.letter_type.number_pattern = "{classification}/{nomor}"

    def test_approve_not_submitted_is_refused(self):
        letter = self._portal_request(self.member)
        letter.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            letter.with_user(self.head).action_approve()
        letter.with_user(self.head).action_issue()
        with self.assertRaises(UserError):
            letter.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            letter.with_user(self.head).action_issue()
        rejected = self._portal_request(self.member)
        self.env["dinas.letter.request.reject"].with_user(self.staff).with_context(
            active_ids=rejected.ids
        ).create({"reason": "Data tidak lengkap"}).action_confirm()
        self.assertEqual(rejected.state, "rejected")
        self.assertEqual(rejected.reject_reason, "Data tidak lengkap")
        last_mail = self._mails_to(self.member.partner_id, rejected)[:1]
        self.assertIn("Data tidak lengkap", last_mail.body)
        with self.assertRaises(UserError):
            rejected.with_user(self.head).action_approve()
        self.assertEqual(rejected.state, "rejected")
        self.assertFalse(rejected.number)

    def test_staff_cannot_approve_issue_or_write_state(self):
        letter = self._portal_request(self.member)
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).action_approve()
        self.assertEqual(letter.state, "submitted")
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).write({"state": "issued"})
        with self.assertRaises(AccessError):
            letter.with_user(self.member).action_review()
        self.assertEqual(letter.state, "submitted")

    def test_revoke(self):
        letter = self._portal_request(self.member)
        letter.action_approve()
        letter.action_issue()
        wizard = (
            self.env["dinas.letter.request.revoke"]
            .with_user(self.head)
            .with_context(active_ids=letter.ids)
            .create({"reason": "Data koperasi tidak benar"})
        )
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).action_revoke()
        wizard.action_confirm()
        self.assertTrue(letter.revoked)
        last_mail = self._mails_to(self.member.partner_id, letter)[:1]
        self.assertIn("Data koperasi tidak benar", last_mail.body)
        self.assertIn(letter.number, last_mail.subject)
        self.assertEqual(letter.state, "issued")
        with self.assertRaises(UserError):
            letter.with_user(self.head).action_revoke()
        with self.assertRaises(UserError):
            letter.unlink()

    def test_bad_portal_input_changes_nothing(self):
        Letter = self.env["dinas.letter.request"]
        count = Letter.search_count([])
        with self.assertRaises(ValidationError):
            self._portal_request(self.member, purpose="  ")
        with self.assertRaises(ValidationError):
            self._portal_request(self.member, letter_type_id="abc")
        with self.assertRaises(ValidationError):
            Letter.with_user(self.member)._create_from_portal(
                self.member.partner_id,
                {
                    "letter_type_id": self.letter_type.id,
                    "purpose": "x",
                    "addressee": "y",
                    "state": "issued",
                },
            )
        with self.assertRaises(ValidationError):
            Letter.with_user(self.member)._create_from_portal(
                self.member.partner_id,
                {
                    "letter_type_id": self.letter_type.id,
                    "purpose": "x",
                    "addressee": "y",
                },
                [("virus.pdf", EXE_BYTES)],
            )
        with self.assertRaises(ValidationError):
            Letter.with_user(self.member)._create_from_portal(
                self.member.partner_id,
                {
                    "letter_type_id": self.letter_type.id,
                    "purpose": "x",
                    "addressee": "y",
                },
                [("big.pdf", PDF_BYTES + b"0" * (5 * 1024 * 1024))],
            )
        self.assertEqual(Letter.search_count([]), count)
        letter = Letter.with_user(self.member)._create_from_portal(
            self.member.partner_id,
            {"letter_type_id": self.letter_type.id, "purpose": "x", "addressee": "y"},
            [("akta.pdf", PDF_BYTES)],
        )
        self.assertEqual(letter.attachment_ids.mimetype, "application/pdf")

    def test_deadline_overdue_and_sla(self):
        Holiday = self.env["dinas.holiday"]
        if not Holiday.search_count([("date", "=", "2026-03-20")]):
            Holiday.create({"name": "Idul Fitri", "date": "2026-03-20"})
        with freeze_time("2026-03-18 02:00:00"):
            letter = self._portal_request(self.member)
            self.assertEqual(letter.submit_date, datetime(2026, 3, 18, 2, 0))
        self.assertEqual(str(letter.deadline_date), "2026-03-30")
        with freeze_time("2026-03-30 03:00:00"):
            letter.invalidate_recordset(["is_overdue"])
            self.assertFalse(letter.is_overdue)
        with freeze_time("2026-03-31 03:00:00"):
            letter.invalidate_recordset(["is_overdue"])
            self.assertTrue(letter.is_overdue)
            self.assertIn(
                letter,
                self.env["dinas.letter.request"].search([("is_overdue", "=", True)]),
            )
            letter.action_approve()
            letter.action_issue()
        self.assertTrue(letter.sla_breached)
        # 19, 23..27, 30, 31 March: 8 working days
        self.assertEqual(letter.processing_days, 8)
        self.assertFalse(letter.is_overdue)

    def test_new_holiday_moves_open_due_dates(self):
        with freeze_time("2031-06-02 02:00:00"):  # a Monday
            letter = self._portal_request(self.member)
        # 7 working days after Monday 2 June 2031: Wednesday 11 June
        self.assertEqual(str(letter.deadline_date), "2031-06-11")
        holiday = self.env["dinas.holiday"].create(
            {"name": "Hari Raya Uji", "date": "2031-06-05"}
        )
        self.assertEqual(str(letter.deadline_date), "2031-06-12")
        holiday.unlink()
        self.assertEqual(str(letter.deadline_date), "2031-06-11")

    def test_statistics(self):
        letter = self._portal_request(self.member)
        letter.action_approve()
        letter.action_issue()
        stats = self.env["dinas.letter.request"]._get_statistics(letter.issue_date.year)
        self.assertGreaterEqual(stats["issued_count"], 1)
        types = [line["letter_type"] for line in stats["per_month_type"]]
        self.assertIn(self.letter_type, types)

    def test_report_renders_number_and_qr(self):
        letter = self._portal_request(self.member)
        letter.with_user(self.head).action_approve()
        letter.with_user(self.head).action_issue()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("dinas_portal.action_report_dinas_letter", letter.ids)[0]
            .decode()
        )
        self.assertIn(letter.number, html)
        self.assertIn("data:image/png;base64,", html)
        self.assertIn(f"/dinas/verifikasi/{letter.sudo().verification_token}", html)
        self.assertIn(self.head.name, html)
