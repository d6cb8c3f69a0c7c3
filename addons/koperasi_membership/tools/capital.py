"""Share capital arithmetic of a cooperative member, in plain Python.

No ORM here: the models call these functions and the tests check them with
exact numbers. Amounts are rupiah: whole numbers, rounded half up.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def round_rupiah(amount):
    """Round an amount to whole rupiah, half up (1.5 -> 2, -1.5 -> -2)."""
    return float(
        Decimal(str(amount or 0.0)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    )


def period_start(day):
    """First day of the monthly period containing ``day``."""
    return datetime.date(day.year, day.month, 1)


def add_months(day, months):
    """First day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_label(day):
    """``YYYY-MM`` label of the period containing ``day``."""
    return f"{day.year:04d}-{day.month:02d}"


def allocate_payment(amount, residuals):
    """Allocate a payment to open dues, oldest first.

    :param amount: the payment, > 0
    :param residuals: list of ``(key, residual)`` in the order to settle them
    :return: ``(allocations, remainder)``: ``allocations`` is a list of
        ``(key, allocated)`` with allocated > 0, ``remainder`` what is left
        once every due is paid (the prepayment part).
    """
    left = round_rupiah(amount)
    allocations = []
    for key, residual in residuals:
        if left <= 0:
            break
        residual = round_rupiah(residual)
        if residual <= 0:
            continue
        part = min(left, residual)
        allocations.append((key, part))
        left = round_rupiah(left - part)
    return allocations, left


def prepayment_periods(first_period, remainder, wajib_amount):
    """Split a prepayment into future wajib periods.

    :return: list of ``(period_date, allocated)``, the last one possibly
        partial.
    """
    result = []
    remainder = round_rupiah(remainder)
    wajib_amount = round_rupiah(wajib_amount)
    if wajib_amount <= 0:
        return result
    month = 0
    while remainder > 0:
        part = min(remainder, wajib_amount)
        result.append((add_months(first_period, month), part))
        remainder = round_rupiah(remainder - part)
        month += 1
    return result


def settlement(pokok_paid, wajib_paid, unpaid_dues, deductions=(), credits=()):
    """The exit settlement of a member.

    refund = pokok + wajib - unpaid dues - deductions + credits

    :return: dict with every term rounded to whole rupiah and ``refund``.
    """
    values = {
        "pokok": round_rupiah(pokok_paid),
        "wajib": round_rupiah(wajib_paid),
        "unpaid_dues": round_rupiah(unpaid_dues),
        "deductions": round_rupiah(sum(deductions)),
        "credits": round_rupiah(sum(credits)),
    }
    values["refund"] = round_rupiah(
        values["pokok"]
        + values["wajib"]
        - values["unpaid_dues"]
        - values["deductions"]
        + values["credits"]
    )
    return values


def image_kind(data):
    """Return ``"png"`` or ``"jpeg"`` from the first bytes, else ``None``."""
    if not data:
        return None
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    return None
