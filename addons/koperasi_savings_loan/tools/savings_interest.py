"""Savings interest and final tax (PP 15/2009), plain Python.

Amounts are whole rupiah: every function returns an ``int`` rounded half up.
"""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

DAYS_IN_YEAR = 365


def round_rupiah(amount):
    """Round an amount to whole rupiah, half up (0.5 -> 1)."""
    return int(Decimal(str(amount)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def month_bounds(year, month):
    """Return the first and the last day of a month."""
    first = date(year, month, 1)
    if month == 12:
        nxt = date(year + 1, 1, 1)
    else:
        nxt = date(year, month + 1, 1)
    return first, nxt - timedelta(days=1)


def daily_balances(opening_balance, movements, date_from, date_to):
    """Return the end-of-day balance of each day from ``date_from`` to ``date_to``.

    ``movements`` is an iterable of ``(date, signed_amount)``; movements
    before ``date_from`` must already be in ``opening_balance``.
    """
    by_day = {}
    for day, amount in movements:
        by_day[day] = by_day.get(day, 0) + amount
    balances = []
    balance = opening_balance
    day = date_from
    while day <= date_to:
        balance += by_day.get(day, 0)
        balances.append(balance)
        day += timedelta(days=1)
    return balances


def interest_daily_balance(
    opening_balance,
    movements,
    date_from,
    date_to,
    annual_rate,
    days_in_year=DAYS_IN_YEAR,
):
    """Interest on the daily balance: sum(balance of each day) * rate / 365."""
    balances = daily_balances(opening_balance, movements, date_from, date_to)
    total = sum(Decimal(str(max(b, 0))) for b in balances)
    return round_rupiah(total * Decimal(str(annual_rate)) / 100 / days_in_year)


def interest_lowest_balance(
    opening_balance,
    movements,
    date_from,
    date_to,
    annual_rate,
    days_in_year=DAYS_IN_YEAR,
):
    """Interest on the lowest balance of the period, for every day of the period."""
    balances = daily_balances(opening_balance, movements, date_from, date_to)
    # The lowest balance also counts the opening balance of the first day.
    lowest = max(min([opening_balance, *balances]), 0)
    days = len(balances)
    return round_rupiah(
        Decimal(str(lowest)) * Decimal(str(annual_rate)) / 100 * days / days_in_year
    )


def compute_interest(
    basis,
    opening_balance,
    movements,
    date_from,
    date_to,
    annual_rate,
    days_in_year=DAYS_IN_YEAR,
):
    """Dispatch on the interest basis: ``daily`` or ``lowest``."""
    if basis == "lowest":
        return interest_lowest_balance(
            opening_balance, movements, date_from, date_to, annual_rate, days_in_year
        )
    return interest_daily_balance(
        opening_balance, movements, date_from, date_to, annual_rate, days_in_year
    )


def final_tax(gross_interest, threshold=240000, rate=10.0):
    """Final tax on savings interest (PP 15/2009).

    0 when the month's gross interest is at most ``threshold``, otherwise
    ``rate`` percent of the whole gross interest.
    """
    if gross_interest <= threshold:
        return 0
    return round_rupiah(Decimal(str(gross_interest)) * Decimal(str(rate)) / 100)


def early_withdrawal_penalty(amount, penalty_rate):
    """Penalty of a time deposit withdrawn before maturity (percent of the amount)."""
    if not penalty_rate or amount <= 0:
        return 0
    return round_rupiah(Decimal(str(amount)) * Decimal(str(penalty_rate)) / 100)


def add_months(day, months):
    """Add calendar months to a date, clamping to the month's last day."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = month_bounds(year, month)[1].day
    return date(year, month, min(day.day, last))
