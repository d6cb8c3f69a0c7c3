import base64
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools
from odoo.addons.koperasi_base.tools.business_date import business_today

from ..tools import rat as rat_tools


class KoperasiRatReport(models.TransientModel):
    _name = "koperasi.rat.report"
    _description = "RAT Reporting Pack"
    _inherit = ["koperasi.company.guard"]
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        default=lambda self: business_today(self).year - 1,
    )
    xlsx_file = fields.Binary(readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 1900 < wizard.year < 3000:
                raise ValidationError(
                    self.env._("The year %(year)s is not valid.", year=wizard.year)
                )

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    def _get_statements(self):
        """The year's and the previous year's balance sheet and income
        statement, from the MIS Builder templates of the financial
        statements menu (the same engine, so the two never disagree)."""
        self.ensure_one()
        Statement = self.env["koperasi.financial.statement"].sudo()
        periods = [
            (datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)),
            (datetime.date(self.year - 1, 1, 1), datetime.date(self.year - 1, 12, 31)),
        ]
        balance = Statement._compute_statement(
            "balance_sheet", self.company_id, periods
        )
        income = Statement._compute_statement(
            "income_statement", self.company_id, periods
        )
        return {
            "balance_rows": balance["rows"],
            "income_rows": income["rows"],
            "balance": [
                {
                    "total_assets": totals["total_assets"],
                    "total_liabilities": totals["total_liabilities"],
                    "total_equity": totals["total_equity"],
                }
                for totals in balance["totals"]
            ],
            "income": [
                {
                    "total_income": totals["total_income"],
                    "total_expenses": totals["total_expenses"],
                    "result": totals["shu"],
                }
                for totals in income["totals"]
            ],
        }

    def _cash_book(self, date_from, date_to):
        Line = self.env["account.move.line"].sudo()
        base = [
            ("company_id", "=", self.company_id.id),
            ("parent_state", "=", "posted"),
            ("account_id.account_type", "=", "asset_cash"),
        ]
        [(opening,)] = Line._read_group(
            [*base, ("date", "<", date_from)], [], ["balance:sum"]
        )
        lines = Line.search(
            [*base, ("date", ">=", date_from), ("date", "<=", date_to)],
            order="date, move_id, id",
        )
        movements = [
            (
                line.date,
                line.move_id.name,
                line.name or line.move_id.ref or "",
                line.debit,
                line.credit,
            )
            for line in lines
        ]
        return opening or 0.0, rat_tools.cash_book(opening or 0.0, movements)

    def _get_rat_data(self):
        """Everything the RAT pack shows, for the PDF and the XLSX."""
        self.ensure_one()
        date_from = datetime.date(self.year, 1, 1)
        date_to = datetime.date(self.year, 12, 31)
        opening, cash_rows = self._cash_book(date_from, date_to)
        Member = self.env["koperasi.member"].sudo()
        company_domain = [("company_id", "=", self.company_id.id)]
        joined = Member.search(
            [
                *company_domain,
                ("join_date", ">=", date_from),
                ("join_date", "<=", date_to),
            ],
            order="join_date, id",
        )
        left = Member.search(
            [
                *company_domain,
                ("exit_date", ">=", date_from),
                ("exit_date", "<=", date_to),
            ],
            order="exit_date, id",
        )
        capital_received = dict(
            self.env["koperasi.capital.payment"]
            .sudo()
            ._read_group(
                [
                    *company_domain,
                    ("state", "=", "posted"),
                    # Capital brought in with the opening balances was paid
                    # before the cooperative's books started here.
                    ("is_opening", "=", False),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["kind"],
                ["amount:sum"],
            )
        )
        distribution = (
            self.env["koperasi.shu.distribution"]
            .sudo()
            .search([*company_domain, ("year", "=", self.year)], limit=1)
        )
        statements = self._get_statements()
        return {
            "company": self.company_id,
            "year": self.year,
            "balance_rows": statements["balance_rows"],
            "income_rows": statements["income_rows"],
            "balance": statements["balance"][0],
            "balance_prev": statements["balance"][1],
            "income": statements["income"][0],
            "income_prev": statements["income"][1],
            "cash_opening": opening,
            "cash_rows": cash_rows,
            "joined": joined,
            "left": left,
            "members_end": Member.search_count(
                [
                    *company_domain,
                    ("join_date", "<=", date_to),
                    "|",
                    ("exit_date", "=", False),
                    ("exit_date", ">", date_to),
                ]
            ),
            "pokok_received": capital_received.get("pokok", 0.0),
            "wajib_received": capital_received.get("wajib", 0.0),
            "distribution": distribution,
            "shu_lines": distribution.member_line_ids,
            "members_only": distribution.members_only,
        }

    def _statement_rows(self, rows):
        """XLSX rows ``(label, year, previous year)`` of a statement's rows;
        the accounts under their section are indented."""
        return [
            (
                ("    " if row["account_id"] else "") + row["label"],
                *row["values"],
            )
            for row in rows
        ]

    def _get_rat_extra_sheets(self, data):
        """Hook: further ``(title, headers, rows)`` sheets of the XLSX pack only.

        ``data`` is :meth:`_get_rat_data`. Sections shown in both the PDF and
        the XLSX pack go through :meth:`_get_rat_extra_sections`.
        """
        return []

    def _get_rat_extra_sections(self, data):
        """Hook: further sections of the RAT pack, in the PDF and the XLSX.

        Other addons add theirs with ``super()`` (savings summary, loan
        portfolio by collectibility...). Each section is a dict with
        ``title``, ``headers``, ``rows`` (lists of cells), ``formats`` (per
        column: ``text``, ``integer``, ``monetary`` or ``percent``) and
        ``css_class`` (the PDF table's class), optionally ``subtitle``. ``data`` is
        :meth:`_get_rat_data`.
        """
        return []

    def _get_pdf_data(self):
        """The PDF's data: :meth:`_get_rat_data` with the extra sections."""
        data = self._get_rat_data()
        data["extra_sections"] = self._get_rat_extra_sections(data)
        return data

    def _shu_split_rows(self, data):
        """Rows of the members' and non-members' part of the year's SHU."""
        distribution = data["distribution"]
        if not data["members_only"]:
            return []
        _ = self.env._
        return [
            (
                _("of which from business with members (shared)"),
                distribution.shu_amount,
            ),
            (
                _("of which from business with non-members (to the reserve)"),
                distribution.non_member_amount,
            ),
        ]

    def _get_xlsx_sheets(self):
        data = self._get_rat_data()
        _ = self.env._
        year, prev = str(self.year), str(self.year - 1)
        balance_rows = self._statement_rows(data["balance_rows"])
        income_rows = self._statement_rows(data["income_rows"])
        income_rows += [
            (label, amount, None) for label, amount in self._shu_split_rows(data)
        ]
        return [
            (
                _("Cash Book"),
                [_("Date"), _("Entry"), _("Label"), _("In"), _("Out"), _("Balance")],
                [(None, None, _("Opening balance"), None, None, data["cash_opening"])]
                + data["cash_rows"],
            ),
            (_("Balance Sheet"), [_("Item"), year, prev], balance_rows),
            (_("Income Statement"), [_("Item"), year, prev], income_rows),
            (
                _("Member Movements"),
                [_("Movement"), _("Number"), _("Name"), _("Date")],
                [
                    (_("Joined"), m.member_number or "", m.name, m.join_date)
                    for m in data["joined"]
                ]
                + [
                    (_("Left"), m.member_number or "", m.name, m.exit_date)
                    for m in data["left"]
                ],
            ),
            (
                _("Capital"),
                [_("Item"), _("Amount")],
                [
                    (_("Simpanan pokok received"), data["pokok_received"]),
                    (_("Simpanan wajib received"), data["wajib_received"]),
                    (_("Members at year end"), data["members_end"]),
                ],
            ),
            (
                _("SHU per Member"),
                [
                    _("Number"),
                    _("Member"),
                    _("Average Capital"),
                    _("Transactions"),
                    _("Capital Share"),
                    _("Usage Share"),
                    _("SHU"),
                ],
                [
                    (
                        line.member_id.member_number or "",
                        line.member_id.name,
                        line.capital_average,
                        line.volume,
                        line.capital_share,
                        line.usage_share,
                        line.amount,
                    )
                    for line in data["shu_lines"]
                ],
            ),
            *(
                (
                    section["title"],
                    section["headers"],
                    section["rows"],
                    section.get("subtitle"),
                )
                for section in self._get_rat_extra_sections(data)
            ),
            *self._get_rat_extra_sheets(data),
        ]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("koperasi_membership.action_report_rat_pack").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        content = xlsx_tools.build_workbook_sheets(self._get_xlsx_sheets())
        filename = f"rat_{self.year}.xlsx"
        self.write({"xlsx_file": base64.b64encode(content), "xlsx_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            f"&field=xlsx_file&filename={filename}&download=true",
            "target": "self",
        }
