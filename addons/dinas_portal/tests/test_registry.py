from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PDF_BYTES, PNG_BYTES, DinasPortalCommon


@tagged("post_install", "-at_install")
class TestRegistry(DinasPortalCommon):
    def test_cron_flags_cooperatives_without_rat(self):
        Cooperative = self.env["dinas.cooperative"]
        recent, old, never = Cooperative.create(
            [
                {"name": "Kop RAT 2024", "last_rat_year": 2024},
                {"name": "Kop RAT 2023", "last_rat_year": 2023},
                {"name": "Kop Tanpa RAT"},
            ]
        )
        with freeze_time("2026-11-25"):
            flagged = Cooperative._cron_flag_without_rat()
        self.assertIn(old, flagged)
        self.assertIn(never, flagged)
        self.assertNotIn(recent, flagged)
        self.assertEqual(recent.status, "active")
        self.assertEqual(old.status, "inactive")
        self.assertEqual(never.status, "inactive")

    def test_warning_letter(self):
        self.cooperative.with_user(self.staff).action_send_warning_letter()
        self.assertTrue(self.cooperative.warning_sent_date)
        message = self.cooperative.message_ids[:1]
        self.assertIn("RAT", message.subject or message.body)
        self.assertIn(self.member.partner_id, message.partner_ids)

    def test_rat_report_from_portal_updates_last_year(self):
        self.cooperative.status = "inactive"
        Report = self.env["dinas.rat.report"].with_user(self.member)
        report = Report._create_from_portal(
            self.cooperative,
            {
                "year": "2026",
                "date_held": "2026-02-14",
                "members_attending": "210",
                "surplus": "150000000",
            },
            ("rat_2026.pdf", PDF_BYTES),
        )
        self.assertEqual(self.cooperative.last_rat_year, 2026)
        self.assertEqual(self.cooperative.status, "active")
        self.assertEqual(report.surplus, 150_000_000)
        # an older report does not lower the last RAT year
        Report._create_from_portal(
            self.cooperative,
            {"year": "2024", "date_held": "2024-03-01", "members_attending": "180"},
        )
        self.assertEqual(self.cooperative.last_rat_year, 2026)
        with self.assertRaises(ValidationError):
            Report._create_from_portal(
                self.cooperative,
                {"year": "2026", "date_held": "2026-02-14", "members_attending": "1"},
            )
        with self.assertRaises(ValidationError):
            Report._create_from_portal(
                self.cooperative,
                {"year": "2025", "date_held": "2025-02-14", "members_attending": "1"},
                ("rat.pdf", PNG_BYTES),
            )
        with self.assertRaises(ValidationError):
            Report._create_from_portal(
                self.cooperative,
                {"year": "2025", "date_held": "2025-02-14", "members_attending": "-5"},
            )
        self.assertEqual(len(self.cooperative.rat_report_ids), 2)

    def test_import_template_loads(self):
        """The shipped CSV template imports through Odoo's import."""
        import csv
        import io

        from odoo.tools.misc import file_open

        with file_open(
            "dinas_portal/static/src/csv/dinas_cooperative_import_template.csv"
        ) as handle:
            rows = list(csv.reader(io.StringIO(handle.read())))
        result = self.env["dinas.cooperative"].load(rows[0], rows[1:])
        self.assertFalse(result["messages"], result["messages"])
        cooperative = self.env["dinas.cooperative"].browse(result["ids"])
        self.assertEqual(cooperative.cooperative_type, "ksp")
        self.assertEqual(cooperative.last_rat_year, 2025)
        self.assertTrue(self.env["dinas.cooperative"].get_import_templates())

    def test_profile_edit_from_portal(self):
        self.cooperative._write_from_portal(
            {
                "address": "Jl. Panglima Sudirman 1",
                "desa": "Kraksaan",
                "member_count": "320",
            }
        )
        self.assertEqual(self.cooperative.member_count, 320)
        with self.assertRaises(ValidationError):
            self.cooperative._write_from_portal({"member_count": "-1"})
        self.assertEqual(self.cooperative.member_count, 320)
