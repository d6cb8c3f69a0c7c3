from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import (
    add_working_days,
    count_working_days,
    detect_file_type,
    format_letter_number,
    median,
)
from .common import EXE_BYTES, PDF_BYTES, PNG_BYTES


@tagged("post_install", "-at_install")
class TestWorkingDays(BaseCase):
    def test_add_working_days_skips_weekend(self):
        # Wednesday 2026-11-25 + 7 working days: Thu, Fri, Mon..Fri -> Fri 12-04
        self.assertEqual(add_working_days(date(2026, 11, 25), 7), date(2026, 12, 4))
        # Friday + 1 working day is Monday
        self.assertEqual(add_working_days(date(2026, 11, 27), 1), date(2026, 11, 30))
        # Saturday + 1 working day is Monday
        self.assertEqual(add_working_days(date(2026, 11, 28), 1), date(2026, 11, 30))
        self.assertEqual(add_working_days(date(2026, 11, 28), 0), date(2026, 11, 28))

    def test_add_working_days_skips_holidays(self):
        # Idul Fitri 2026-03-20 (Fri) and 2026-03-21 (Sat): submitted Wed 03-18,
        # 7 working days: Thu 19, Mon 23 .. Fri 27, Mon 30 -> 2026-03-30
        holidays = {date(2026, 3, 20), date(2026, 3, 21)}
        self.assertEqual(
            add_working_days(date(2026, 3, 18), 7, holidays), date(2026, 3, 30)
        )
        self.assertEqual(add_working_days(date(2026, 3, 18), 7), date(2026, 3, 27))
        with self.assertRaises(ValueError):
            add_working_days(date(2026, 3, 18), -1)

    def test_count_working_days(self):
        holidays = {date(2026, 12, 25)}
        # Mon 12-21 -> Mon 12-28: Tue, Wed, Thu, (Fri holiday), Mon = 4
        self.assertEqual(
            count_working_days(date(2026, 12, 21), date(2026, 12, 28), holidays), 4
        )
        self.assertEqual(count_working_days(date(2026, 12, 21), date(2026, 12, 28)), 5)
        self.assertEqual(count_working_days(date(2026, 12, 28), date(2026, 12, 21)), 0)
        self.assertEqual(count_working_days(date(2026, 12, 21), date(2026, 12, 21)), 0)

    def test_median(self):
        self.assertEqual(median([]), 0.0)
        self.assertEqual(median([3, 1, 2]), 2.0)
        self.assertEqual(median([4, 1, 2, 3]), 2.5)


@tagged("post_install", "-at_install")
class TestLetterNumberAndUploads(BaseCase):
    def test_domain_pattern(self):
        self.assertEqual(
            format_letter_number(None, "500.3", 123, "DKUPP", 2026),
            "500.3/0123/DKUPP/2026",
        )
        self.assertEqual(
            format_letter_number(
                "{unit}-{number:03d}/{classification}/{year}", "470", 7, "DK", 2027
            ),
            "DK-007/470/2027",
        )

    def test_bad_pattern_and_number(self):
        with self.assertRaises(ValueError):
            format_letter_number("{classification}/{nomor}", "500.3", 1, "DK", 2026)
        with self.assertRaises(ValueError):
            format_letter_number(None, "500.3", 0, "DK", 2026)

    def test_detect_file_type(self):
        self.assertEqual(detect_file_type(PDF_BYTES), "application/pdf")
        self.assertEqual(detect_file_type(PNG_BYTES), "image/png")
        self.assertEqual(detect_file_type(b"\xff\xd8\xff\xe0JFIF"), "image/jpeg")
        self.assertIsNone(detect_file_type(EXE_BYTES))
        self.assertIsNone(detect_file_type(b""))
        self.assertIsNone(detect_file_type(PNG_BYTES, allowed=("application/pdf",)))
