"""Row locking for every operation that reads a balance, then moves money.

Odoo runs each request in a REPEATABLE READ transaction: a request whose
snapshot was taken before another one committed keeps reading the balance of
that snapshot, even after it gets the lock. So the lock alone protects
nothing. :func:`lock_rows` also *writes* the locked rows: a request that
locks them later with an older snapshot then fails with a serialization
failure, which Odoo's request handler retries with a fresh snapshot (it reads
the new balance, and the balance rule refuses what is no longer allowed).
A request that arrives while the rows are held gets a clear message at once.
"""

from psycopg2 import errors

from odoo.exceptions import UserError
from odoo.tools import SQL


def lock_rows(records, message=None, retry=False):
    """Lock and touch the rows of ``records`` until the end of the transaction.

    :param message: the translated text of the :class:`UserError` raised when
        another transaction holds one of the rows (a default names the records).
    :param retry: let the lock failure through instead, for Odoo's request
        handler to retry (numbering, where the user has nothing to decide).
    """
    if not records:
        return records
    env = records.env
    table = SQL.identifier(records._table)
    try:
        with env.cr.savepoint(flush=False):
            # A held row is an expected answer, not a bad query to log.
            env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id = ANY(%s) ORDER BY id FOR UPDATE NOWAIT",
                    table,
                    list(records.ids),
                ),
                log_exceptions=False,
            )
    except errors.LockNotAvailable as exc:
        if retry:
            raise
        raise UserError(
            message
            or env._(
                "%(records)s is being updated by another request. Try again in a moment.",
                records=", ".join(records.sudo().mapped("display_name")),
            )
        ) from exc
    env.cr.execute(
        SQL(
            "UPDATE %s SET write_date = (now() AT TIME ZONE 'UTC') WHERE id = ANY(%s)",
            table,
            list(records.ids),
        )
    )
    records.invalidate_recordset()
    return records
