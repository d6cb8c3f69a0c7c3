from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KoperasiMembershipCommon


@tagged("post_install", "-at_install")
class TestMember(KoperasiMembershipCommon):
    def test_member_number_assigned(self):
        member = self._create_member("Siti", "3513104101800099")
        self.assertTrue(member.member_number)
        self.assertEqual(member.state, "candidate")

    def test_nik_must_be_16_digits(self):
        for nik in ("123", "35131041018000991", "35131041018000ab"):
            with self.subTest(nik=nik), self.assertRaises(ValidationError):
                self._create_member("Bad NIK", nik)

    @mute_logger("odoo.sql_db")
    def test_nik_unique_per_company(self):
        self._create_member("Siti", "3513104101800098")
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._create_member("Siti Kembar", "3513104101800098")

    def test_supervisor_cannot_write(self):
        member = self._create_member("Siti", "3513104101800097")
        with self.assertRaises(AccessError):
            member.with_user(self.supervisor).write({"join_date": "2026-01-01"})
