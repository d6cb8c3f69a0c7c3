"""Service-level calculations in working days (no ORM).

A working day is Monday to Friday and not a configured holiday.
"""

import datetime
import statistics


def is_working_day(day, holidays=()):
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, days, holidays=()):
    """Return the date that is ``days`` working days after ``start``.

    The day of ``start`` itself does not count: a request submitted on a
    Friday with a target of 1 working day is due on the next Monday.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    holidays = frozenset(holidays)
    current = start
    remaining = days
    while remaining:
        current += datetime.timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def count_working_days(start, end, holidays=()):
    """Count the working days after ``start`` up to and including ``end``.

    Returns 0 when ``end`` is not after ``start``.
    """
    holidays = frozenset(holidays)
    count = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_working_day(current, holidays):
            count += 1
    return count


def median(values):
    """Median of the given numbers, 0.0 for an empty list."""
    values = list(values)
    if not values:
        return 0.0
    return float(statistics.median(values))
