"""Producer commission: plain Python, no ORM.

Amounts are rounded to whole rupiah, half up.
"""

from decimal import ROUND_HALF_UP, Decimal


def round_rupiah(amount):
    """Round an amount to whole rupiah, half up (``1.5`` -> ``2``)."""
    return float(
        Decimal(str(amount or 0.0)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    )


def effective_commission_rate(producer_rate, category_rate, default_rate):
    """Return the commission percent that applies to a sale.

    The producer's own rate wins, then the product category's, then the
    cooperative's default. A rate of 0 (or None) means "not set".
    """
    for rate in (producer_rate, category_rate, default_rate):
        if rate:
            if rate < 0 or rate > 100:
                raise ValueError("commission rate must be between 0 and 100")
            return float(rate)
    return 0.0


def split_sale(amount, rate):
    """Split a sale amount into ``(gross, commission, producer_share)``.

    All three are whole rupiah and ``gross == commission + producer_share``.
    """
    gross = round_rupiah(amount)
    commission = round_rupiah(gross * (rate or 0.0) / 100.0)
    return gross, commission, gross - commission


def available_balance(balance, pending_payouts):
    """The amount a producer may still request: balance minus pending requests."""
    return round_rupiah(balance) - round_rupiah(pending_payouts)


def check_payout_request(amount, available, minimum):
    """Return an error code for a payout request, or ``None`` when it is valid.

    ``"not_positive"``, ``"below_minimum"`` or ``"above_balance"``.
    """
    amount = round_rupiah(amount)
    if amount <= 0:
        return "not_positive"
    if amount < round_rupiah(minimum):
        return "below_minimum"
    if amount > round_rupiah(available):
        return "above_balance"
    return None
