"""Benchmark of koperasi_membership: a period's wajib dues for many members.

Creates a throwaway database, installs koperasi_membership without demo data,
creates N active members (not timed), then times the creation of one period's
simpanan wajib dues (batched creates) and its idempotent re-run, prints the
figures and drops the database.

    python3 tests/bench_koperasi_membership.py -c odoo.conf [--members 10000]

Target: under 60 s for 10,000 members.
"""

import argparse
import time

from bench_support import superuser_env, throwaway_database


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    with (
        throwaway_database(
            args.config, "kmem_bench", "koperasi_membership", keep=args.keep
        ) as (odoo, registry),
        superuser_env(odoo, registry) as env,
    ):
        cr = env.cr
        company = env.company
        company.koperasi_wajib_amount = 25000.0
        started = time.perf_counter()
        batch = 1000
        for start in range(0, args.members, batch):
            count = min(batch, args.members - start)
            partners = env["res.partner"].create(
                [{"name": f"Anggota {start + i:05d}"} for i in range(count)]
            )
            env["koperasi.member"].create(
                [
                    {
                        "partner_id": partner.id,
                        "nik": f"{3513100000000000 + start + i:016d}",
                        "state": "active",
                        "join_date": "2020-01-01",
                    }
                    for i, partner in enumerate(partners)
                ]
            )
            env.flush_all()
            env.invalidate_all()
        cr.commit()
        print(
            f"setup: {args.members} active members in "
            f"{time.perf_counter() - started:.1f} s (not timed)"
        )
        Due = env["koperasi.capital.due"]
        started = time.perf_counter()
        created = Due._create_wajib_dues(company, "2026-11-01")
        env.flush_all()
        cr.commit()
        elapsed = time.perf_counter() - started
        print(
            f"wajib dues of one period: {created} created in {elapsed:.1f} s "
            f"({'OK' if elapsed < 60 else 'TOO SLOW'}: target < 60 s)"
        )
        started = time.perf_counter()
        again = Due._create_wajib_dues(company, "2026-11-01")
        env.flush_all()
        print(
            f"re-run of the same period: {again} created in "
            f"{time.perf_counter() - started:.2f} s"
        )
        arrears = sum(env["koperasi.member"].search([]).mapped("arrears_amount"))
        print(f"total arrears: {arrears:,.0f}")


if __name__ == "__main__":
    main()
