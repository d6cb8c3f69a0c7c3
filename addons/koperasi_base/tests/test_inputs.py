import datetime

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..tools import inputs

FULL_WIDTH = "\uff13\uff15\uff11\uff13" * 4
ARABIC_INDIC = "\u0663\u0665\u0661\u0663" * 4


@tagged("post_install", "-at_install")
class TestInputs(TransactionCase):
    """One test per rule of the parsing helpers every controller uses."""

    def assertRefused(self, parse, *args, **kwargs):
        with self.assertRaises(ValidationError):
            parse(self.env, *args, **kwargs)

    def test_text_refuses_control_characters_and_length(self):
        self.assertEqual(inputs.clean_text(self.env, "  Siti Aminah "), "Siti Aminah")
        self.assertEqual(
            inputs.clean_text(self.env, "baris 1\r\nbaris 2", multiline=True),
            "baris 1\nbaris 2",
        )
        for value in ("a\x00b", "\x1b[31m", "a\u202eb", "baris\nbaru"):
            self.assertRefused(inputs.clean_text, value)
        self.assertRefused(inputs.clean_text, "A" * 201, max_length=200)
        self.assertRefused(inputs.clean_text, "", required=True)
        self.assertEqual(inputs.printable("a\x00b\u202ec"), "abc")

    def test_integers_and_ids_are_ascii_and_bounded(self):
        self.assertEqual(inputs.parse_int(self.env, "12", minimum=1, maximum=24), 12)
        self.assertEqual(inputs.parse_int(self.env, 12.0, maximum=24), 12)
        self.assertIsNone(inputs.parse_id(self.env, ""))
        for value in (
            "\uff11\uff12",
            "\u0661\u0662",
            "1e3",
            "nan",
            str(10**20),
            "9" * 40,
            12.5,
        ):
            self.assertRefused(inputs.parse_int, value, maximum=10**6)
        self.assertRefused(inputs.parse_id, "0")
        self.assertRefused(inputs.parse_id, str(2**31))
        self.assertEqual(inputs.parse_ids(self.env, "1,2, 3"), [1, 2, 3])
        self.assertRefused(inputs.parse_ids, "1,x")

    def test_amounts_are_finite_and_within_the_currency_range(self):
        for value, expected in (
            ("150000", 150000.0),
            ("1.000.000", 1000000.0),
            ("Rp 25.000", 25000.0),
            ("12,50", 12.5),
            (2500000, 2500000.0),
        ):
            self.assertEqual(inputs.parse_amount(self.env, value), expected)
        for value in (
            "nan",
            "inf",
            "-inf",
            "1e30",
            str(10**20),
            "\uff11\uff10",
            float("nan"),
            float("inf"),
            1e30,
            "-5",
        ):
            self.assertRefused(inputs.parse_amount, value)

    def test_measures_are_bounded(self):
        self.assertEqual(inputs.parse_float(self.env, "27,5", 0, 50), 27.5)
        for value in ("1e40", "nan", "51", "-1", float("inf")):
            self.assertRefused(inputs.parse_float, value, 0, 50)

    def test_dates_and_years_are_sane(self):
        self.assertEqual(
            inputs.parse_date(self.env, "2026-01-15"), datetime.date(2026, 1, 15)
        )
        for value in (
            "0000-00-00",
            "9999-12-31",
            "2026-02-30",
            "15/01/2026",
            "\uff12\uff10\uff12\uff16-01-01",
        ):
            self.assertRefused(inputs.parse_date, value)
        self.assertEqual(inputs.parse_year(self.env, "2025"), 2025)
        for value in ("0", "-1", "10000", str(10**20)):
            self.assertRefused(inputs.parse_year, value)

    def test_identity_numbers_are_ascii_digits_of_their_length(self):
        inputs.check_identity(self.env, "nik", "3513104101800999")
        inputs.check_identity(self.env, "nib", "9120101234501")
        inputs.check_identity(self.env, "nik_koperasi", "3513160001000000")
        for kind, value in (
            ("nik", FULL_WIDTH),
            ("nik", ARABIC_INDIC),
            ("nik", "351310410180099"),
            ("nib", "912010123450"),
            ("nik_koperasi", "3513160001"),
        ):
            with self.assertRaises(ValidationError):
                inputs.check_identity(self.env, kind, value)

    def test_tokens_are_url_safe_ascii(self):
        self.assertEqual(inputs.clean_token("abc-DEF_123"), "abc-DEF_123")
        for value in (FULL_WIDTH, "a b", "a\x00", "", "x" * 200):
            self.assertIsNone(inputs.clean_token(value))
