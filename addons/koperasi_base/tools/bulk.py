"""Records written in bulk beside the ORM, for batch jobs of thousands of rows.

The month-end interest of a cooperative makes two ledger rows per savings
account. Made by ``create`` they cost more than the rest of the job together
(defaults, related fields and monetary rounding computed record by record).
:func:`insert_records` writes such rows in one statement when the caller
already holds their final values. It is for the suite's own models, whose
``create`` overrides it knows: it runs none of them.
"""

from odoo.tools import SQL

MAGIC_COLUMNS = ("create_uid", "write_uid", "create_date", "write_date")


def insert_records(model, rows):
    """Insert ``rows`` (dicts of column values) into ``model``'s table and
    return the new records, in the order of ``rows``.

    Every row names the same stored columns, in the form the database keeps
    (ids for many2one fields, whole numbers for amounts already rounded).
    The ORM's bookkeeping is kept: creator and dates are set, the stored
    fields that depend on the new rows are marked for recomputation, and
    the caches that hold the model's lines are dropped.

    :raise ValueError: a name is not a stored column, or a required field
        has no value (a programming error, nothing is written).
    """
    if not rows:
        return model.browse()
    env = model.env
    names = list(rows[0])
    for name in names:
        field = model._fields.get(name)
        if name in MAGIC_COLUMNS or name == "id" or not (field and field.column_type):
            raise ValueError(f"{model._name}.{name} is not a column to insert")
    missing = [
        name
        for name, field in model._fields.items()
        if field.required
        and field.column_type
        and name not in names
        and name not in MAGIC_COLUMNS
        and name != "id"
    ]
    if missing or any(set(row) != set(names) for row in rows):
        raise ValueError(f"{model._name}: every row must give {names + missing}")
    # Pending writes of the ORM reach the table before the rows they concern.
    env.flush_all()
    columns = [*names, "create_uid", "write_uid"]
    values = [[row[name] for row in rows] for name in names]
    values += [[env.uid] * len(rows)] * 2
    types = [model._fields[name].column_type[1] for name in names] + ["int4", "int4"]
    rows_sql = SQL(", ").join(
        SQL("%s::%s[]", column_values, SQL(column_type))
        for column_values, column_type in zip(values, types, strict=True)
    )
    ids = [
        record_id
        for (record_id,) in env.execute_query(
            SQL(
                """INSERT INTO %(table)s (%(columns)s, create_date, write_date)
                   SELECT *, %(now)s, %(now)s FROM unnest(%(rows)s)
                   RETURNING id""",
                table=SQL.identifier(model._table),
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                now=SQL("(now() AT TIME ZONE 'UTC')"),
                rows=rows_sql,
            )
        )
    ]
    records = model.browse(sorted(ids))
    env.invalidate_all()
    # The given values are final: only what depends on them is recomputed.
    given = [model._fields[name] for name in names]
    with env.protecting(given, records):
        records.modified(names, create=True)
    return records
