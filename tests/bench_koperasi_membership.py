"""Benchmark of koperasi_membership: a period's wajib dues for many members.

Creates a throwaway database, installs koperasi_membership without demo data,
creates N active members (not timed), then times the creation of one period's
simpanan wajib dues (batched creates) and its idempotent re-run, prints the
figures and drops the database.

    python3 tests/bench_koperasi_membership.py -c odoo.conf [--members 10000]

Target: under 60 s for 10,000 members.
"""

import argparse
import subprocess
import sys
import time
import uuid


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    dbname = f"kmem_bench_{uuid.uuid4().hex[:8]}"
    odoo_cmd = [sys.executable, "-m", "odoo", "-c", args.config, "-d", dbname]
    subprocess.run(
        [
            *odoo_cmd,
            "-i",
            "koperasi_membership",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            "--no-http",
        ],
        check=True,
    )
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", args.config])
    try:
        registry = Registry(dbname)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env = env(context=dict(env.context, tracking_disable=True))
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
    finally:
        if not args.keep:
            odoo.sql_db.close_db(dbname)
            odoo.service.db.exp_drop(dbname)


if __name__ == "__main__":
    main()
