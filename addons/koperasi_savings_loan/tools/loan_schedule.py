"""Loan instalment schedules (flat, efektif, anuitas), plain Python.

Every amount is whole rupiah; the last instalment absorbs the rounding
difference so that the principal sums exactly to the loan amount.
"""

from decimal import ROUND_HALF_UP, Decimal

from .savings_interest import add_months

METHODS = ("flat", "efektif", "anuitas")


def round_rupiah(value):
    """Round to whole rupiah, half up."""
    return _rp(value)


def _rp(value):
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def annuity_instalment(principal, annual_rate, term_months):
    """Equal instalment P*i / (1 - (1+i)^-n), unrounded (a Decimal)."""
    principal = Decimal(str(principal))
    i = Decimal(str(annual_rate)) / 100 / 12
    if not i:
        return principal / term_months
    return principal * i / (1 - (1 + i) ** -term_months)


def compute_schedule(
    principal,
    annual_rate,
    term_months,
    method="anuitas",
    start_date=None,
    first_due_date=None,
):
    """Return the instalments of a loan as a list of dicts.

    Keys: ``sequence``, ``due_date`` (``start_date`` + k months, or
    ``first_due_date`` + k - 1 months when given: the rest of a loan taken
    over with its next due date; or None),
    ``principal``, ``interest``, ``amount``, ``balance`` (outstanding
    principal after the instalment). ``annual_rate`` is the nominal annual
    rate in percent; the monthly rate is a twelfth of it.
    """
    if method not in METHODS:
        raise ValueError(f"Unknown interest method {method!r}")
    if term_months < 1:
        raise ValueError("The term must be at least one month")
    if principal <= 0:
        raise ValueError("The principal must be positive")
    if annual_rate < 0:
        raise ValueError("The interest rate cannot be negative")
    principal = _rp(Decimal(str(principal)))
    i = Decimal(str(annual_rate)) / 100 / 12
    n = term_months
    instalment = (
        _rp(annuity_instalment(principal, annual_rate, n)) if method == "anuitas" else 0
    )
    equal_principal = _rp(Decimal(principal) / n)
    flat_interest = _rp(principal * i)
    balance = principal
    lines = []
    for k in range(1, n + 1):
        if method == "flat":
            interest = flat_interest
        else:
            interest = _rp(balance * i)
        if k == n:
            part = balance
        elif method == "anuitas":
            part = min(instalment - interest, balance)
        else:
            part = min(equal_principal, balance)
        balance -= part
        lines.append(
            {
                "sequence": k,
                "due_date": _due_date(start_date, first_due_date, k),
                "principal": part,
                "interest": interest,
                "amount": part + interest,
                "balance": balance,
            }
        )
    return lines


def _due_date(start_date, first_due_date, sequence):
    if first_due_date:
        return add_months(first_due_date, sequence - 1)
    return add_months(start_date, sequence) if start_date else None


def schedule_totals(lines):
    """Sum the principal, interest and amount of a schedule."""
    return {
        "principal": sum(line["principal"] for line in lines),
        "interest": sum(line["interest"] for line in lines),
        "amount": sum(line["amount"] for line in lines),
    }


def allocate_payment(amount, dues, order=("penalty", "interest", "principal")):
    """Allocate a payment over instalments, oldest first.

    ``dues`` is a list of dicts ``{"id", "penalty", "interest",
    "principal"}`` (amounts still due), oldest first. Returns
    ``(allocations, remaining)``: a list of ``{"id", "penalty",
    "interest", "principal"}`` paid per instalment, and what is left over.
    """
    remaining = _rp(Decimal(str(amount)))
    allocations = []
    for due in dues:
        paid = {"id": due["id"], "penalty": 0, "interest": 0, "principal": 0}
        for component in order:
            take = min(remaining, due.get(component, 0))
            if take > 0:
                paid[component] = take
                remaining -= take
        if any(paid[c] for c in order):
            allocations.append(paid)
        if remaining <= 0:
            break
    return allocations, remaining


def penalty_amount(overdue_amount, rate, days, per="day"):
    """Denda on an overdue amount: ``rate`` percent per day or per 30-day month."""
    if overdue_amount <= 0 or days <= 0 or not rate:
        return 0
    base = Decimal(str(overdue_amount)) * Decimal(str(rate)) / 100
    if per == "month":
        return _rp(base * days / 30)
    return _rp(base * days)


def collectibility(days_past_due, thresholds=(90, 180, 360)):
    """Collectibility class from days past due (Permen KUKM 14/2009).

    lancar up to 3 months in arrears, kurang_lancar >3 to 6, diragukan >6
    to 12, macet above 12 months; ``thresholds`` are in days.
    """
    if days_past_due <= thresholds[0]:
        return "lancar"
    if days_past_due <= thresholds[1]:
        return "kurang_lancar"
    if days_past_due <= thresholds[2]:
        return "diragukan"
    return "macet"


def npl_band(npl_ratio, bands=(5.0, 10.0, 15.0)):
    """Soundness band of a problem-loan (NPL) ratio in percent.

    At most 5% sound, above 5 to 10 fairly sound, above 10 to 15 less sound,
    above 15 unsound.
    """
    if npl_ratio <= bands[0]:
        return "sound"
    if npl_ratio <= bands[1]:
        return "fairly_sound"
    if npl_ratio <= bands[2]:
        return "less_sound"
    return "unsound"


def ratio_percent(part, total):
    """``part`` as a percentage of ``total``, two decimals; 0 when no total."""
    if not total:
        return 0.0
    return float(
        (Decimal(str(part)) * 100 / Decimal(str(total))).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    )
