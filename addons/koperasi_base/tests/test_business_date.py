import datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from ..tools.business_date import (
    business_date,
    business_day_bounds,
    business_now,
    business_today,
)


@tagged("post_install", "-at_install")
class TestBusinessDate(TransactionCase):
    """The business date is the company's, not the acting user's or the
    server's, at the hours where they differ."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Jakarta"
        cls.papua = cls.env["res.company"].create({"name": "Koperasi Jayapura"})
        cls.papua.partner_id.tz = "Asia/Jayapura"
        cls.user = cls.env["res.users"].create(
            {
                "name": "Pengurus di Brussel",
                "login": "kop_base_brussels",
                "tz": "Europe/Brussels",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, (cls.company | cls.papua).ids)],
            }
        )
        cls.partner = cls.env["res.partner"].create({"name": "Anggota"})

    def test_first_hours_of_the_month_in_jakarta(self):
        # 23:30 UTC on 31 March is 06:30 WIB on 1 April.
        with freeze_time("2026-03-31 23:30:00"):
            env = self.env(user=self.user)
            self.assertEqual(
                business_today(env["res.partner"]), datetime.date(2026, 4, 1)
            )
            self.assertEqual(
                business_now(self.company), datetime.datetime(2026, 4, 1, 6, 30)
            )

    def test_last_hour_of_the_day_in_jakarta(self):
        # 16:30 UTC is 23:30 WIB the same day, already tomorrow in Papua (WIT).
        with freeze_time("2026-03-31 16:30:00"):
            self.assertEqual(business_today(self.company), datetime.date(2026, 3, 31))
            self.assertEqual(business_today(self.papua), datetime.date(2026, 4, 1))
        with freeze_time("2026-03-31 17:00:00"):
            self.assertEqual(business_today(self.company), datetime.date(2026, 4, 1))

    def test_record_company_decides(self):
        with freeze_time("2026-03-31 16:30:00"):
            env = self.env(user=self.user)
            self.assertEqual(
                business_today(env["res.company"].browse(self.papua.id)),
                datetime.date(2026, 4, 1),
            )
            mixed = self.company | self.papua
            with self.assertRaises(ValueError):
                business_today(mixed)

    def test_unset_or_unknown_timezone_is_jakarta(self):
        self.papua.partner_id.tz = False
        with freeze_time("2026-03-31 17:30:00"):
            self.assertEqual(business_today(self.papua), datetime.date(2026, 4, 1))
        with freeze_time("2026-03-31 16:30:00"):
            self.assertEqual(business_today(self.papua), datetime.date(2026, 3, 31))

    def test_stored_timestamps_and_day_bounds(self):
        self.assertEqual(
            business_date(self.company, datetime.datetime(2026, 3, 31, 23, 30)),
            datetime.date(2026, 4, 1),
        )
        self.assertFalse(business_date(self.company, False))
        start, end = business_day_bounds(self.company, datetime.date(2026, 4, 1))
        self.assertEqual(start, datetime.datetime(2026, 3, 31, 17, 0))
        self.assertEqual(end, datetime.datetime(2026, 4, 1, 17, 0))

    def test_portal_users_and_visitors_get_it_too(self):
        portal = self.env["res.users"].create(
            {
                "name": "Anggota Portal",
                "login": "kop_base_portal",
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        public = self.env.ref("base.public_user")
        with freeze_time("2026-03-31 17:30:00"):
            for user in (portal, public):
                records = self.env(user=user)["res.partner"]
                self.assertEqual(business_today(records), datetime.date(2026, 4, 1))
