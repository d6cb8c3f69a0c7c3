"""A letter's service level runs on the Dinas's day (WIB), whatever the hour
in UTC and whatever the staff member's own timezone (Honolulu, UTC-10)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DinasPortalCommon


@tagged("post_install", "-at_install")
class TestBusinessDate(DinasPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Jakarta"
        (cls.staff | cls.head).write({"tz": "Pacific/Honolulu"})
        cls.letter_type.sla_days = 1

    def test_submitted_on_the_last_evening(self):
        # 16:30 UTC on Tuesday 30 June 2026 is 23:30 WIB the same Tuesday.
        with freeze_time("2026-06-30 16:30:00"):
            letter = self._portal_request(self.member)
        self.assertEqual(letter.deadline_date, date(2026, 7, 1))
        # 23:30 UTC on Wednesday 1 July is 06:30 WIB on Thursday 2 July.
        with freeze_time("2026-07-01 23:30:00"):
            letter.invalidate_recordset(["is_overdue"])
            self.assertTrue(letter.with_user(self.staff).is_overdue)
            letter.with_user(self.head).action_approve()
            letter.with_user(self.head).action_issue()
        self.assertEqual(letter.issue_date, date(2026, 7, 2))
        self.assertEqual(letter.processing_days, 2)
        self.assertTrue(letter.sla_breached)

    def test_submitted_on_the_first_morning(self):
        # 23:30 UTC on Tuesday 30 June is 06:30 WIB on Wednesday 1 July.
        with freeze_time("2026-06-30 23:30:00"):
            letter = self._portal_request(self.member)
        self.assertEqual(letter.deadline_date, date(2026, 7, 2))
        # 16:30 UTC on Thursday 2 July is 23:30 WIB the same day: not late yet.
        with freeze_time("2026-07-02 16:30:00"):
            letter.invalidate_recordset(["is_overdue"])
            self.assertFalse(letter.with_user(self.staff).is_overdue)
            letter.with_user(self.head).action_approve()
            letter.with_user(self.head).action_issue()
        self.assertEqual(letter.issue_date, date(2026, 7, 2))
        self.assertEqual(letter.processing_days, 1)
        self.assertFalse(letter.sla_breached)
