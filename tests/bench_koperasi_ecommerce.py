"""Benchmark of koperasi_ecommerce: /shop and a product page vs plain website_sale.

Creates three throwaway databases (without demo data): website_sale alone,
the modules koperasi_ecommerce depends on (loyalty, stock, wire transfer,
membership) without it, and koperasi_ecommerce; publishes the same N products
in each (in koperasi_ecommerce with producers, badges and a member pricelist),
serves each database in turn with a real Odoo HTTP server, in interleaved
rounds, times R requests of /shop and of a product page (public visitor, after
W untimed warm-up requests per round), prints the medians and the ratios, and drops the databases.

    python3 tests/bench_koperasi_ecommerce.py -c odoo.conf [--products 1000]
        [--requests 60] [--rounds 3] [--warmup 30] [--port 8173] [--storable]
        [--keep | --reuse SUFFIX]

--storable makes the products storable with stock on hand where stock is
installed (plain website_sale has no stock: its products stay as they are),
to see what the stock figures of a real catalogue cost.

Target: with the addon, each median at most 10% above plain website_sale
(ratio <= 1.10).
"""

import argparse
import statistics
import subprocess
import sys
import time
import uuid

import requests


def populate(dbname, products, koperasi, storable=False):
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.company
        values = {"is_published": True, "sale_ok": True, "company_id": company.id}
        producers = badges = None
        if koperasi:
            partners = env["res.partner"].create(
                [{"name": f"Produsen {i}"} for i in range(5)]
            )
            members = env["koperasi.member"].create(
                [
                    {
                        "partner_id": p.id,
                        "nik": f"{3513200000000000 + i:016d}",
                        "state": "active",
                    }
                    for i, p in enumerate(partners)
                ]
            )
            unit = env["koperasi.business.unit"].create({"name": "Unit Olahan"})
            producers = env["koperasi.producer"].create(
                [{"producer_type": "member", "member_id": m.id} for m in members]
                + [{"producer_type": "business_unit", "business_unit_id": unit.id}]
            )
            badges = env["koperasi.product.badge"].create(
                [{"name": name} for name in ("Organik", "Halal", "Produk Anggota")]
            )
            public = env["product.pricelist"].search([], limit=1)
            company.koperasi_member_pricelist_id = env["product.pricelist"].create(
                {
                    "name": "Harga Anggota",
                    "selectable": False,
                    "sequence": 90,
                    "item_ids": [
                        (
                            0,
                            0,
                            {
                                "applied_on": "3_global",
                                "compute_price": "formula",
                                "base": "pricelist",
                                "base_pricelist_id": public.id,
                                "price_discount": 10,
                            },
                        )
                    ],
                }
            )
        batch = 250
        for start in range(0, products, batch):
            vals_list = []
            for index in range(start, min(products, start + batch)):
                vals = {
                    **values,
                    "name": f"Produk Koperasi {index:05d}",
                    "list_price": 10000 + index,
                }
                if koperasi:
                    vals["koperasi_producer_id"] = producers[index % len(producers)].id
                    vals["koperasi_badge_ids"] = [(6, 0, badges[: 1 + index % 3].ids)]
                vals_list.append(vals)
            env["product.template"].create(vals_list)
            env.flush_all()
            env.invalidate_all()
        if storable:
            # The real catalogue: storable products with stock on hand.
            templates = env["product.template"].search(
                [("name", "=like", "Produk Koperasi %")]
            )
            templates.is_storable = True
            location = env["stock.warehouse"].search([], limit=1).lot_stock_id
            for variant in templates.product_variant_id:
                env["stock.quant"]._update_available_quantity(variant, location, 100)
            env.flush_all()
        product = env["product.template"].search(
            [("name", "=", "Produk Koperasi 00000")], limit=1
        )
        url = product.website_url
        cr.commit()
    return url


def _product_url(dbname):
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    with Registry(dbname).cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        product = env["product.template"].search(
            [("name", "=", "Produk Koperasi 00000")], limit=1
        )
        return product.website_url


def serve_and_time(args, dbname, urls):
    command = [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        args.config,
        "-d",
        dbname,
        f"--db-filter=^{dbname}$",
        "--http-port",
        str(args.port),
        "--max-cron-threads=0",
        "--log-level=warn",
    ]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _i in range(120):
            try:
                if requests.get(base + "/web/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        session = requests.Session()
        results = {}
        # Warm-up: a freshly started server compiles views and fills its
        # caches during its first requests; only steady serving is timed.
        for url in urls.values():
            for _i in range(args.warmup):
                response = session.get(base + url, timeout=60)
                response.raise_for_status()
        for label, url in urls.items():
            timings = []
            for _i in range(args.requests_now):
                started = time.perf_counter()
                response = session.get(base + url, timeout=60)
                timings.append(time.perf_counter() - started)
                response.raise_for_status()
            results[label] = timings
        return results
    finally:
        server.terminate()
        server.wait(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument(
        "--warmup", type=int, default=30, help="untimed requests per page and round"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8173)
    parser.add_argument(
        "--storable",
        action="store_true",
        help="products tracked in stock (100 on hand) where stock is installed",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument(
        "--reuse",
        metavar="SUFFIX",
        help="time the databases kept by an earlier --keep run (their suffix)",
    )
    args = parser.parse_args()

    import odoo

    odoo.tools.config.parse_config(["-c", args.config])
    suffix = args.reuse or uuid.uuid4().hex[:8]
    if args.reuse:
        args.keep = True
    # "dependencies": the modules koperasi_ecommerce brings along (loyalty,
    # stock, transfer, membership) without it, to separate its own cost.
    setups = [
        ("website_sale", False),
        ("dependencies", False),
        ("koperasi_ecommerce", True),
    ]
    modules = {
        "website_sale": "website_sale",
        "dependencies": "website_sale,website_sale_loyalty,sale_stock,payment_custom,account_payment,koperasi_membership",
        "koperasi_ecommerce": "koperasi_ecommerce",
    }
    databases = {name: f"kec_bench_{name}_{suffix}" for name, _k in setups}
    urls = {}
    timings = {name: {"/shop": [], "product page": []} for name, _k in setups}
    try:
        for name, koperasi in setups:
            dbname = databases[name]
            if args.reuse:
                urls[name] = {"/shop": "/shop", "product page": _product_url(dbname)}
                continue
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "odoo",
                    "-c",
                    args.config,
                    "-d",
                    dbname,
                    "-i",
                    modules[name],
                    "--without-demo=all",
                    "--stop-after-init",
                    "--log-level=warn",
                    "--http-port=0",
                ],
                check=True,
            )
            product_url = populate(
                dbname,
                args.products,
                koperasi,
                storable=args.storable and name != "website_sale",
            )
            urls[name] = {"/shop": "/shop", "product page": product_url}
            print(
                f"{name}: installed and {args.products} products in "
                f"{time.perf_counter() - started:.0f} s"
            )
        # Interleaved rounds: the three servers are timed in turn, several
        # times, so that a busy machine affects them alike.
        per_round = max(1, args.requests // args.rounds)
        for _round in range(args.rounds):
            for name, _k in setups:
                args.requests_now = per_round
                results = serve_and_time(args, databases[name], urls[name])
                for page, values in results.items():
                    timings[name][page].extend(values)
        figures = {
            name: {page: statistics.median(values) for page, values in pages.items()}
            for name, pages in timings.items()
        }
        print(
            f"\nmedian of {per_round * args.rounds} requests in {args.rounds} interleaved rounds, "
            f"{args.products} published products, public visitor"
            + (
                ", storable with stock where stock is installed"
                if args.storable
                else ""
            )
        )
        print(
            f"{'page':<14}{'website_sale':>14}{'dependencies':>14}{'koperasi':>12}"
            f"{'ratio':>8}{'own ratio':>11}"
        )
        worst = 0.0
        for page in ("/shop", "product page"):
            plain = figures["website_sale"][page]
            deps = figures["dependencies"][page]
            ours = figures["koperasi_ecommerce"][page]
            ratio = ours / plain
            worst = max(worst, ratio)
            print(
                f"{page:<14}{plain * 1000:>12.1f}ms{deps * 1000:>12.1f}ms"
                f"{ours * 1000:>10.1f}ms{ratio:>8.2f}{ours / deps:>11.2f}"
            )
        print(
            "ratio: koperasi_ecommerce / website_sale; own ratio: / its dependencies alone"
        )
        print(
            f"worst ratio {worst:.2f}: "
            f"{'OK' if worst <= 1.10 else 'ABOVE TARGET'} (target <= 1.10)"
        )
    finally:
        if not args.keep:
            for dbname in databases.values():
                odoo.sql_db.close_db(dbname)
                subprocess.run(
                    ["dropdb", "--if-exists", dbname], check=False, env=_pg_env()
                )


def _pg_env():
    import os

    from odoo.tools import config

    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(config["db_host"] or ""),
            "PGPORT": str(config["db_port"] or ""),
            "PGUSER": str(config["db_user"] or ""),
            "PGPASSWORD": str(config["db_password"] or ""),
        }
    )
    return env


if __name__ == "__main__":
    main()
