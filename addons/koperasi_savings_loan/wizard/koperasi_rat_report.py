import datetime

from odoo import models


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

    def _get_rat_extra_sheets(self, data):
        sheets = super()._get_rat_extra_sheets(data)
        _ = self.env._
        year, prev = str(self.year), str(self.year - 1)
        kinds = dict(
            self.env["koperasi.savings.product"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        summary = self._get_savings_summary()
        savings_rows = [
            (product.name, kinds.get(product.kind, ""), count, balance, previous)
            for product, count, balance, previous in summary
        ]
        savings_rows.append(
            (
                _("Total savings"),
                None,
                sum(row[1] for row in summary),
                sum(row[2] for row in summary),
                sum(row[3] for row in summary),
            )
        )
        sheets.append(
            (
                _("Savings Summary"),
                [_("Product"), _("Kind"), _("Accounts"), year, prev],
                savings_rows,
            )
        )
        kpis = (
            self.env["koperasi.loan"]
            .sudo()
            ._get_portfolio_kpis([("company_id", "=", self.company_id.id)])
        )
        classes = dict(
            self.env["koperasi.loan"]
            ._fields["collectibility"]
            ._description_selection(self.env)
        )
        loan_rows = [
            (classes[klass], amount)
            for klass, amount in kpis["by_collectibility"].items()
        ]
        loan_rows += [
            (_("Total outstanding"), kpis["outstanding"]),
            (_("Loans"), kpis["loan_count"]),
            (_("Non-performing loans (NPL)"), kpis["npl_amount"]),
            (_("NPL ratio (%)"), kpis["npl_ratio"]),
            (_("PAR30 (%)"), kpis["par30"]),
        ]
        sheets.append(
            (
                _("Loan Portfolio"),
                [_("Collectibility"), _("Outstanding Principal")],
                loan_rows,
            )
        )
        return sheets
