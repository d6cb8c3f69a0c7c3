"""Benchmark of koperasi_aquaculture: pond kanban and KPI pivot at scale.

Creates a throwaway database, installs koperasi_aquaculture without demo data,
creates P ponds with B batches each (one growing, the others closed) and D
days of logs per batch (daily feeding, weekly sampling, mortality every ten
days: the logs are inserted with SQL, not timed), recomputes the stored KPIs
of every batch from aggregated queries (timed), then times the server side of
the pond kanban (grouped by state, 40 cards per column) and of the KPI pivot
(read_group by pond and by farmer group x quarter), with their query counts,
prints the figures and drops the database.

    python3 tests/bench_koperasi_aquaculture.py -c odoo.conf [--ponds 500]
        [--batches 20] [--days 90]

Target: kanban and pivot each under 2 s with a query count that does not grow
with the data.
"""

import argparse
import time
from datetime import date, timedelta

from bench_support import superuser_env, throwaway_database

KANBAN_SPEC = {
    "display_name": {},
    "pond_type": {},
    "owner_id": {"fields": {"display_name": {}}},
    "farmer_group_id": {"fields": {"display_name": {}}},
    "area_m2": {},
    "volume_m3": {},
    "state": {},
    "current_batch_id": {"fields": {"display_name": {}}},
    "current_days_of_culture": {},
    "current_live_count": {},
    "current_biomass_kg": {},
}
PIVOT_MEASURES = [
    "harvested_kg:sum",
    "fcr:avg",
    "survival_rate:avg",
    "cost_per_kg:avg",
    "margin:sum",
    "__count",
]


def measure(env, label, func):
    env.invalidate_all()
    cr = env.cr
    queries = cr.sql_log_count
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.3f} s, {cr.sql_log_count - queries} queries")
    return result


def create_data(env, ponds, batches, days):
    farmer_group = env["aquaculture.farmer.group"].create(
        [{"name": f"Pokdakan {i:02d}", "code": f"G{i:02d}"} for i in range(20)]
    )
    farmers = env["res.partner"].create(
        [
            {
                "name": f"Pembudidaya {i:04d}",
                "aquaculture_farmer_group_id": farmer_group[i % 20].id,
            }
            for i in range(ponds)
        ]
    )
    pond_records = env["aquaculture.pond"].create(
        [
            {
                "name": f"Kolam {i:04d}",
                "code": f"K{i:04d}",
                "pond_type": ("terpal", "beton", "tanah", "bioflok")[i % 4],
                "length_m": 5.0,
                "width_m": 4.0,
                "depth_m": 0.8,
                "owner_id": farmers[i].id,
                "farmer_group_id": farmer_group[i % 20].id,
            }
            for i in range(ponds)
        ]
    )
    first = date(2020, 1, 1)
    vals_list = []
    for pond in pond_records:
        for b in range(batches):
            vals_list.append(
                {
                    "name": f"{pond.code}/{b:02d}",
                    "pond_id": pond.id,
                    "stocking_date": first + timedelta(days=100 * b),
                    "fry_count": 1000,
                    "fry_weight_g": 10.0,
                    "fry_cost": 300000.0,
                    "other_cost": 80000.0,
                }
            )
    batch_records = env["aquaculture.batch"].browse()
    for start in range(0, len(vals_list), 2000):
        batch_records |= env["aquaculture.batch"].create(
            vals_list[start : start + 2000]
        )
        env.cr.commit()
    feed = env.ref("koperasi_aquaculture.product_feed_organic")
    cr = env.cr
    cr.execute(
        """
        INSERT INTO aquaculture_log (batch_id, pond_id, company_id, date, log_type,
               product_id, quantity, unit_cost, cost, sample_count, sample_weight_kg,
               abw_g, mortality_count, create_uid, write_uid, create_date, write_date)
        SELECT b.id, b.pond_id, b.company_id, b.stocking_date + d, t.log_type,
               CASE WHEN t.log_type = 'feeding' THEN %(feed)s END,
               CASE WHEN t.log_type = 'feeding' THEN 0.9 + d * 0.05 ELSE 0 END,
               CASE WHEN t.log_type = 'feeding' THEN 9000 ELSE 0 END,
               CASE WHEN t.log_type = 'feeding' THEN (0.9 + d * 0.05) * 9000 ELSE 0 END,
               CASE WHEN t.log_type = 'sampling' THEN 30 ELSE 0 END,
               CASE WHEN t.log_type = 'sampling' THEN 30 * (10 + 1.1 * d) / 1000 ELSE 0 END,
               CASE WHEN t.log_type = 'sampling' THEN 10 + 1.1 * d ELSE 0 END,
               CASE WHEN t.log_type = 'mortality' THEN 15 ELSE 0 END,
               1, 1, now(), now()
          FROM aquaculture_batch b
    CROSS JOIN generate_series(1, %(days)s) d
          JOIN (VALUES ('feeding'), ('sampling'), ('mortality')) t(log_type)
            ON t.log_type = 'feeding'
            OR (t.log_type = 'sampling' AND d %% 7 = 0)
            OR (t.log_type = 'mortality' AND d %% 10 = 5)
         WHERE b.id = ANY(%(ids)s)
        """,
        {"feed": feed.id, "days": days, "ids": batch_records.ids},
    )
    logs = cr.rowcount
    # All batches but the last of each pond are closed.
    cr.execute(
        """
        UPDATE aquaculture_batch b SET state = CASE WHEN b.id = last.id
               THEN 'growing' ELSE 'closed' END,
               date_closed = CASE WHEN b.id = last.id THEN NULL
               ELSE b.stocking_date + %(days)s END
          FROM (SELECT DISTINCT ON (pond_id) pond_id, id FROM aquaculture_batch
                 WHERE id = ANY(%(ids)s) ORDER BY pond_id, stocking_date DESC) last
         WHERE b.pond_id = last.pond_id
        """,
        {"days": days, "ids": batch_records.ids},
    )
    cr.execute(
        """
        UPDATE aquaculture_pond p SET state = 'active', current_batch_id = b.id
          FROM aquaculture_batch b
         WHERE b.pond_id = p.id AND b.state = 'growing' AND p.id = ANY(%s)
        """,
        [pond_records.ids],
    )
    env.invalidate_all()
    cr.commit()
    return pond_records, batch_records, logs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo config file")
    parser.add_argument("--ponds", type=int, default=500)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    with (
        throwaway_database(
            args.config, "kaq_bench", "koperasi_aquaculture", keep=args.keep
        ) as (odoo, registry),
        superuser_env(odoo, registry) as env,
    ):
        cr = env.cr
        started = time.perf_counter()
        ponds, batches, logs = create_data(env, args.ponds, args.batches, args.days)
        print(
            f"data: {len(ponds)} ponds, {len(batches)} batches, {logs} logs "
            f"in {time.perf_counter() - started:.1f} s (not timed below)"
        )
        Batch = env["aquaculture.batch"]

        def recompute():
            for start in range(0, len(batches), 1000):
                chunk = Batch.browse(batches.ids[start : start + 1000])
                chunk._compute_kpis()
                chunk.flush_recordset()

        measure(env, f"KPI recompute of {len(batches)} batches", recompute)
        cr.commit()
        growing = batches.filtered(lambda b: b.state == "growing")[:1]
        measure(
            env,
            "one feeding log + its batch KPIs (ORM, stock move included)",
            lambda: (
                env["aquaculture.log"]
                .create(
                    {
                        "batch_id": growing.id,
                        "log_type": "feeding",
                        "product_id": env.ref(
                            "koperasi_aquaculture.product_feed_organic"
                        ).id,
                        "quantity": 5.0,
                    }
                )
                .batch_id.fcr
            ),
        )
        manager = env.ref("base.user_admin")
        Pond = env["aquaculture.pond"].with_user(manager)
        BatchU = Batch.with_user(manager)

        def kanban():
            groups = Pond.web_read_group([], ["state"], ["state"])
            for group in groups["groups"]:
                Pond.web_search_read(group["__domain"], KANBAN_SPEC, limit=40)
            return groups

        measure(env, "pond kanban (grouped by state, 40 cards/column)", kanban)
        measure(
            env,
            "pond kanban (ungrouped, 80 cards)",
            lambda: Pond.web_search_read([], KANBAN_SPEC, limit=80),
        )
        measure(
            env,
            f"KPI pivot by pond ({len(ponds)} rows)",
            lambda: BatchU.read_group([], PIVOT_MEASURES, ["pond_id"], lazy=False),
        )
        measure(
            env,
            "KPI pivot farmer group x stocking quarter",
            lambda: BatchU.read_group(
                [],
                PIVOT_MEASURES,
                ["farmer_group_id", "stocking_date:quarter"],
                lazy=False,
            ),
        )
        measure(
            env,
            "KPI graph by pond type",
            lambda: BatchU.read_group([], ["harvested_kg:sum"], ["pond_type"]),
        )
        cr.rollback()


if __name__ == "__main__":
    main()
