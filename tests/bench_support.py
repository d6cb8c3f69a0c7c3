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
            odoo.sql_db.close_all()
            odoo.service.db.exp_drop(dbname)


@contextlib.contextmanager
def superuser_env(odoo, registry):
    """An environment of the superuser, without chatter tracking, on a cursor."""
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
