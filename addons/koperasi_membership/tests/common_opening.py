"""Helpers of the opening-balance import tests (membership and savings)."""

import base64
import datetime
from collections import defaultdict

from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools

MEMBER_HEADERS = [
    "NIK",
    "Name",
    "Join Date",
    "Member Group",
    "Phone",
    "Address",
    "City",
    "Pokok Paid",
    "Wajib Paid",
]


def opening_file(sheets):
    """An opening-balance workbook: ``{sheet name: (headers, rows)}``, made
    like the template (a title and a note above the headers)."""
    return base64.b64encode(
        xlsx_tools.build_workbook_sheets(
            [(name, headers, rows, "note") for name, (headers, rows) in sheets.items()]
        )
    )


class OpeningImportCase:
    """Helpers of the opening-balance import tests (membership and savings)."""

    OPENING = datetime.date(2026, 6, 30)

    def _wizard(self, content, user=None, company=None):
        env = self.env(user=user) if user else self.env
        return env["koperasi.opening.import"].create(
            {
                "file": content,
                "filename": "saldo_awal.xlsx",
                "opening_date": self.OPENING,
                "company_id": (company or self.company).id,
            }
        )

    def _counts(self, models):
        return {
            model: self.env[model]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
            for model in models
        }

    def _problems(self, wizard):
        return {
            (problem.sheet, problem.row, problem.column): problem.message
            for problem in wizard.problem_ids
        }

    def _opening_moves(self, since_id):
        return self.env["account.move"].search(
            [("id", ">", since_id), ("company_id", "=", self.company.id)]
        )

    def _last_move_id(self):
        return self.env["account.move"].search([], order="id desc", limit=1).id or 0

    def _check_entry(self, move, expected):
        """``move`` is posted and balanced; ``expected`` maps an account to
        its balance (credit positive), the rest on unaffected earnings."""
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, self.OPENING)
        per_account = defaultdict(float)
        for line in move.line_ids:
            per_account[line.account_id] += line.credit - line.debit
        self.assertAlmostEqual(sum(per_account.values()), 0.0)
        unaffected = self.company.get_unaffected_earnings_account()
        self.assertEqual(
            dict(per_account),
            {**expected, unaffected: -sum(expected.values())},
        )
