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


def reverse_share(credited_qty, returned_qty, gross, commission, net):
    """The part of a credited sale that goes back when ``returned_qty`` of
    ``credited_qty`` is returned or refunded: ``{"gross", "commission",
    "net"}`` in whole rupiah, pro rata; everything when all comes back, so
    that repeated partial returns never leave a rupiah behind."""
    if returned_qty >= credited_qty:
        return {"gross": gross, "commission": commission, "net": net}
    ratio = Decimal(str(returned_qty)) / Decimal(str(credited_qty))
    back_gross = round_rupiah(Decimal(str(gross)) * ratio)
    back_commission = round_rupiah(Decimal(str(commission)) * ratio)
    return {
        "gross": back_gross,
        "commission": back_commission,
        "net": back_gross - back_commission,
    }


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
