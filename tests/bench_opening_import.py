"""Benchmark of the opening-balance import: members, capital, savings and loans.

Creates a throwaway database, installs koperasi_savings_loan without demo
data, sets up a savings product and a loan product (not timed), builds an
opening-balance workbook of N members, each with pokok and wajib paid, a
savings balance and an outstanding loan of 12 remaining months (not timed),
then times as the administrator (a board member, not the superuser):

1. the dry run (``action_check``: reads the file, checks every row, writes
   nothing);
2. the import (``action_import``: checks again, creates the members, their
   capital, savings accounts and loans with their schedules, and posts one
   opening entry per kind);
3. the same file again (everything skipped, nothing created).

Prints the times, the counts and the opening entries' totals, and drops the
database.

    python3 tests/bench_opening_import.py -c odoo.conf [--members 10000]

Target: the import of 10,000 members under 5 minutes.
"""

import argparse
import base64
import datetime
import time

from bench_support import throwaway_database

TARGET_SECONDS = 300
POKOK = 100000
WAJIB = 600000


def _setup(env):
    Account = env["account.account"]

    def account(code, name, account_type):
        return Account.create(
            {"code": f"BO{code}", "name": name, "account_type": account_type}
        )

    journal = env["account.journal"].create(
        {"name": "Umum Bench", "code": "BOU", "type": "general"}
    )
    savings = env["koperasi.savings.product"].create(
        {
            "name": "Sukarela",
            "code": "SKR",
            "kind": "sukarela",
            "interest_rate": 3.0,
            "journal_id": journal.id,
            "account_liability_id": account("201", "Simpanan", "liability_current").id,
            "account_interest_id": account("601", "Beban Bunga", "expense").id,
            "account_tax_id": account("202", "PPh Final", "liability_current").id,
            "account_fee_id": account("401", "Pendapatan Admin", "income_other").id,
        }
    )
    loan = env["koperasi.loan.product"].create(
        {
            "name": "Pinjaman Umum",
            "interest_method": "efektif",
            "interest_rate": 12.0,
            "term_min": 1,
            "term_max": 36,
            "journal_id": journal.id,
            "account_receivable_id": account("131", "Piutang", "asset_current").id,
            "account_interest_id": account("411", "Bunga", "income").id,
            "account_penalty_id": account("412", "Denda", "income_other").id,
            "account_fee_id": account("413", "Admin", "income_other").id,
        }
    )
    return savings, loan


def _workbook(count, opening):
    from odoo.addons.koperasi_base.tools import xlsx as xlsx_tools

    members, savings, loans = [], [], []
    next_due = opening + datetime.timedelta(days=15)
    for index in range(count):
        nik = f"{3513200000000000 + index:016d}"
        members.append(
            [nik, f"Anggota {index:05d}", "2020-01-15", "", "", "", "", POKOK, WAJIB]
        )
        savings.append([nik, "SKR", "", 250000 + index, ""])
        loans.append(
            [nik, "Pinjaman Umum", f"PJ-{index:05d}", 1200000, "", 12, next_due]
        )
    content = xlsx_tools.build_workbook_sheets(
        [
            (
                "Anggota",
                [
                    "NIK",
                    "Name",
                    "Join Date",
                    "Member Group",
                    "Phone",
                    "Address",
                    "City",
                    "Pokok Paid",
                    "Wajib Paid",
                ],
                members,
            ),
            (
                "Simpanan",
                ["NIK", "Savings Product", "Account Number", "Balance", "Open Date"],
                savings,
            ),
            (
                "Pinjaman",
                [
                    "NIK",
                    "Loan Product",
                    "Reference",
                    "Principal Left",
                    "Annual Rate (%)",
                    "Remaining Term (months)",
                    "Next Due Date",
                ],
                loans,
            ),
        ]
    )
    totals = {
        "capital": count * (POKOK + WAJIB),
        "savings": sum(row[3] for row in savings),
        "loans": count * 1200000,
    }
    return content, totals


def _counts(env):
    return {
        model: env[model].sudo().search_count([])
        for model in (
            "koperasi.member",
            "koperasi.capital.payment",
            "koperasi.savings.account",
            "koperasi.savings.transaction",
            "koperasi.loan",
            "koperasi.loan.line",
            "account.move",
        )
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--prefix", default="kopen_bench", help="prefix of the database's name"
    )
    args = parser.parse_args()
    with throwaway_database(
        args.config, args.prefix, "koperasi_savings_loan", keep=args.keep
    ) as (odoo, registry):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            _setup(env)
            cr.commit()
        with registry.cursor() as cr:
            # The administrator is on the board (not the superuser: access
            # rules and record rules apply as for a real board member).
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            board = env.ref("base.user_admin")
            env = env(user=board.id)
            opening = datetime.date(2026, 6, 30)
            started = time.perf_counter()
            content, totals = _workbook(args.members, opening)
            print(
                f"file: {args.members} members, savings and loans, "
                f"{len(content) / 1024 / 1024:.1f} MB, built in "
                f"{time.perf_counter() - started:.1f} s (not timed)"
            )
            wizard = env["koperasi.opening.import"].create(
                {
                    "file": base64.b64encode(content),
                    "filename": "saldo_awal.xlsx",
                    "opening_date": opening,
                }
            )
            before = _counts(env)
            started = time.perf_counter()
            wizard.action_check()
            elapsed = time.perf_counter() - started
            print(
                f"dry run: {elapsed:.1f} s, {wizard.problem_count} problem(s), "
                f"nothing written: {_counts(env) == before}"
            )
            started = time.perf_counter()
            wizard.action_import()
            env.flush_all()
            cr.commit()
            elapsed = time.perf_counter() - started
            print(
                f"import: {elapsed:.1f} s "
                f"({'OK' if elapsed < TARGET_SECONDS else 'TOO SLOW'}: "
                f"target < {TARGET_SECONDS} s)"
            )
            after = _counts(env)
            for model, count in after.items():
                print(f"  {model}: {count - before[model]} created")
            moves = env["account.move"].sudo().search([], order="id")
            for move in moves[-3:]:
                print(f"  entry {move.ref}: {move.amount_total:,.0f} ({move.state})")
            print(
                "  file totals: "
                + ", ".join(f"{kind} {amount:,.0f}" for kind, amount in totals.items())
            )
            again = env["koperasi.opening.import"].create(
                {
                    "file": base64.b64encode(content),
                    "filename": "saldo_awal.xlsx",
                    "opening_date": opening,
                }
            )
            started = time.perf_counter()
            again.action_import()
            env.flush_all()
            elapsed = time.perf_counter() - started
            print(
                f"same file again: {elapsed:.1f} s, nothing created: "
                f"{_counts(env) == after}"
            )


if __name__ == "__main__":
    main()
