"""Benchmark of the dinas_portal public directory.

Creates a throwaway database with dinas_portal, fills the registry with N
cooperatives and N MSMEs (default 5,000 + 5,000 = 10,000 records), then
renders directory pages (first page, a middle page, a search, a filter) through
Odoo's HTTP stack and prints the median time and the query count of each.

    python3 tests/bench_dinas_portal.py -c odoo.conf [--records 5000] [--keep]

The database is named ``dns_bench_<pid>`` and dropped at the end unless --keep.
Not part of CI.
"""

import argparse
import os
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

KECAMATAN = [
    "Kraksaan",
    "Leces",
    "Paiton",
    "Tongas",
    "Dringu",
    "Gending",
    "Pajarakan",
    "Krucil",
    "Sukapura",
    "Sumberasih",
]
TYPES = ["ksp", "ksu", "consumer", "producer", "marketing", "services"]
SECTORS = ["culinary", "fashion", "craft", "agriculture", "fishery", "trade"]


def create_database(name):
    odoo.service.db._create_empty_database(name)
    config["init"] = {"dinas_portal": 1}
    config["without_demo"] = True
    odoo.modules.registry.Registry.new(name, update_module=True)
    config["init"] = {}


def fill(registry, records):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        env["dinas.cooperative"].create(
            [
                {
                    "name": f"Koperasi Bench {i:05d}",
                    "nik_koperasi": f"BENCH{i:06d}",
                    "cooperative_type": TYPES[i % len(TYPES)],
                    "kecamatan": KECAMATAN[i % len(KECAMATAN)],
                    "desa": f"Desa {i % 97}",
                    "member_count": 20 + i % 500,
                }
                for i in range(records)
            ]
        )
        env["dinas.msme"].create(
            [
                {
                    "name": f"UMKM Bench {i:05d}",
                    "nib": f"NIB{i:010d}",
                    "sector": SECTORS[i % len(SECTORS)],
                    "kecamatan": KECAMATAN[i % len(KECAMATAN)],
                }
                for i in range(records)
            ]
        )


def measure(url, runs):
    """Median wall time (ms) and query count of GET url, in-process."""
    from werkzeug.test import Client

    from odoo.http import root

    client = Client(root)
    client.get(url)  # warm caches
    times = []
    queries = []
    for _run in range(runs):
        count0 = odoo.sql_db.sql_counter
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        queries.append(odoo.sql_db.sql_counter - count0)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), max(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    config.parse_config(["-c", args.config])
    name = f"dns_bench_{os.getpid()}"
    config["db_name"] = name
    config["dbfilter"] = f"^{name}$"
    print(f"Creating {name} with dinas_portal...")
    create_database(name)
    try:
        registry = odoo.modules.registry.Registry(name)
        start = time.perf_counter()
        fill(registry, args.records)
        print(
            f"Created {args.records} cooperatives and {args.records} MSMEs "
            f"in {time.perf_counter() - start:.1f}s"
        )
        urls = [
            "/dinas/direktori",
            f"/dinas/direktori/page/{max(args.records // 40, 1)}",
            "/dinas/direktori?search=Bench 0042",
            "/dinas/direktori?kecamatan=Paiton&category=ksp",
            "/dinas/direktori?kind=umkm&kecamatan=Leces",
        ]
        print(f"{'url':55} {'median ms':>10} {'queries':>8}")
        for url in urls:
            median_ms, queries = measure(url, args.runs)
            print(f"{url:55} {median_ms:10.1f} {queries:8d}")
    finally:
        if not args.keep:
            odoo.sql_db.close_all()
            odoo.service.db.exp_drop(name)
            print(f"Dropped {name}")


if __name__ == "__main__":
    main()
