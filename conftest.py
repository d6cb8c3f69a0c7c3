"""pytest settings of the test command (scripts/test.sh).

The showcase tests run in two pytest-xdist processes, each on its own copy of
the showcase database (pytest-odoo makes it with ``createdb -T``). pytest-odoo
lets the copies share the original's filestore; then Odoo's file garbage
collector of one database (the daily autovacuum the deployment test's nodes
run on the original) deletes the files another database has just written: a
photo of a test, an asset bundle of a tour. Each copy gets its own filestore.
"""

import os
import shutil
from contextlib import contextmanager

import pytest_odoo

import odoo


@contextmanager
def _own_filestore(original_db_name, db_name):
    if original_db_name == db_name:
        yield
        return
    root = os.path.join(odoo.tools.config["data_dir"], "filestore")
    target = os.path.join(root, db_name)
    shutil.rmtree(target, ignore_errors=True)
    source = os.path.join(root, original_db_name)
    if os.path.isdir(source):
        shutil.copytree(source, target)
    try:
        yield
    finally:
        shutil.rmtree(target, ignore_errors=True)


pytest_odoo._shared_filestore = _own_filestore
