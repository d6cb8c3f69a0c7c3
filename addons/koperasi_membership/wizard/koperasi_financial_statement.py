import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import date_utils, format_date

from odoo.addons.koperasi_base.tools.business_date import business_today

# The MIS Builder templates of the statements (data/koperasi_financial_statement_data.xml)
STATEMENT_REPORTS = {
    "balance_sheet": "koperasi_membership.mis_report_koperasi_balance_sheet",
    "income_statement": "koperasi_membership.mis_report_koperasi_income_statement",
}
PERIOD_UNITS = {"month": "month", "quarter": "quarter", "year": "year"}


def _amount(value):
    """A MIS Builder value as a number, ``None`` where it has none
    (``AccountingNone``, an error); never ``-0.0``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value + 0.0


class KoperasiFinancialStatement(models.TransientModel):
    """The board's financial statements for any period and company.

    The figures are computed by OCA's MIS Builder from the templates of
    ``data/koperasi_financial_statement_data.xml``: the wizard only builds a
    (temporary) report instance with the chosen company and dates, and opens
    MIS Builder's own preview, PDF or XLSX of it. The RAT pack builds its
    statements the same way (:meth:`_compute_statement`).
    """

    _name = "koperasi.financial.statement"
    _description = "Financial Statement"
    _inherit = ["koperasi.company.guard"]
    _check_company_auto = True

    statement = fields.Selection(
        [
            ("balance_sheet", "Balance Sheet (Neraca)"),
            ("income_statement", "Income Statement (Perhitungan Hasil Usaha)"),
        ],
        required=True,
        default="balance_sheet",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period = fields.Selection(
        [
            ("month", "Month"),
            ("quarter", "Quarter"),
            ("year", "Year"),
            ("custom", "Any dates"),
        ],
        required=True,
        default="month",
    )
    date = fields.Date(
        string="Period of",
        help="Any day of the month, quarter or year to report on.",
        default=lambda self: business_today(self),
    )
    date_from = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    date_to = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    compare = fields.Boolean(
        string="Compare with the previous period",
        help="Adds a column with the previous period of the same length "
        "(the balance sheet at the day before the period starts).",
    )

    @api.depends("period", "date")
    def _compute_dates(self):
        for wizard in self:
            unit = PERIOD_UNITS.get(wizard.period)
            if not unit or not wizard.date:
                if not wizard.date_from or not wizard.date_to:
                    today = business_today(wizard)
                    wizard.date_from = wizard.date_from or today.replace(day=1)
                    wizard.date_to = wizard.date_to or today
                continue
            wizard.date_from = date_utils.start_of(wizard.date, unit)
            wizard.date_to = date_utils.end_of(wizard.date, unit)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period must end on or after the day it starts.")
                )

    # ------------------------------------------------------------------
    # The statements, from MIS Builder
    # ------------------------------------------------------------------
    @api.model
    def _column_dates(self, statement, company, date_from, date_to):
        """The dates of a column of ``statement`` for the period.

        The balance sheet is at ``date_to``; its column starts on the first
        day of that day's fiscal year, so that the template's ``bale`` of the
        income and expense accounts is the current year's SHU and their
        ``balu`` the SHU of the years before.
        """
        if statement == "balance_sheet":
            fiscal_year = company.compute_fiscalyear_dates(date_to)
            return fiscal_year["date_from"], date_to
        return date_from, date_to

    @api.model
    def _column_label(self, statement, date_from, date_to):
        if statement == "balance_sheet":
            return self.env._("As at %(date)s", date=format_date(self.env, date_to))
        return self.env._(
            "%(date_from)s to %(date_to)s",
            date_from=format_date(self.env, date_from),
            date_to=format_date(self.env, date_to),
        )

    @api.model
    def _create_instance(self, statement, company, periods, temporary=True):
        """A MIS Builder instance of the statement for ``company``.

        :param periods: list of ``(date_from, date_to)``, one column each
        :return: the ``mis.report.instance`` (created as superuser: a board
            member reads the statements without managing MIS templates; who
            may read it is MIS Builder's company rule)
        """
        report = self.env.ref(STATEMENT_REPORTS[statement])
        columns = []
        for sequence, (date_from, date_to) in enumerate(periods):
            column_from, column_to = self._column_dates(
                statement, company, date_from, date_to
            )
            columns.append(
                fields.Command.create(
                    {
                        "name": self._column_label(statement, date_from, date_to),
                        "sequence": sequence,
                        "mode": "fix",
                        "manual_date_from": column_from,
                        "manual_date_to": column_to,
                    }
                )
            )
        return (
            self.env["mis.report.instance"]
            .sudo()
            .create(
                {
                    "name": report.name,
                    "report_id": report.id,
                    "company_id": company.id,
                    "temporary": temporary,
                    "target_move": "posted",
                    # Only the company's own lines, also on an account that
                    # companies share (the superuser reads past the rules).
                    "analytic_domain": repr([("company_id", "=", company.id)]),
                    "period_ids": columns,
                }
            )
        )

    @api.model
    def _compute_statement(self, statement, company, periods):
        """The statement's figures, as the wizard shows them.

        :return: dict with ``rows`` (one per shown line: ``label``,
            ``values`` per period, ``account_id``, ``bold``) and ``totals``
            (one ``{kpi name: value}`` per period, 0.0 where empty)
        """
        instance = self._create_instance(statement, company, periods)
        matrix = instance._compute_matrix()
        rows = []
        for row in matrix.iter_rows():
            style = row.style_props
            if style.hide_always or (style.hide_empty and row.is_empty()):
                continue
            rows.append(
                {
                    "label": row.label,
                    "values": [
                        _amount(cell.val) if cell else None for cell in row.iter_cells()
                    ],
                    "account_id": row.account_id,
                    "bold": style.font_weight == "bold",
                }
            )
        totals = [
            {
                kpi.name: _amount(column.locals_dict.get(kpi.name)) or 0.0
                for kpi in instance.report_id.kpi_ids
            }
            for column in matrix.iter_cols()
        ]
        instance.unlink()
        return {"rows": rows, "totals": totals}

    def _get_periods(self):
        """``[(date_from, date_to)]`` of the wizard's columns."""
        self.ensure_one()
        periods = [(self.date_from, self.date_to)]
        if self.compare:
            unit = PERIOD_UNITS.get(self.period)
            if unit:
                step = {"month": 1, "quarter": 3, "year": 12}[unit]
                prev_from = self.date_from - relativedelta(months=step)
                prev_to = date_utils.end_of(
                    self.date_to - relativedelta(months=step), unit
                )
            else:
                days = (self.date_to - self.date_from).days
                prev_to = self.date_from - datetime.timedelta(days=1)
                prev_from = prev_to - datetime.timedelta(days=days)
            periods.append((prev_from, prev_to))
        return periods

    def _get_instance(self):
        self.ensure_one()
        instance = self._create_instance(
            self.statement, self.company_id, self._get_periods()
        )
        return instance.with_env(self.env)

    def action_preview(self):
        instance = self._get_instance()
        action = instance.preview()
        # MIS Builder's preview widget finds its instance in the context's
        # active record: the web client sets it to the record whose button
        # was clicked (this wizard), and the action's context comes last.
        action["context"] = dict(
            action.get("context") or {},
            active_model=instance._name,
            active_id=instance.id,
            active_ids=instance.ids,
        )
        return action

    def action_print_pdf(self):
        return self._get_instance().print_pdf()

    def action_export_xlsx(self):
        return self._get_instance().export_xls()
