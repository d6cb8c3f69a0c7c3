"""Month-end interest and overdue loans follow the cooperative's day, not UTC
and not the acting user's timezone (Honolulu, UTC-10, here)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KoperasiLoanCommon

# 23:30 UTC on the last day of a month is 06:30 WIB on the first;
# 16:30 UTC is 23:30 WIB, still the last day in Probolinggo.


@tagged("post_install", "-at_install")
class TestBusinessDate(KoperasiLoanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Jakarta"
        (cls.manager | cls.officer).write({"tz": "Pacific/Honolulu"})

    def _cron(self, model):
        return self.env[model].with_user(self.manager).sudo()

    def test_month_end_interest_on_the_first_morning(self):
        self._deposit(self.account, 1000000, day=date(2026, 2, 1))
        with freeze_time("2026-03-31 23:30:00"):
            self._cron("koperasi.savings.account")._cron_post_monthly_interest()
        # 1 April in Probolinggo: March's interest is posted, dated 31 March.
        self.assertEqual(self.account.interest_period, "2026-03")
        interest = self.account.transaction_ids.filtered(lambda t: t.type == "interest")
        self.assertEqual(max(interest.mapped("date")), date(2026, 3, 31))

    def test_month_end_interest_on_the_last_evening(self):
        self._deposit(self.account, 1000000, day=date(2026, 2, 1))
        with freeze_time("2026-03-31 16:30:00"):
            self._cron("koperasi.savings.account")._cron_post_monthly_interest()
        # Still 31 March in Probolinggo: only February is over.
        self.assertEqual(self.account.interest_period, "2026-02")

    def test_loan_becomes_overdue_on_the_first_morning(self):
        loan = self._disbursed(day=date(2025, 12, 31))
        first = loan.line_ids.sorted("sequence")[0]
        self.assertEqual(first.due_date, date(2026, 1, 31))
        with freeze_time("2026-01-31 16:30:00"):
            self._cron("koperasi.loan")._cron_daily_overdue()
            first.invalidate_recordset(["status"])
            self.assertEqual(first.with_user(self.officer).status, "due")
        self.assertEqual(loan.days_past_due, 0)
        self.assertEqual(loan.overdue_run_date, date(2026, 1, 31))
        with freeze_time("2026-01-31 23:30:00"):
            self._cron("koperasi.loan")._cron_daily_overdue()
            first.invalidate_recordset(["status"])
            self.assertEqual(first.with_user(self.officer).status, "overdue")
        self.assertEqual(loan.days_past_due, 1)
        self.assertEqual(loan.overdue_run_date, date(2026, 2, 1))
