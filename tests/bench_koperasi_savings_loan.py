"""Benchmark of koperasi_savings_loan: month-end interest, loan schedules, overdue run.

Creates a throwaway database, installs koperasi_savings_loan without demo data
(and OCA's account_loan when its addons folder is given), then:

1. month-end savings interest: for each scale (default 1,000 / 10,000 /
   100,000 accounts) inserts that many members, each with a contact of their
   own, and a funded account each (bulk SQL, not timed), and times the
   scheduled action run batch after batch until nothing is left; prints
   seconds per 1,000 accounts (target: flat, 1,000,000 under 10 minutes);
2. generating and saving N loans of 12 instalments (target: 10,000 in 30 s);
3. the daily overdue run over their instalments (target: 100,000 in 60 s);
4. with --oca-addons: the same loans with OCA account_loan (create and
   compute_lines) and its daily job (generate the entries of due lines), and
   the ratios.

    python3 tests/bench_koperasi_savings_loan.py -c odoo.conf \
        [--scales 1000,10000,100000] [--loans 10000] [--oca-addons PATH]
"""

import argparse
import time
from datetime import date, timedelta

from bench_support import throwaway_database

BATCH = 1000


def _setup_accounting(env, prefix="BN"):
    Account = env["account.account"]

    def account(code, name, account_type):
        return Account.create(
            {"code": f"{prefix}{code}", "name": name, "account_type": account_type}
        )

    acc = {
        "liability": account("201", "Simpanan", "liability_current"),
        "interest": account("601", "Beban Bunga", "expense"),
        "tax": account("202", "PPh Final", "liability_current"),
        "fee": account("401", "Pendapatan Admin", "income_other"),
        "cash": account("101", "Kas", "asset_cash"),
        "receivable": account("131", "Piutang Pinjaman", "asset_current"),
        "loan_income": account("411", "Pendapatan Bunga", "income"),
    }
    acc["journal"] = env["account.journal"].create(
        {"name": "Simpanan Bench", "code": f"{prefix}S", "type": "general"}
    )
    acc["cash_journal"] = env["account.journal"].create(
        {
            "name": "Kas Bench",
            "code": f"{prefix}K",
            "type": "cash",
            "default_account_id": acc["cash"].id,
        }
    )
    return acc


def _insert_funded_accounts(env, product, count, offset):
    """Members, accounts and one posted opening deposit each, in bulk SQL."""
    cr = env.cr
    company = env.company
    opening = date.today().replace(day=1) - timedelta(days=45)
    for start in range(0, count, 10000):
        n = min(10000, count - start)
        base = offset + start
        # One contact per member, as in a cooperative: the interest entry
        # carries one savings line per member.
        cr.execute(
            """
            INSERT INTO res_partner (name, complete_name, active, type, is_company,
                                     autopost_bills, create_uid, write_uid,
                                     create_date, write_date)
            SELECT 'Penabung ' || g, 'Penabung ' || g, true, 'contact', false, 'ask',
                   1, 1, now(), now()
              FROM generate_series(%s, %s) g
            RETURNING id
            """,
            [base, base + n - 1],
        )
        partner_ids = [row[0] for row in cr.fetchall()]
        cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            [partner_ids],
        )
        cr.execute(
            """
            INSERT INTO koperasi_member (company_id, partner_id, name, member_number, nik,
                                         state, create_uid, write_uid, create_date, write_date)
            SELECT %s, p.id, p.name, 'BENCH' || p.id,
                   lpad((3513000000000000 + p.id)::text, 16, '0'), 'active', 1, 1, now(), now()
              FROM res_partner p WHERE p.id = ANY(%s)
            RETURNING id
            """,
            [company.id, partner_ids],
        )
        member_ids = [row[0] for row in cr.fetchall()]
        cr.execute(
            """
            INSERT INTO koperasi_savings_account (name, company_id, member_id, partner_id,
                   product_id, kind, state, open_date, interest_period, create_uid,
                   write_uid, create_date, write_date)
            SELECT 'SIMB/' || m.id, m.company_id, m.id, m.partner_id, %s, 'sukarela', 'open',
                   %s, '0000-00', 1, 1, now(), now()
              FROM koperasi_member m WHERE m.id = ANY(%s)
            RETURNING id, member_id, partner_id
            """,
            [product.id, opening, member_ids],
        )
        rows = cr.fetchall()
        cr.execute(
            """
            INSERT INTO koperasi_savings_transaction (name, company_id, account_id, member_id,
                   partner_id, product_id, date, type, amount, signed_amount, state,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/' || a.id, %s, a.id, a.member_id, a.partner_id, %s, %s, 'deposit',
                   1000000 + (a.id %% 97) * 10000, 1000000 + (a.id %% 97) * 10000, 'posted',
                   1, 1, now(), now()
              FROM koperasi_savings_account a WHERE a.id = ANY(%s)
            """,
            [company.id, product.id, opening, [row[0] for row in rows]],
        )
    env.invalidate_all()


def bench_interest(registry, odoo, scales):
    results = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        acc = _setup_accounting(env)
        product = env["koperasi.savings.product"].create(
            {
                "name": "Sukarela Bench",
                "interest_rate": 3.0,
                "interest_basis": "daily",
                "journal_id": acc["journal"].id,
                "account_liability_id": acc["liability"].id,
                "account_interest_id": acc["interest"].id,
                "account_tax_id": acc["tax"].id,
                "account_fee_id": acc["fee"].id,
            }
        )
        cr.commit()
        # The job's first batches in a process fill Odoo's caches (views of
        # the fields' dependencies, sequences): a warm-up, untimed.
        _insert_funded_accounts(env, product, 100, 0)
        cr.commit()
        Account = env["koperasi.savings.account"]
        while Account._cron_post_monthly_interest(batch_size=BATCH):
            cr.commit()
            env.invalidate_all()
        offset = 100
        for scale in scales:
            started = time.perf_counter()
            _insert_funded_accounts(env, product, scale, offset)
            cr.commit()
            setup = time.perf_counter() - started
            offset += scale
            Account = env["koperasi.savings.account"]
            started = time.perf_counter()
            processed = 0
            while True:
                done = Account._cron_post_monthly_interest(batch_size=BATCH)
                env.flush_all()
                cr.commit()
                env.invalidate_all()
                if not done:
                    break
                processed += len(done)
            elapsed = time.perf_counter() - started
            rerun = Account._cron_post_monthly_interest(batch_size=BATCH)
            per_k = elapsed / processed * 1000 if processed else 0.0
            results.append((scale, processed, elapsed, per_k))
            print(
                f"interest: {scale:>7} accounts (setup {setup:.1f} s, not timed): "
                f"{elapsed:.1f} s, {per_k:.2f} s per 1,000 accounts; "
                f"re-run posts {len(rerun)}",
                flush=True,
            )
        if len(results) > 1:
            low = min(r[3] for r in results)
            high = max(r[3] for r in results)
            print(f"interest: per-1,000 cost spread {100 * (high - low) / low:.1f}%")
    return results


def bench_loans(registry, odoo, count):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        acc = _setup_accounting(env, prefix="BL")
        product = env["koperasi.loan.product"].create(
            {
                "name": "Pinjaman Bench",
                "interest_method": "anuitas",
                "interest_rate": 12.0,
                "term_min": 1,
                "term_max": 36,
                "penalty_rate": 0.1,
                "journal_id": acc["journal"].id,
                "account_receivable_id": acc["receivable"].id,
                "account_interest_id": acc["loan_income"].id,
                "account_fee_id": acc["fee"].id,
            }
        )
        partner = env["res.partner"].create({"name": "Peminjam Bench"})
        members = env["koperasi.member"].create(
            [
                {
                    "partner_id": partner.id,
                    "nik": f"{3514000000000000 + i:016d}",
                    "state": "active",
                }
                for i in range(100)
            ]
        )
        cr.commit()
        disbursed_on = date.today() - timedelta(days=200)
        started = time.perf_counter()
        Loan = env["koperasi.loan"]
        for start in range(0, count, BATCH):
            n = min(BATCH, count - start)
            loans = Loan.create(
                [
                    {
                        "member_id": members[(start + i) % 100].id,
                        "product_id": product.id,
                        "amount": 5000000 + ((start + i) % 50) * 100000,
                        "term_months": 12,
                        "state": "disbursed",
                        "disbursement_date": disbursed_on,
                    }
                    for i in range(n)
                ]
            )
            loans._generate_lines()
            env.flush_all()
            env.invalidate_all()
        cr.commit()
        generate = time.perf_counter() - started
        lines = env["koperasi.loan.line"].search_count([])
        print(
            f"loans: {count} loans, {lines} instalments generated and saved in {generate:.1f} s"
        )
        started = time.perf_counter()
        while True:
            done = Loan._cron_daily_overdue()
            env.flush_all()
            cr.commit()
            env.invalidate_all()
            if not done:
                break
        overdue = time.perf_counter() - started
        late = Loan.search_count([("days_past_due", ">", 0)])
        print(
            f"loans: daily overdue run over {lines} instalments in {overdue:.1f} s "
            f"({late} loans past due)"
        )
        return generate, overdue, lines


def bench_oca(registry, odoo, count):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        acc = _setup_accounting(env, prefix="BO")
        partner = env["res.partner"].create({"name": "Peminjam OCA"})
        start_date = date.today() - timedelta(days=200)
        Loan = env["account.loan"]
        started = time.perf_counter()
        for start in range(0, count, BATCH):
            n = min(BATCH, count - start)
            loans = Loan.create(
                [
                    {
                        "partner_id": partner.id,
                        "loan_amount": 5000000 + ((start + i) % 50) * 100000,
                        "periods": 12,
                        "rate": 12.0,
                        "rate_type": "napr",
                        "loan_type": "fixed-annuity",
                        "start_date": start_date,
                        "journal_id": acc["journal"].id,
                        "short_term_loan_account_id": acc["liability"].id,
                        "interest_expenses_account_id": acc["interest"].id,
                    }
                    for i in range(n)
                ]
            )
            for loan in loans:
                loan.compute_lines()
            env.flush_all()
            env.invalidate_all()
        cr.commit()
        generate = time.perf_counter() - started
        lines = env["account.loan.line"].search_count([])
        print(
            f"oca: {count} account.loan, {lines} lines generated and saved in {generate:.1f} s"
        )
        # OCA has no overdue run; its daily job finds the due lines of posted
        # loans: time that search over the same lines.
        started = time.perf_counter()
        due = env["account.loan.line"].search(
            [("date", "<=", date.today()), ("move_ids", "=", False)]
        )
        len(due.mapped("loan_id"))
        overdue = time.perf_counter() - started
        print(
            f"oca: due-line scan over {lines} lines in {overdue:.1f} s ({len(due)} due)"
        )
        return generate, overdue


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--loans", type=int, default=10000)
    parser.add_argument("--oca-addons", help="folder holding OCA's account_loan 18.0")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    modules = "koperasi_savings_loan" + (",account_loan" if args.oca_addons else "")
    extra = []
    if args.oca_addons:
        from configparser import ConfigParser

        conf = ConfigParser()
        conf.read(args.config)
        extra = [f"--addons-path={conf['options']['addons_path']},{args.oca_addons}"]
    with throwaway_database(
        args.config, "ksl_bench", modules, keep=args.keep, extra_args=extra
    ) as (odoo, registry):
        scales = [int(s) for s in args.scales.split(",") if s]
        bench_interest(registry, odoo, scales)
        generate, overdue, __ = bench_loans(registry, odoo, args.loans)
        if args.oca_addons:
            oca_generate, oca_overdue = bench_oca(registry, odoo, args.loans)
            print(
                f"ratio OCA/koperasi: generation {oca_generate / generate:.2f}x, "
                f"daily run {oca_overdue / overdue:.2f}x"
            )


if __name__ == "__main__":
    main()
