"""A second Dinas office in the same database: its own request numbers,
letter numbers and holidays."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DinasPortalCommon


@tagged("post_install", "-at_install")
class TestSecondDinas(DinasPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Dinas Koperasi Uji B"})
        cls.company_b.partner_id.tz = "Asia/Jakarta"
        (cls.head | cls.member).write({"company_ids": [(4, cls.company_b.id)]})
        cls.env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company_b.id])
        )
        cls.type_b = cls.env_b["dinas.letter.type"].create(
            {
                "name": "Surat Pengantar B",
                "code": "pengantar",
                "classification_code": "500.3",
                "unit_code": "DKB",
                "sla_days": 1,
                "company_id": cls.company_b.id,
            }
        )
        # A holiday of office B only: Thursday 2 July 2026.
        cls.env_b["dinas.holiday"].create(
            {"name": "Libur B", "date": "2026-07-02", "company_id": cls.company_b.id}
        )

    def test_numbers_and_holidays_per_office(self):
        with freeze_time("2026-07-01 02:00:00"):
            letter_a = self._portal_request(self.member)
            letter_b = (
                self.env_b["dinas.letter.request"]
                .with_user(self.member)
                ._create_from_portal(
                    self.member.partner_id,
                    {
                        "letter_type_id": self.type_b.id,
                        "purpose": "Modal",
                        "addressee": "Bank",
                    },
                )
            ).with_env(self.env)
        self.assertEqual(letter_b.company_id, self.company_b)
        self.assertTrue(letter_b.name.endswith("00001"), letter_b.name)
        self.assertNotEqual(letter_a.name, letter_b.name)
        # B's holiday moves B's deadline only.
        self.assertEqual(letter_b.deadline_date, date(2026, 7, 3))
        with freeze_time("2026-07-03 02:00:00"):
            letter_b.with_user(self.head).with_company(self.company_b).action_approve()
            letter_b.with_user(self.head).with_company(self.company_b).action_issue()
        self.assertEqual(letter_b.number, "500.3/0001/DKB/2026")
        self.assertEqual(letter_b.processing_days, 1)
        self.assertFalse(letter_b.sla_breached)
