"""What the benchmark scripts share: a throwaway database to time things in.

    with throwaway_database(args.config, "kmem_bench", "koperasi_membership",
                            keep=args.keep) as (odoo, registry):
        with superuser_env(odoo, registry) as env:
            ...

The database gets a unique name with the given prefix, the modules are
installed without demo data by a separate Odoo process, and the database is
dropped afterwards unless ``keep`` is true.
"""

import contextlib
import subprocess
import sys
import uuid


@contextlib.contextmanager
def throwaway_database(config_path, prefix, modules, keep=False, extra_args=()):
    """Yield ``(odoo, registry)`` of a new database with ``modules`` installed."""
    dbname = f"{prefix}_{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            config_path,
            *extra_args,
            "-d",
            dbname,
            "-i",
            modules,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            "--no-http",
        ],
        check=True,
    )
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", config_path, *extra_args])
    try:
        yield odoo, Registry(dbname)
    finally:
        if keep:
            print(f"kept database {dbname}")
        else:
            _drop(odoo, dbname)


def _drop(odoo, dbname):
    """Drop ``dbname`` and its filestore (Odoo's own drop refuses when the
    configuration hides the database manager, as a deployment's does)."""
    import shutil

    from odoo.tools import SQL

    odoo.modules.registry.Registry.delete(dbname)
    odoo.sql_db.close_all()
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(dbname)))
    shutil.rmtree(odoo.tools.config.filestore(dbname), ignore_errors=True)


@contextlib.contextmanager
def superuser_env(odoo, registry):
    """An environment of the superuser, without chatter tracking, on a cursor."""
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})


def pg_environ(options):
    """The environment that points scripts at the database server of an
    Odoo configuration's ``[options]``."""
    import os

    return {
        **os.environ,
        "PGHOST": options.get("db_host") or "127.0.0.1",
        "PGPORT": options.get("db_port") or "5432",
        "PGUSER": options.get("db_user") or "odoo",
        "PGPASSWORD": options.get("db_password") or "odoo",
    }


@contextlib.contextmanager
def serving(database, options, run, data_dir, nodes, workers, port, node_port):
    """``database`` served by scripts/serve.sh (``nodes`` prefork nodes of
    ``workers`` workers behind nginx on 127.0.0.1:``port``; node i on
    ``node_port`` + 2i), its configurations, logs and pid files in ``run``.
    Stopped (the nodes, the proxy) on leaving."""
    import os
    import signal
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = Path(run) / "serve.out"
    serve = subprocess.Popen(
        [
            "bash",
            str(root / "scripts/serve.sh"),
            *("--db", database, "--nodes", str(nodes), "--workers", str(workers)),
            *("--listen", f"127.0.0.1:{port}", "--node-port", str(node_port)),
        ],
        env={
            **pg_environ(options),
            "KOPERASI_DATA_DIR": str(data_dir),
            "KOPERASI_RUN_DIR": str(run),
        },
        stdout=out.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        for _ in range(300):
            if "Serving " in out.read_text():
                break
            if serve.poll() is not None:
                raise RuntimeError(
                    f"scripts/serve.sh ended:\n{out.read_text()[-3000:]}"
                )
            time.sleep(1)
        else:
            raise RuntimeError(
                f"scripts/serve.sh did not start:\n{out.read_text()[-3000:]}"
            )
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
