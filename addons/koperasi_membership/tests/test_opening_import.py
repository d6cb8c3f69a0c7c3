import base64
import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import opening_xlsx
from .common import KoperasiMembershipCommon
from .common_opening import MEMBER_HEADERS, OpeningImportCase, opening_file


@tagged("post_install", "-at_install")
class TestOpeningImport(OpeningImportCase, KoperasiMembershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "general")], limit=1
        ):
            cls.env["account.journal"].create(
                {"name": "Umum", "code": "UMUM", "type": "general"}
            )
        cls.existing = cls._create_member(
            "Anggota Lama", "3513104101800901", state="active", join_date="2019-01-01"
        )
        cls.good_rows = [
            [
                "3513104101800911",
                "Siti Saldo",
                datetime.date(2020, 1, 15),
                "Kelompok Lele",
                "081234567801",
                "Jl. Mawar 1",
                "Probolinggo",
                100000,
                600000,
            ],
            [
                "3513104101800912",
                "Budi Saldo",
                "01/03/2021",
                "",
                "",
                "",
                "",
                "50000",
                "",
            ],
            [
                "3513104101800913",
                "Rina Saldo",
                "2022-07-01",
                "",
                "",
                "",
                "",
                0,
                0,
            ],
            # Already a member: skipped.
            ["3513104101800901", "Anggota Lama", "2019-01-01", "", "", "", "", 1, 1],
        ]

    def test_dry_run_lists_problems_and_writes_nothing(self):
        rows = [
            *self.good_rows[:1],
            ["12345", "NIK Pendek", "2020-01-01", "", "", "", "", 0, 0],
            [3513104101800921, "NIK Angka", "2020-01-01", "", "", "", "", 0, 0],
            ["3513104101800922", "Minus", "2020-01-01", "", "", "", "", -5000, 0],
            ["3513104101800923", "Huruf", "2020-01-01", "", "", "", "", 0, "abc"],
            [
                "3513104101800924",
                "Kelompok",
                "2020-01-01",
                "Tidak Ada",
                "",
                "",
                "",
                0,
                0,
            ],
            ["3513104101800911", "Ganda", "2020-01-01", "", "", "", "", 0, 0],
            ["3513104101800925", "Nanti", "2027-01-01", "", "", "", "", 0, 0],
        ]
        content = opening_file({"Anggota": (MEMBER_HEADERS, rows)})
        models = [
            "koperasi.member",
            "res.partner",
            "koperasi.capital.payment",
            "koperasi.capital.due",
            "account.move",
        ]
        before = self._counts(models)
        wizard = self._wizard(content, user=self.manager)
        wizard.action_check()
        self.assertEqual(self._counts(models), before)
        problems = self._problems(wizard)
        # Data rows start on row 5 (title, note, a blank row, headers above).
        self.assertEqual(
            set(problems),
            {
                ("Anggota", 6, "NIK"),
                ("Anggota", 7, "NIK"),
                ("Anggota", 8, "Pokok Paid"),
                ("Anggota", 9, "Wajib Paid"),
                ("Anggota", 10, "Member Group"),
                ("Anggota", 11, "NIK"),
                ("Anggota", 12, "Join Date"),
            },
        )
        self.assertIn("16 digits", problems[("Anggota", 6, "NIK")])
        self.assertIn("as text", problems[("Anggota", 7, "NIK")])
        self.assertIn("negative", problems[("Anggota", 8, "Pokok Paid")])
        self.assertIn("not a number", problems[("Anggota", 9, "Wajib Paid")])
        self.assertIn("row 5", problems[("Anggota", 11, "NIK")])
        self.assertEqual(wizard.problem_count, 7)
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self._counts(models), before)

    def test_import_and_import_again(self):
        content = opening_file({"Anggota": (MEMBER_HEADERS, self.good_rows)})
        since = self._last_move_id()
        rat = self.env["koperasi.rat.report"].create(
            {"year": self.OPENING.year, "company_id": self.company.id}
        )
        received = {
            kind: rat._get_rat_data()[f"{kind}_received"] for kind in ("pokok", "wajib")
        }
        wizard = self._wizard(content, user=self.manager)
        wizard.action_check()
        self.assertFalse(wizard.problem_ids)
        self.assertEqual(wizard.state, "checked")
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        Member = self.env["koperasi.member"]
        siti = Member.search([("nik", "=", "3513104101800911")])
        budi = Member.search([("nik", "=", "3513104101800912")])
        rina = Member.search([("nik", "=", "3513104101800913")])
        self.assertEqual((siti | budi | rina).mapped("state"), ["active"] * 3)
        self.assertTrue(siti.member_number)
        self.assertEqual(siti.member_group_id, self.group_lele)
        self.assertEqual(siti.phone, "081234567801")
        self.assertEqual(budi.join_date, datetime.date(2021, 3, 1))
        self.assertEqual((siti.capital_pokok, siti.capital_wajib), (100000, 600000))
        self.assertEqual((budi.capital_pokok, budi.capital_wajib), (50000, 0))
        self.assertEqual(rina.capital_total, 0)
        # Budi still owes half of his pokok, Rina all of it; Siti owes nothing.
        self.assertEqual(budi.arrears_amount, 50000)
        self.assertEqual(rina.arrears_amount, 100000)
        self.assertEqual(siti.arrears_amount, 0)
        payments = (siti | budi).payment_ids
        self.assertEqual(len(payments), 3)
        self.assertTrue(all(payments.mapped("is_opening")))
        self.assertEqual(set(payments.mapped("state")), {"posted"})
        self.assertEqual(
            self.existing.payment_ids, self.env["koperasi.capital.payment"]
        )
        # One opening entry for the capital, totals equal to the file's.
        moves = self._opening_moves(since)
        self.assertEqual(len(moves), 1)
        self.assertEqual(payments.move_id, moves)
        self._check_entry(
            moves,
            {
                self.company._koperasi_get_account("pokok"): 150000.0,
                self.company._koperasi_get_account("wajib"): 600000.0,
            },
        )
        # The year's RAT pack counts no opening capital as received in it.
        self.assertEqual(
            {
                kind: rat._get_rat_data()[f"{kind}_received"]
                for kind in ("pokok", "wajib")
            },
            received,
        )
        # An opening payment is not cancelled alone (it would reverse all).
        with self.assertRaises(UserError):
            payments[:1].with_user(self.manager).action_cancel()
        # The same file again: nothing new.
        models = [
            "koperasi.member",
            "res.partner",
            "koperasi.capital.payment",
            "koperasi.capital.due",
            "account.move",
        ]
        before = self._counts(models)
        again = self._wizard(content, user=self.manager)
        again.action_import()
        self.assertEqual(self._counts(models), before)
        self.assertIn("already imported (skipped): 4", again.summary)
        # Another cooperative sees none of it.
        company_b = self.env["res.company"].create(
            {"name": "Koperasi Lain", "currency_id": self.currency.id}
        )
        board_b = mail_new_test_user(
            self.env,
            login="kop_manager_b",
            groups="koperasi_membership.group_koperasi_manager",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        self.assertFalse(
            self.env["koperasi.member"]
            .with_user(board_b)
            .search([("nik", "in", ["3513104101800911", "3513104101800912"])])
        )
        self.assertFalse(
            self.env["koperasi.capital.payment"]
            .with_user(board_b)
            .search([("is_opening", "=", True)])
        )
        with self.assertRaises(AccessError):
            self._wizard(content, user=board_b)

    def test_import_into_another_company_of_the_user(self):
        company_b = self.env["res.company"].create(
            {"name": "Koperasi Cabang", "currency_id": self.currency.id}
        )
        self.manager.company_ids = [(4, company_b.id)]
        self.env["account.journal"].create(
            {
                "name": "Umum Cabang",
                "code": "UMCB",
                "type": "general",
                "company_id": company_b.id,
            }
        )
        partner = self.env["res.partner"].create({"name": "Anggota Cabang"})
        self.env["koperasi.member"].create(
            {
                "partner_id": partner.id,
                "nik": "3513104101800911",
                "company_id": company_b.id,
                "state": "active",
            }
        )
        content = opening_file({"Anggota": (MEMBER_HEADERS, self.good_rows[:1])})
        # The manager works in the first company and imports into the other.
        wizard = self._wizard(content, user=self.manager, company=company_b)
        wizard.action_check()
        self.assertFalse(wizard.problem_ids, wizard.summary)
        self.assertIn("Members already imported (skipped): 1", wizard.summary)

    def test_template_round_trip(self):
        wizard = self._wizard(False, user=self.manager)
        action = wizard.action_download_template()
        self.assertIn("field=template_file", action["url"])
        content = base64.b64decode(wizard.template_file)
        sheets = opening_xlsx.read_workbook(
            content,
            {
                "members": {
                    "names": {"anggota"},
                    "anchor": "nik",
                    "columns": {
                        "nik": {"nik"},
                        "pokok": {opening_xlsx.normalise("Pokok Paid")},
                    },
                }
            },
        )
        self.assertEqual(
            [values for __, values in sheets["members"]["rows"]],
            [{"nik": "3513010101900001", "pokok": 100000}],
        )
        wizard.file = base64.b64encode(content)
        wizard.action_check()
        # The example member is valid (the other addons' sheets refer to
        # products of their own).
        self.assertFalse(
            wizard.problem_ids.filtered(lambda p: p.sheet == "Anggota"), wizard.summary
        )

    def test_refuses_what_is_not_xlsx(self):
        wizard = self._wizard(base64.b64encode(b"NIK;Nama\n1;2\n"), user=self.manager)
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            wizard.action_check()

    def test_only_the_board_imports(self):
        content = opening_file({"Anggota": (MEMBER_HEADERS, self.good_rows)})
        for user in (self.officer, self.supervisor):
            with self.assertRaises(AccessError):
                self._wizard(content, user=user)
        wizard = self._wizard(content, user=self.manager)
        with self.assertRaises(AccessError):
            wizard.with_user(self.officer).action_import()

    def test_teller_cannot_forge_an_opening_payment(self):
        member = self._create_member(
            "Anggota Teller", "3513104101800931", state="active", join_date="2020-01-01"
        )
        Payment = self.env["koperasi.capital.payment"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Payment.create(
                {
                    "member_id": member.id,
                    "kind": "pokok",
                    "amount": 100000,
                    "journal_id": self.journal.id,
                    "is_opening": True,
                }
            )
        payment = self._pay(member, "pokok", 100000, user=self.officer)
        with self.assertRaises(AccessError):
            payment.with_user(self.officer).write({"is_opening": True})
        self.assertFalse(payment.is_opening)
