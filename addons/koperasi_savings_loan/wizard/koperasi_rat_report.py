import datetime

from odoo import models
from odoo.tools import format_date

from ..tools import loan_schedule


class KoperasiRatReport(models.TransientModel):
    _inherit = "koperasi.rat.report"

    def _get_savings_summary(self):
        """``[(product, accounts, balance at year end, previous year end)]``."""
        self.ensure_one()
        accounts = (
            self.env["koperasi.savings.account"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("open_date", "<=", datetime.date(self.year, 12, 31)),
                ]
            )
        )
        now = accounts._get_balances(date_to=datetime.date(self.year, 12, 31))
        prev = accounts._get_balances(date_to=datetime.date(self.year - 1, 12, 31))
        summary = {}
        for account in accounts:
            entry = summary.setdefault(account.product_id, [0, 0.0, 0.0])
            entry[0] += 1
            entry[1] += now.get(account.id, 0.0)
            entry[2] += prev.get(account.id, 0.0)
        return [
            (product, *values)
            for product, values in sorted(
                summary.items(), key=lambda item: (item[0].sequence, item[0].name)
            )
        ]

    def _get_rat_extra_sections(self, data):
        sections = super()._get_rat_extra_sections(data)
        sections.append(self._get_savings_section())
        sections.append(self._get_loan_section(data))
        return sections

    def _get_year_end_portfolio(self, data):
        """``(positions, summary)`` of the loans at the year's 31st of
        December, computed once per pack."""
        if "loan_portfolio" not in data:
            data["loan_portfolio"] = (
                self.env["koperasi.loan"]
                .sudo()
                ._get_portfolio_as_of(
                    datetime.date(self.year, 12, 31),
                    [("company_id", "=", self.company_id.id)],
                )
            )
        return data["loan_portfolio"]

    def _get_rat_extra_sheets(self, data):
        """The loans at the year end, one per row (XLSX only)."""
        sheets = super()._get_rat_extra_sheets(data)
        _ = self.env._
        positions, _summary = self._get_year_end_portfolio(data)
        classes = dict(
            self.env["koperasi.loan"]
            ._fields["collectibility"]
            ._description_selection(self.env)
        )
        rows = [
            (
                loan.name,
                loan.member_id.name,
                loan.product_id.name,
                loan.disbursement_date,
                loan.amount,
                position["outstanding"],
                position["days_past_due"],
                position["arrears_instalments"],
                position["arrears_amount"],
                classes[position["collectibility"]],
            )
            for loan, position in positions.items()
        ]
        sheets.append(
            (
                _("Loans at Year End"),
                [
                    _("Loan"),
                    _("Member"),
                    _("Product"),
                    _("Disbursed"),
                    _("Amount"),
                    _("Outstanding Principal"),
                    _("Days Past Due"),
                    _("Instalments in Arrears"),
                    _("Arrears"),
                    _("Collectibility"),
                ],
                rows,
                _(
                    "As at %(date)s",
                    date=format_date(self.env, datetime.date(self.year, 12, 31)),
                ),
            )
        )
        return sheets

    def _get_savings_section(self):
        _ = self.env._
        kinds = dict(
            self.env["koperasi.savings.product"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        summary = self._get_savings_summary()
        rows = [
            [product.name, kinds.get(product.kind, ""), count, balance, previous]
            for product, count, balance, previous in summary
        ]
        rows.append(
            [
                _("Total savings"),
                None,
                sum(row[1] for row in summary),
                sum(row[2] for row in summary),
                sum(row[3] for row in summary),
            ]
        )
        return {
            "title": _("Savings Summary"),
            "headers": [
                _("Product"),
                _("Kind"),
                _("Accounts"),
                str(self.year),
                str(self.year - 1),
            ],
            "rows": rows,
            "formats": ["text", "text", "integer", "monetary", "monetary"],
            "css_class": "o_rat_savings",
        }

    def _get_loan_section(self, data):
        """The loan portfolio as at the year's 31st of December."""
        _ = self.env._
        as_of = datetime.date(self.year, 12, 31)
        _positions, kpis = self._get_year_end_portfolio(data)
        classes = dict(
            self.env["koperasi.loan"]
            ._fields["collectibility"]
            ._description_selection(self.env)
        )
        total = kpis["outstanding"]
        rows = [
            [
                classes[klass],
                kpis["count_by_collectibility"][klass],
                amount,
                loan_schedule.ratio_percent(amount, total),
            ]
            for klass, amount in kpis["by_collectibility"].items()
        ]
        rows += [
            [
                _("Total outstanding"),
                kpis["loan_count"],
                total,
                100.0 if total else 0.0,
            ],
            [
                _("Non-performing loans (NPL)"),
                kpis["npl_count"],
                kpis["npl_amount"],
                kpis["npl_ratio"],
            ],
            [
                _("PAR30 (more than 30 days past due)"),
                kpis["par30_count"],
                kpis["par30_amount"],
                kpis["par30"],
            ],
        ]
        return {
            "title": _("Loan Portfolio"),
            "subtitle": _(
                "As at %(date)s",
                date=format_date(self.env, as_of),
            ),
            "headers": [
                _("Collectibility"),
                _("Loans"),
                _("Outstanding Principal"),
                _("Share (%)"),
            ],
            "rows": rows,
            "formats": ["text", "integer", "monetary", "percent"],
            "css_class": "o_rat_loans",
        }
