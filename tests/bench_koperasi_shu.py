"""Benchmark of the SHU distribution of koperasi_membership.

Creates a throwaway database, installs koperasi_membership without demo data,
creates N members with capital paid at different dates and one posted result
of the year (setup not timed: partners through the ORM in batches, members
and capital payments through SQL), then times the computation of the year's
SHU (12 month-end readings of the membership hook, the split and the batched
creation of the member lines), prints the time and the number of queries,
and drops the database. Run it at two sizes to see that the query count does
not grow per member.

    python3 tests/bench_koperasi_shu.py -c odoo.conf [--members 100000]

Target: under 120 s for 100,000 members.
"""

import argparse
import datetime
import time

from bench_support import superuser_env, throwaway_database

YEAR = 2025


def populate(env, members):
    company = env.company
    cash = env["account.account"].create(
        {"code": "BSHU101", "name": "Kas Bench", "account_type": "asset_cash"}
    )
    income = env["account.account"].create(
        {"code": "BSHU401", "name": "Pendapatan Bench", "account_type": "income"}
    )
    journal = env["account.journal"].create(
        {
            "name": "Kas Bench",
            "code": "BSHK",
            "type": "cash",
            "default_account_id": cash.id,
        }
    )
    misc = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "general")], limit=1
    ) or env["account.journal"].create(
        {"name": "Umum Bench", "code": "BSHM", "type": "general"}
    )
    cr = env.cr
    batch = 5000
    for start in range(0, members, batch):
        count = min(batch, members - start)
        partners = env["res.partner"].create(
            [{"name": f"Anggota {start + i:06d}"} for i in range(count)]
        )
        cr.execute(
            """
            INSERT INTO koperasi_member
                (partner_id, name, nik, company_id, state, member_number,
                 create_uid, write_uid, create_date, write_date)
            SELECT p.id, p.name, lpad((3513100000000000 + p.rn)::text, 16, '0'),
                   %s, 'active', 'BENCH' || p.rn, 1, 1, now(), now()
              FROM (SELECT id, name, %s + row_number() OVER (ORDER BY id) AS rn
                      FROM res_partner WHERE id = ANY(%s)) p
            """,
            (company.id, start, partners.ids),
        )
        env.invalidate_all()
    # pokok before the year for all; wajib paid in a month depending on the id
    cr.execute(
        """
        INSERT INTO koperasi_capital_payment
            (name, member_id, company_id, journal_id, date, kind, amount, state,
             create_uid, write_uid, create_date, write_date)
        SELECT 'B' || m.id, m.id, m.company_id, %s, %s, 'pokok', 100000, 'posted',
               1, 1, now(), now()
          FROM koperasi_member m
        UNION ALL
        SELECT 'W' || m.id, m.id, m.company_id, %s,
               make_date(%s, (m.id %% 12) + 1, 15), 'wajib',
               25000 * ((m.id %% 7) + 1), 'posted', 1, 1, now(), now()
          FROM koperasi_member m
        """,
        (journal.id, datetime.date(YEAR - 1, 12, 1), journal.id, YEAR),
    )
    move = env["account.move"].create(
        {
            "journal_id": misc.id,
            "date": datetime.date(YEAR, 12, 31),
            "line_ids": [
                (0, 0, {"account_id": cash.id, "debit": 987654321.0}),
                (0, 0, {"account_id": income.id, "credit": 987654321.0}),
            ],
        }
    )
    move.action_post()
    return misc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--members", type=int, default=100000)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    with (
        throwaway_database(
            args.config, "kshu_bench", "koperasi_membership", keep=args.keep
        ) as (odoo, registry),
        superuser_env(odoo, registry) as env,
    ):
        cr = env.cr
        started = time.perf_counter()
        misc = populate(env, args.members)
        cr.commit()
        print(
            f"setup: {args.members} members with capital in "
            f"{time.perf_counter() - started:.1f} s (not timed)"
        )
        dist = env["koperasi.shu.distribution"].create(
            {"year": YEAR, "journal_id": misc.id}
        )
        env.flush_all()
        queries = cr.sql_log_count
        started = time.perf_counter()
        dist.action_compute()
        env.flush_all()
        elapsed = time.perf_counter() - started
        queries = cr.sql_log_count - queries
        cr.commit()
        lines = dist.member_line_ids
        print(
            f"SHU {YEAR} for {len(lines)} members: {elapsed:.1f} s, "
            f"{queries} queries "
            f"({'OK' if elapsed < 120 else 'TOO SLOW'}: target < 120 s)"
        )
        members_total = sum(lines.mapped("amount"))
        print(
            f"SHU {dist.shu_amount:,.0f}; members {members_total:,.0f}; "
            f"reserve incl. rounding "
            f"{sum(dist.allocation_line_ids.filtered(lambda a: a.kind == 'reserve').mapped('amount')):,.0f}"
        )


if __name__ == "__main__":
    main()
