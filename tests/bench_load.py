"""Load benchmark of the month-end rush: virtual members through the proxy.

    python3 tests/bench_load.py --config odoo.conf
    python3 tests/bench_load.py --config odoo.conf --users 200 --run-time 3m
    python3 tests/bench_load.py --config odoo.conf --nodes 2 --stop-node-after 60

On a throwaway database (a fresh showcase, or a copy of --template), it
builds --members members with portal logins and history
(tests/load/build_members.py), serves it with scripts/serve.sh (Odoo in
prefork mode, --nodes nodes of --workers workers, behind nginx on loopback),
and runs locust headless (tests/load/locustfile.py): --users virtual members
with 1-3 s of think time log in and browse the portal, the shop and the Dinas
site. It prints, per route, the requests, failures, throughput and
p50/p95/p99 in ms, Odoo's own pages (/my, /contactus, /web/login) beside the
suite's, and what the proxy logged (refused or reset upstream connections).
With --stop-node-after S, the last node is stopped S seconds into the run;
its members must go on (no errors, no lost session).

Locust is installed in a virtual environment of its own (var/locust, made on
first use): its HTTP libraries are newer than the ones Odoo pins. The
database server is the one of --config. Nothing is asserted: the figures are
printed. Loopback only.
"""

import argparse
import configparser
import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench_support import pg_environ, serving

ROOT = Path(__file__).resolve().parent.parent
LOCUST_VERSION = "2.47.0"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--config",
        required=True,
        help="Odoo configuration (its database server is used)",
    )
    parser.add_argument(
        "--template", help="copy this showcase database instead of building one"
    )
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument(
        "--users", type=int, default=200, help="virtual members at once"
    )
    parser.add_argument(
        "--spawn-rate", type=float, default=10, help="virtual members started a second"
    )
    parser.add_argument("--run-time", default="3m")
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=2, help="HTTP workers of each node"
    )
    parser.add_argument(
        "--stop-node-after", type=float, help="stop the last node this many seconds in"
    )
    parser.add_argument(
        "--port", type=int, default=8690, help="proxy port on 127.0.0.1"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database and the run folder"
    )
    args = parser.parse_args()
    # Bounded: a benchmark of this machine, not a load test of someone's.
    if (
        not 1 <= args.users <= 1000
        or not 1 <= args.members <= 20000
        or not 1 <= args.nodes <= 8
    ):
        parser.error("--users 1-1000, --members 1-20000, --nodes 1-8")
    if (
        not re.fullmatch(r"(\d+h)?(\d+m)?(\d+s)?", args.run_time)
        or run_seconds(args.run_time) > 3600
    ):
        parser.error("--run-time such as 90s, 5m or 1h (at most 1h)")

    conf = configparser.ConfigParser()
    conf.read(args.config)
    options = conf["options"]
    pg_env = pg_environ(options)
    run = Path(tempfile.mkdtemp(prefix="koperasi-load-"))
    data = run / "data"
    db = f"load_{uuid.uuid4().hex[:8]}"
    try:
        started = time.monotonic()
        make_database(args, options, pg_env, run, data, db)
        print(f"database {db} ready in {time.monotonic() - started:.0f} s", flush=True)
        (run / "serve").mkdir()
        with serving(
            db,
            options,
            run / "serve",
            data,
            args.nodes,
            args.workers,
            args.port,
            args.port + 100,
        ):
            print(
                (run / "serve" / "serve.out").read_text().strip().splitlines()[-2],
                flush=True,
            )
            run_locust(args, run)
        report(args, run, run / "locust")
    finally:
        if args.keep:
            print(f"kept database {db} and {run}")
        else:
            subprocess.run(
                ["dropdb", "--if-exists", "--force", db], env=pg_env, check=False
            )
            shutil.rmtree(run, ignore_errors=True)


def run_locust(args, run):
    locust = ensure_locust()
    stopper = None
    if args.stop_node_after:
        stopper = threading.Timer(args.stop_node_after, stop_node, (run, args.nodes))
        stopper.start()
    out = run / "locust"
    subprocess.run(
        [
            locust,
            "-f",
            str(ROOT / "tests/load/locustfile.py"),
            "--headless",
            "--host",
            f"http://127.0.0.1:{args.port}",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            args.run_time,
            "--csv",
            str(out),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env={**os.environ, "KOPERASI_BENCH_MEMBERS": str(args.members)},
        check=False,
    )
    if stopper:
        stopper.cancel()


def run_seconds(text):
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(
        int(number) * units[unit] for number, unit in re.findall(r"(\d+)([hms])", text)
    )


def odoo_conf(options, run, data):
    """A configuration of the throwaway run: the given one, its own data."""
    path = run / "build.conf"
    conf = configparser.ConfigParser()
    conf["options"] = {**options, "data_dir": str(data)}
    with path.open("w") as handle:
        conf.write(handle)
    return path


def make_database(args, options, pg_env, run, data, db):
    conf = odoo_conf(options, run, data)
    data.mkdir(parents=True)
    if args.template:
        subprocess.run(["createdb", "-T", args.template, db], env=pg_env, check=True)
        source = Path(options.get("data_dir") or "") / "filestore" / args.template
        if source.is_dir():
            shutil.copytree(source, data / "filestore" / db)
    else:
        print("building a showcase database (a few minutes)", flush=True)
        script = 'source scripts/lib.sh; find_odoo; build_showcase "$1" "$2" "$3"'
        subprocess.run(
            ["bash", "-c", script, "bench", db, str(conf), str(run / "showcase.log")],
            cwd=ROOT,
            env=pg_env,
            check=True,
        )
    started = time.monotonic()
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "shell",
            "-c",
            str(conf),
            "-d",
            db,
            "--no-http",
            "--log-level=warn",
        ],
        stdin=(ROOT / "tests/load/build_members.py").open(),
        env={**pg_env, "KOPERASI_BENCH_MEMBERS": str(args.members)},
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        check=False,
    )
    if "Bench members ready" not in built.stdout:
        sys.exit(
            f"building the members failed:\n{built.stdout[-3000:]}\n{built.stderr[-3000:]}"
        )
    print(
        f"{args.members} members with logins and history in {time.monotonic() - started:.0f} s",
        flush=True,
    )


def ensure_locust():
    venv = ROOT / "var" / "locust"
    locust = venv / "bin" / "locust"
    if not locust.exists():
        print("installing locust in var/locust", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"locust=={LOCUST_VERSION}"],
            check=True,
        )
    return str(locust)


def stop_node(run, node):
    pid = int((run / "serve" / f"node-{node}.pid").read_text())
    os.kill(pid, signal.SIGTERM)
    print(f"\n-- node {node} stopped (SIGTERM to {pid}) --", flush=True)


def report(args, run, out):
    stats = list(csv.DictReader(Path(f"{out}_stats.csv").open()))
    plain = ("/my (Odoo)", "/contactus (Odoo)", "/web/login", "/web/login (POST)")
    print(
        f"\n{args.users} virtual members, 1-3 s think time, {args.run_time}, "
        f"{args.nodes} node(s) x {args.workers} worker(s) behind nginx"
    )
    header = f"{'route':<22}{'requests':>9}{'failures':>9}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}  (ms)"
    for title, rows in (
        (
            "the suite's pages",
            [r for r in stats if r["Name"] not in plain and r["Name"] != "Aggregated"],
        ),
        ("Odoo's own pages", [r for r in stats if r["Name"] in plain]),
        ("all", [r for r in stats if r["Name"] == "Aggregated"]),
    ):
        print(f"\n{title}\n{header}")
        for row in rows:
            print(
                f"{row['Name']:<22}{row['Request Count']:>9}{row['Failure Count']:>9}"
                f"{float(row['Requests/s']):>8.1f}{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
            )
    failures = list(csv.DictReader(Path(f"{out}_failures.csv").open()))
    print(f"\nfailures: {sum(int(f['Occurrences']) for f in failures)}")
    for failure in failures:
        print(
            f"  {failure['Occurrences']:>5} x {failure['Method']} {failure['Name']}: {failure['Error'][:160]}"
        )
    errors = (
        (run / "serve" / "nginx-error.log").read_text(errors="replace").splitlines()
    )
    refused = sum("Connection refused" in line for line in errors)
    reset = sum(
        "reset by peer" in line or "prematurely closed" in line for line in errors
    )
    timed_out = sum("timed out" in line for line in errors)
    print(
        f"proxy: {refused} upstream connections refused, {reset} reset and {timed_out} timed out; "
        "a request that never reached a node, or a GET whose node stopped, went to another node "
        "(only the failures above reached a member)"
    )


if __name__ == "__main__":
    main()
