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


def next_company_number(env, code, company):
    """The next number of ``code`` in ``company`` (``"/"`` without sequence)."""
    sequence = company_sequence(env, code, company)
    if not sequence:
        return "/"
    return sequence.with_company(company)._next()
