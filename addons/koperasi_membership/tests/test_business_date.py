"""The cooperative's day decides, at the hours where it differs from UTC
and from the acting user's timezone (Honolulu, UTC-10, for the board here)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KoperasiMembershipCommon

# 23:30 UTC on the last day of March is 06:30 WIB on 1 April;
# 16:30 UTC is 23:30 WIB, still 31 March in Probolinggo.
FIRST_MORNING_WIB = "2026-03-31 23:30:00"
LAST_EVENING_WIB = "2026-03-31 16:30:00"


@tagged("post_install", "-at_install")
class TestBusinessDate(KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Jakarta"
        (cls.manager | cls.officer).write({"tz": "Pacific/Honolulu"})
        cls.siti = cls._create_member(
            "Siti Tanggal", "3513104101800901", state="active", join_date="2025-01-10"
        )

    def _wajib_periods(self):
        return (
            self.env["koperasi.capital.due"]
            .search([("member_id", "=", self.siti.id), ("kind", "=", "wajib")])
            .mapped("period_date")
        )

    def test_wajib_period_of_the_first_morning(self):
        with freeze_time(FIRST_MORNING_WIB):
            self.env["koperasi.capital.due"].with_user(
                self.manager
            ).sudo()._cron_create_wajib_dues()
        self.assertEqual(self._wajib_periods(), [date(2026, 4, 1)])

    def test_wajib_period_of_the_last_evening(self):
        with freeze_time(LAST_EVENING_WIB):
            self.env["koperasi.capital.due"].with_user(
                self.manager
            ).sudo()._cron_create_wajib_dues()
        self.assertEqual(self._wajib_periods(), [date(2026, 3, 1)])

    def test_join_and_payment_dates_are_the_cooperatives(self):
        candidate = self._create_member("Calon Pagi", "3513104101800902")
        with freeze_time(FIRST_MORNING_WIB):
            payment = (
                self.env["koperasi.capital.payment"]
                .with_user(self.officer)
                .create(
                    {
                        "member_id": candidate.id,
                        "kind": "pokok",
                        "amount": 100000,
                        "journal_id": self.journal.id,
                    }
                )
            )
            payment.action_post()
            candidate.with_user(self.manager).action_activate()
        self.assertEqual(payment.date, date(2026, 4, 1))
        self.assertEqual(payment.move_id.date, date(2026, 4, 1))
        self.assertEqual(candidate.join_date, date(2026, 4, 1))
