import datetime
import io

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.koperasi_base.tests.common import english_interface
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import KoperasiMembershipCommon

try:
    import openpyxl
except ImportError:  # pragma: no cover - openpyxl is in requirements.txt
    openpyxl = None

MARCH = (datetime.date(2021, 3, 1), datetime.date(2021, 3, 31))
FEBRUARY = (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))


@tagged("post_install", "-at_install")
class TestFinancialStatements(KoperasiMembershipCommon):
    """A new cooperative with one known month of activity (March 2021) on
    accounts of its own, and its statements from MIS Builder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        english_interface(cls.env)
        cls.coop = cls.env["res.company"].create({"name": "Koperasi Laporan Uji"})
        cls.env.user.write({"company_ids": [fields.Command.link(cls.coop.id)]})
        cls.board = mail_new_test_user(
            cls.env,
            login="kop_statement_board",
            name="Pengurus Laporan",
            groups="koperasi_membership.group_koperasi_manager",
            company_id=cls.coop.id,
            company_ids=[fields.Command.set(cls.coop.ids)],
        )
        Account = cls.env["account.account"].with_company(cls.coop)
        cls.accounts = {
            key: Account.create({"code": code, "name": name, "account_type": kind})
            for key, code, name, kind in (
                ("cash", "LK101", "Kas", "asset_cash"),
                ("fixed", "LK150", "Peralatan", "asset_fixed"),
                ("payable", "LK201", "Utang Usaha", "liability_current"),
                ("loan", "LK250", "Utang Bank", "liability_non_current"),
                ("capital", "LK301", "Simpanan Pokok", "equity"),
                ("unaffected", "LK399", "SHU Belum Dibagi", "equity_unaffected"),
                ("income", "LK401", "Pendapatan Jasa", "income"),
                ("other", "LK490", "Pendapatan Bunga Bank", "income_other"),
                ("cost", "LK501", "Harga Pokok", "expense_direct_cost"),
                ("expense", "LK601", "Beban Listrik", "expense"),
            )
        }
        cls.coop_journal = (
            cls.env["account.journal"]
            .with_company(cls.coop)
            .create({"name": "Jurnal Umum Uji", "code": "LKJU", "type": "general"})
        )
        # March 2021: capital paid in cash, an income, other income, a cost,
        # an expense, and equipment bought partly on credit, partly on a loan.
        cls._move(datetime.date(2021, 3, 2), [("cash", 5000000), ("capital", -5000000)])
        cls._move(datetime.date(2021, 3, 10), [("cash", 1200000), ("income", -1200000)])
        cls._move(datetime.date(2021, 3, 11), [("cash", 50000), ("other", -50000)])
        cls._move(datetime.date(2021, 3, 12), [("cost", 100000), ("cash", -100000)])
        cls._move(datetime.date(2021, 3, 15), [("expense", 300000), ("cash", -300000)])
        cls._move(
            datetime.date(2021, 3, 20),
            [("fixed", 2000000), ("payable", -500000), ("loan", -1500000)],
        )
        # Neither a draft of March nor April's income is in March.
        cls._move(
            datetime.date(2021, 3, 25), [("cash", 777), ("income", -777)], post=False
        )
        cls._move(datetime.date(2021, 4, 5), [("cash", 999), ("income", -999)])
        # A line of the first cooperative on an account both share is not
        # this one's.
        cls.shared = cls.env["account.account"].create(
            {
                "code": "LK130",
                "name": "Piutang Bersama",
                "account_type": "asset_current",
            }
        )
        cls.shared.with_company(cls.coop).write(
            {"code": "LK130", "company_ids": [fields.Command.link(cls.coop.id)]}
        )
        other = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.journal.id,
                "date": datetime.date(2021, 3, 5),
                "line_ids": [
                    fields.Command.create({"account_id": cls.shared.id, "debit": 111}),
                    fields.Command.create(
                        {
                            "account_id": cls.journal.default_account_id.id,
                            "credit": 111,
                        }
                    ),
                ],
            }
        )
        other.action_post()
        # Independent figures of March
        cls.cash = 5000000 + 1200000 + 50000 - 100000 - 300000
        cls.income = 1200000 + 50000
        cls.expense = 100000 + 300000

    @classmethod
    def _move(cls, date, amounts, post=True):
        lines = [
            fields.Command.create(
                {
                    "account_id": cls.accounts[key].id,
                    "debit": max(amount, 0),
                    "credit": max(-amount, 0),
                }
            )
            for key, amount in amounts
        ]
        move = (
            cls.env["account.move"]
            .with_company(cls.coop)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": cls.coop_journal.id,
                    "date": date,
                    "line_ids": lines,
                }
            )
        )
        if post:
            move.action_post()
        return move

    def _wizard(self, statement, dates, user=None, **vals):
        Wizard = self.env["koperasi.financial.statement"].with_user(user or self.board)
        if dates:
            vals.update(period="custom", date_from=dates[0], date_to=dates[1])
        return Wizard.with_context(allowed_company_ids=self.coop.ids).create(
            {"statement": statement, "company_id": self.coop.id, **vals}
        )

    def _figures(self, statement, dates, **vals):
        """``{label: [value per column]}`` of the statement as MIS Builder
        computes it for the board (the preview's data)."""
        instance = self._wizard(statement, dates, **vals)._get_instance()
        result = instance.compute()
        return instance, {
            row["label"]: [cell.get("val") for cell in row["cells"]]
            for row in result["body"]
        }

    def test_balance_sheet_of_the_month(self):
        _instance, figures = self._figures("balance_sheet", MARCH)
        self.assertEqual(figures["Current Assets"], [self.cash])
        self.assertEqual(figures["LK101 Kas"], [self.cash])
        self.assertEqual(figures["Non-current Assets"], [2000000])
        self.assertEqual(figures["Total Assets"], [self.cash + 2000000])
        self.assertEqual(figures["Current Liabilities"], [500000])
        self.assertEqual(figures["Long-term Liabilities"], [1500000])
        self.assertEqual(figures["Total Liabilities"], [2000000])
        self.assertEqual(figures["LK301 Simpanan Pokok"], [5000000])
        self.assertEqual(
            figures["SHU of the current year"], [self.income - self.expense]
        )
        self.assertEqual(
            figures["Total Equity"], [5000000 + self.income - self.expense]
        )
        self.assertEqual(
            figures["Total Liabilities and Equity"], figures["Total Assets"]
        )

    def test_income_statement_of_the_month(self):
        _instance, figures = self._figures("income_statement", MARCH)
        self.assertEqual(figures["Revenue"], [1200000])
        self.assertEqual(figures["LK401 Pendapatan Jasa"], [1200000])
        self.assertEqual(figures["Cost of Revenue"], [100000])
        self.assertEqual(figures["Gross SHU"], [1100000])
        self.assertEqual(figures["Operating Expenses"], [300000])
        self.assertEqual(figures["Other Income"], [50000])
        self.assertEqual(figures["SHU of the Period"], [self.income - self.expense])
        self.assertNotIn("Total income", figures)

    def test_month_outside_shows_nothing(self):
        _instance, figures = self._figures("income_statement", FEBRUARY)
        self.assertFalse(figures["SHU of the Period"][0])
        self.assertNotIn("LK401 Pendapatan Jasa", figures)
        _instance, figures = self._figures("balance_sheet", FEBRUARY)
        self.assertFalse(figures["Total Assets"][0])
        self.assertNotIn("LK101 Kas", figures)

    def test_quarter_and_comparison(self):
        wizard = self._wizard(
            "income_statement", None, period="quarter", date=datetime.date(2021, 5, 4)
        )
        self.assertEqual(
            (wizard.date_from, wizard.date_to),
            (datetime.date(2021, 4, 1), datetime.date(2021, 6, 30)),
        )
        wizard.compare = True
        result = wizard._get_instance().compute()
        figures = {
            row["label"]: [c.get("val") for c in row["cells"]] for row in result["body"]
        }
        # April's income in the second quarter, March's in the first.
        self.assertEqual(figures["Revenue"], [999, 1200000])
        with self.assertRaises(ValidationError):
            self._wizard("income_statement", (MARCH[1], MARCH[0]))

    def test_preview_opens_the_statement(self):
        """MIS Builder's preview widget reads its instance from the context's
        active record; the web client makes the wizard the active record of
        the action the button returns, unless the action's context says
        otherwise."""
        wizard = self._wizard("balance_sheet", MARCH)
        action = wizard.action_preview()
        instance = self.env["mis.report.instance"].browse(action["res_id"])
        self.assertEqual(instance.report_id.name, "Balance Sheet (Neraca)")
        self.assertEqual(action["context"]["active_model"], "mis.report.instance")
        self.assertEqual(action["context"]["active_id"], instance.id)
        self.assertEqual(action["context"]["active_ids"], [instance.id])
        # The instance the preview shows is the board's statement of the month.
        result = instance.with_user(self.board).compute()
        totals = {row["label"]: row["cells"][0].get("val") for row in result["body"]}
        self.assertEqual(totals["Total Assets"], self.cash + 2000000)

    def test_pdf_and_xlsx(self):
        instance = self._wizard("balance_sheet", MARCH)._get_instance()
        self.assertEqual(instance.print_pdf()["type"], "ir.actions.report")
        self.assertEqual(instance.export_xls()["type"], "ir.actions.report")
        Report = self.env["ir.actions.report"].with_user(self.board)
        Report = Report.with_context(allowed_company_ids=self.coop.ids)
        content, _format = Report._render(
            "mis_builder.qweb_pdf_export", instance.ids, data={"dummy": True}
        )
        self.assertTrue(content)
        if not content.startswith(b"%PDF"):  # the test mode renders HTML
            self.assertIn(b"Total Liabilities and Equity", content)
            self.assertIn(b"Koperasi Laporan Uji", content)
        content, report_format = Report._render(
            "mis_builder.xls_export", instance.ids, data={"dummy": True}
        )
        self.assertEqual(report_format, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
        if openpyxl:
            sheet = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
            values = {
                row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]
            }
            self.assertEqual(values["Total Assets"], self.cash + 2000000)

    def test_other_company_cannot_read(self):
        instance = self._wizard("balance_sheet", MARCH)._get_instance()
        # The suite's board of the first cooperative, not of this one
        with self.assertRaises(AccessError):
            self._wizard("balance_sheet", MARCH, user=self.manager)
        with self.assertRaises(AccessError):
            instance.with_user(self.manager).read(["name"])
        with self.assertRaises(AccessError):
            instance.with_user(self.manager).compute()

    def test_cash_book(self):
        """The cash book is OCA's general ledger of the cash accounts."""
        Wizard = (
            self.env["general.ledger.report.wizard"]
            .with_user(self.board)
            .with_context(allowed_company_ids=self.coop.ids, koperasi_cash_book=True)
        )
        wizard = Wizard.create({"company_id": self.coop.id})
        self.assertEqual(wizard.account_ids, self.accounts["cash"])
        wizard.write({"date_from": MARCH[0], "date_to": MARCH[1]})
        data = wizard._prepare_report_data()
        values = self.env[
            "report.account_financial_report.general_ledger"
        ]._get_report_values(wizard, data)
        [account] = values["general_ledger"]
        self.assertEqual(account["id"], self.accounts["cash"].id)
        self.assertEqual(account["fin_bal"]["balance"], self.cash)
        self.assertEqual(len(account["move_lines"]), 5)
        # Without the context key, the general ledger keeps every account.
        ledger = self.env["general.ledger.report.wizard"].with_user(self.board)
        self.assertFalse(
            ledger.with_context(allowed_company_ids=self.coop.ids)
            .create({"company_id": self.coop.id})
            .account_ids
        )

    def test_rat_pack_takes_the_same_statements(self):
        rat = self.env["koperasi.rat.report"].create(
            {"year": 2021, "company_id": self.coop.id}
        )
        data = rat._get_rat_data()
        _instance, balance = self._figures(
            "balance_sheet", (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
        )
        _instance, income = self._figures(
            "income_statement", (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
        )
        self.assertEqual(data["balance"]["total_assets"], balance["Total Assets"][0])
        self.assertEqual(
            data["balance"]["total_liabilities"] + data["balance"]["total_equity"],
            balance["Total Liabilities and Equity"][0],
        )
        self.assertEqual(data["income"]["result"], income["SHU of the Period"][0])
        self.assertEqual(data["income"]["result"], self.income - self.expense + 999)
        self.assertEqual(data["income"]["total_income"], self.income + 999)
        self.assertEqual(data["income"]["total_expenses"], self.expense)
        self.assertEqual(data["balance"]["total_assets"], self.cash + 999 + 2000000)
        self.assertEqual(data["balance_prev"]["total_assets"], 0.0)
        labels = [row["label"] for row in data["balance_rows"]]
        self.assertIn("LK150 Peralatan", labels)
