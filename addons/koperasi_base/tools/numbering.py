"""Numbers of the suite's records (members, loans, savings accounts, letters,
...) run per cooperative: each company has its own counter."""

from odoo.tools import SQL


def company_sequence(env, code, company):
    """The ``ir.sequence`` of ``code`` of ``company``.

    The addon ships one sequence without company: the main company keeps
    counting on it (its numbers so far stay valid); any other company gets
    its own copy on first use (same prefix and padding, counting from 1).
    """
    Sequence = env["ir.sequence"].sudo()
    sequence = Sequence.search(
        [("code", "=", code), ("company_id", "=", company.id)], limit=1
    )
    if sequence:
        return sequence
    template = Sequence.search(
        [("code", "=", code), ("company_id", "=", False)], limit=1
    )
    if not template:
        return Sequence
    if company == env.ref("base.main_company", raise_if_not_found=False):
        return template
    # One company's first numbers are made once, even by parallel requests:
    # the shared sequence's row serialises them.
    env.cr.execute(
        SQL("SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", template.id)
    )
    sequence = Sequence.search(
        [("code", "=", code), ("company_id", "=", company.id)], limit=1
    )
    return sequence or template.copy(
        {
            "name": f"{template.name} ({company.name})",
            "company_id": company.id,
            "number_next": 1,
        }
    )


def next_company_numbers(env, code, company, count):
    """The next ``count`` numbers of ``code`` in ``company``, in order
    (``"/"`` without sequence). The sequence is looked up once for them all:
    month-end interest numbers thousands of transactions in one create."""
    sequence = company_sequence(env, code, company)
    if not sequence:
        return ["/"] * count
    sequence = sequence.with_company(company)
    if (
        count > 1
        and sequence.implementation == "standard"
        and not sequence.use_date_range
    ):
        # The PostgreSQL sequence behind Odoo's gives the batch's numbers in
        # one round trip; formatted as Odoo formats one (prefix, padding, suffix).
        rows = env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s) ORDER BY 1",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for (number,) in rows]
    return [sequence._next() for _index in range(count)]
