from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
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

    def test_backend_forms(self):
        """The officer registers a member and a payment through the views."""
        member_form = Form(self.env["koperasi.member"].with_user(self.officer))
        member_form.partner_id = self.env["res.partner"].create({"name": "Lewat Form"})
        member_form.nik = "3513104101800096"
        member_form.gender = "female"
        member_form.member_group_id = self.group_lele
        member = member_form.save()
        self.assertEqual(member.state, "candidate")
        self.assertEqual(member.name, "Lewat Form")
        action = member.with_user(self.officer).action_register_payment()
        self.assertEqual(action["context"]["default_kind"], "pokok")
        self.assertEqual(action["context"]["default_amount"], 100000.0)
        payment_form = Form(
            self.env["koperasi.capital.payment"]
            .with_user(self.officer)
            .with_context(**action["context"])
        )
        payment = payment_form.save()
        payment.action_post()
        self.assertEqual(member.capital_pokok, 100000.0)
        for model, view_types in (
            ("koperasi.member", ["list", "kanban", "pivot", "graph", "search"]),
            ("koperasi.capital.due", ["list", "pivot", "search", "form"]),
            ("koperasi.capital.payment", ["list", "search"]),
        ):
            views = self.env[model].get_views([(False, vt) for vt in view_types])
            self.assertEqual(set(views["views"]), set(view_types))
