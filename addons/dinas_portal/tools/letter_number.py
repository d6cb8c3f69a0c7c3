"""Letter numbers in the archive classification pattern (no ORM).

Example: ``500.3/0123/DKUPP/2026`` is classification ``500.3``, running number
123 of the year, unit code ``DKUPP`` and year 2026.
"""

DEFAULT_PATTERN = "{classification}/{number:04d}/{unit}/{year}"

ALLOWED_KEYS = ("classification", "number", "unit", "year")


def format_letter_number(pattern, classification, number, unit, year):
    """Format a letter number, e.g. ``500.3/0123/DKUPP/2026``.

    ``pattern`` is a Python format string using the keys ``classification``,
    ``number``, ``unit`` and ``year``. Raises ``ValueError`` on an invalid
    pattern (unknown key, bad format spec).
    """
    if not isinstance(number, int) or number < 1:
        raise ValueError("The running number must be a positive integer.")
    try:
        return (pattern or DEFAULT_PATTERN).format(
            classification=classification or "",
            number=number,
            unit=unit or "",
            year=year,
        )
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise ValueError(str(exc)) from exc
