import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.koperasi_membership.tests.common_opening import (
    MEMBER_HEADERS,
    OpeningImportCase,
    opening_file,
)
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import KoperasiLoanCommon

SAVINGS_HEADERS = ["NIK", "Savings Product", "Account Number", "Balance", "Open Date"]
LOAN_HEADERS = [
    "NIK",
    "Loan Product",
    "Reference",
    "Principal Left",
    "Annual Rate (%)",
    "Remaining Term (months)",
    "Next Due Date",
]
NIK_A = "3513010101900101"
NIK_B = "3513010101900102"
MEMBER_NIK = "3513010101900001"
OTHER_NIK = "3513010101900002"
MODELS = [
    "koperasi.member",
    "koperasi.savings.account",
    "koperasi.savings.transaction",
    "koperasi.loan",
    "koperasi.loan.line",
    "account.move",
]


@tagged("post_install", "-at_install")
class TestOpeningImportSavingsLoan(OpeningImportCase, KoperasiLoanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members_sheet = (
            MEMBER_HEADERS,
            [
                [NIK_A, "Ani Saldo", "2020-01-15", "", "", "", "", 100000, 0],
                [NIK_B, "Bayu Saldo", "2021-02-01", "", "", "", "", 0, 0],
            ],
        )
        cls.good_file = opening_file(
            {
                "Anggota": cls.members_sheet,
                "Simpanan": (
                    SAVINGS_HEADERS,
                    [
                        [NIK_A, "Sukarela Uji", "", 1500000, ""],
                        [NIK_A, "berjangka uji", "", 2000000, "2026-04-01"],
                        [OTHER_NIK, "Berjangka Uji", "BJ-LAMA-1", 3000000, ""],
                        # The member already has this account: skipped.
                        [MEMBER_NIK, "Sukarela Uji", "", 999, ""],
                        [NIK_B, "Sukarela Uji", "", 0, ""],
                    ],
                ),
                "Pinjaman": (
                    LOAN_HEADERS,
                    [
                        [
                            NIK_A,
                            "Pinjaman Efektif",
                            "PJ-LAMA-1",
                            6000000,
                            12,
                            6,
                            datetime.date(2026, 7, 31),
                        ],
                        [
                            MEMBER_NIK,
                            "pinjaman efektif",
                            "PJ-LAMA-2",
                            "2.400.000",
                            "",
                            12,
                            "2026-07-15",
                        ],
                    ],
                ),
            }
        )

    def test_dry_run_lists_problems_and_writes_nothing(self):
        content = opening_file(
            {
                "Anggota": self.members_sheet,
                "Simpanan": (
                    SAVINGS_HEADERS,
                    [
                        [NIK_A, "Tabungan Haji", "", 1000, ""],
                        ["3513010101909999", "Sukarela Uji", "", 1000, ""],
                        [NIK_B, "Sukarela Uji", "", -1000, ""],
                        [NIK_A, "Sukarela Uji", "", 1000, ""],
                        [NIK_A, "Sukarela Uji", "", 2000, ""],
                    ],
                ),
                "Pinjaman": (
                    LOAN_HEADERS,
                    [
                        [NIK_A, "Pinjaman Efektif", "X1", 1000000, 12, 6, "2026-07-01"],
                        [NIK_A, "Pinjaman Efektif", "X1", 1000000, 12, 6, "2026-07-01"],
                        [NIK_A, "Pinjaman Efektif", "X2", 0, 12, 6, "2026-07-01"],
                        [NIK_A, "Pinjaman Emas", "X3", 1000000, 12, 6, "2026-07-01"],
                        [
                            NIK_A,
                            "Pinjaman Efektif",
                            "X4",
                            1000000,
                            12,
                            "abc",
                            "2026-07-01",
                        ],
                        [NIK_A, "Pinjaman Efektif", "X5", 1000000, 12, 6, "31/02/2026"],
                    ],
                ),
            }
        )
        before = self._counts(MODELS)
        wizard = self._wizard(content, user=self.manager)
        wizard.action_check()
        self.assertEqual(self._counts(MODELS), before)
        problems = self._problems(wizard)
        self.assertEqual(
            set(problems),
            {
                ("Simpanan", 5, "Savings Product"),
                ("Simpanan", 6, "NIK"),
                ("Simpanan", 7, "Balance"),
                ("Simpanan", 9, "Savings Product"),
                ("Pinjaman", 6, "Reference"),
                ("Pinjaman", 7, "Principal Left"),
                ("Pinjaman", 8, "Loan Product"),
                ("Pinjaman", 9, "Remaining Term (months)"),
                ("Pinjaman", 10, "Next Due Date"),
            },
        )
        self.assertIn(
            "Unknown savings product", problems[("Simpanan", 5, "Savings Product")]
        )
        self.assertIn("No member", problems[("Simpanan", 6, "NIK")])
        self.assertIn("negative", problems[("Simpanan", 7, "Balance")])
        self.assertIn("row 8", problems[("Simpanan", 9, "Savings Product")])
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self._counts(MODELS), before)

    def test_import_and_import_again(self):
        since = self._last_move_id()
        wizard = self._wizard(self.good_file, user=self.manager)
        wizard.action_check()
        self.assertFalse(wizard.problem_ids, wizard.summary)
        wizard.action_import()
        Member = self.env["koperasi.member"]
        ani = Member.search([("nik", "=", NIK_A)])
        bayu = Member.search([("nik", "=", NIK_B)])
        self.assertEqual(ani.capital_pokok, 100000)
        # Savings: the file's balances, one opening transaction each.
        Account = self.env["koperasi.savings.account"]
        ani_sukarela = Account.search(
            [("member_id", "=", ani.id), ("product_id", "=", self.sukarela.id)]
        )
        ani_berjangka = Account.search(
            [("member_id", "=", ani.id), ("product_id", "=", self.berjangka.id)]
        )
        other_berjangka = Account.search(
            [
                ("member_id", "=", self.other_member.id),
                ("product_id", "=", self.berjangka.id),
            ]
        )
        bayu_sukarela = Account.search([("member_id", "=", bayu.id)])
        self.assertEqual(ani_sukarela.balance, 1500000)
        self.assertEqual(ani_berjangka.balance, 2000000)
        self.assertEqual(ani_berjangka.maturity_date, datetime.date(2026, 7, 1))
        self.assertEqual(other_berjangka.name, "BJ-LAMA-1")
        self.assertEqual(other_berjangka.balance, 3000000)
        self.assertEqual(bayu_sukarela.balance, 0)
        self.assertEqual(self.account.balance, 0)
        self.assertEqual(ani_sukarela.interest_period, "2026-05")
        opening = ani_sukarela.transaction_ids
        self.assertEqual(opening.mapped("type"), ["opening"])
        self.assertEqual(opening.state, "posted")
        with self.assertRaises(UserError):
            opening.with_user(self.manager).action_reverse()
        # Loans: disbursed, the rest of the schedule from the file's terms.
        Loan = self.env["koperasi.loan"]
        first = Loan.search([("opening_reference", "=", "PJ-LAMA-1")])
        second = Loan.search([("opening_reference", "=", "PJ-LAMA-2")])
        self.assertEqual(first.state, "disbursed")
        self.assertEqual(first.member_id, ani)
        self.assertEqual(first.outstanding_principal, 6000000)
        self.assertEqual(len(first.line_ids), 6)
        self.assertEqual(sum(first.line_ids.mapped("principal")), 6000000)
        lines = first.line_ids.sorted("sequence")
        self.assertEqual(lines[0].due_date, datetime.date(2026, 7, 31))
        self.assertEqual(lines[2].due_date, datetime.date(2026, 9, 30))
        self.assertEqual(lines[0].interest, 60000)
        self.assertEqual(first.next_due_date, datetime.date(2026, 7, 31))
        self.assertEqual(second.member_id, self.member)
        self.assertEqual(second.interest_rate, self.product.interest_rate)
        self.assertEqual(sum(second.line_ids.mapped("principal")), 2400000)
        self.assertEqual(second.outstanding_principal, 2400000)
        # One opening entry per kind, totals equal to the file's.
        moves = self._opening_moves(since)
        self.assertEqual(len(moves), 3)
        savings_move = opening.move_id
        self._check_entry(savings_move, {self.accounts["liability"]: 6500000.0})
        self.assertEqual(other_berjangka.transaction_ids.move_id, savings_move)
        loan_move = first.disbursement_move_id
        self.assertEqual(second.disbursement_move_id, loan_move)
        self._check_entry(loan_move, {self.loan_accounts["receivable"]: -8400000.0})
        # The same file again: nothing new.
        before = self._counts(MODELS)
        again = self._wizard(self.good_file, user=self.manager)
        again.action_check()
        self.assertFalse(again.problem_ids, again.summary)
        again.action_import()
        self.assertEqual(self._counts(MODELS), before)
        self.assertIn("Loans already imported (skipped): 2", again.summary)
        self.assertIn("Savings accounts already imported (skipped): 5", again.summary)
        # Another cooperative sees none of it.
        company_b = self.env["res.company"].create(
            {"name": "Koperasi Lain", "currency_id": self.currency.id}
        )
        board_b = mail_new_test_user(
            self.env,
            login="ksl_manager_b",
            groups="koperasi_savings_loan.group_koperasi_savings_loan_manager",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        self.assertFalse(
            Loan.with_user(board_b).search([("opening_reference", "!=", False)])
        )
        self.assertFalse(
            self.env["koperasi.savings.transaction"]
            .with_user(board_b)
            .search([("type", "=", "opening")])
        )

    def test_only_the_savings_board_imports_savings(self):
        with self.assertRaises(AccessError):
            self._wizard(self.good_file, user=self.officer)
        board_only = mail_new_test_user(
            self.env,
            login="kop_board_only",
            groups="koperasi_membership.group_koperasi_manager",
        )
        before = self._counts(MODELS)
        wizard = self._wizard(self.good_file, user=board_only)
        wizard.action_check()
        self.assertEqual(
            {(problem.sheet, problem.row) for problem in wizard.problem_ids},
            {("Simpanan", 0), ("Pinjaman", 0)},
        )
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(self._counts(MODELS), before)

    def test_teller_cannot_forge_an_opening_loan(self):
        Loan = self.env["koperasi.loan"].with_user(self.officer)
        for vals in (
            {"opening_reference": "PJ-PALSU"},
            {"opening_first_due_date": "2026-07-01"},
        ):
            with self.assertRaises(AccessError):
                Loan.create(
                    {
                        "member_id": self.member.id,
                        "product_id": self.product.id,
                        "amount": 1000000,
                        "term_months": 6,
                        **vals,
                    }
                )
        loan = self._loan(1000000, 6)
        with self.assertRaises(AccessError):
            loan.write({"opening_reference": "PJ-PALSU"})
