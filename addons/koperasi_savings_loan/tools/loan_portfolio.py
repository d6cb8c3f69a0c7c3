"""Loan portfolio as at a past date (year end for the RAT), plain Python.

The loans' stored figures (outstanding principal, days past due,
collectibility) are today's; these functions rebuild them as at a date from
the schedule and the repayments dated on or before it, so the RAT pack shows
the portfolio at the 31st of December whatever was paid since.
"""

from decimal import Decimal

from .loan_schedule import collectibility, npl_band, ratio_percent, round_rupiah

CLASSES = ("lancar", "kurang_lancar", "diragukan", "macet")


def loan_position(as_of, disbursement_date, amount, lines, paid, thresholds=None):
    """A loan's position at ``as_of``, or None when it is not in the portfolio.

    :param as_of: the date (e.g. the 31st of December)
    :param disbursement_date: when the loan was disbursed
    :param amount: the principal disbursed
    :param lines: ``[(key, due_date, principal, interest)]``, the instalments
    :param paid: ``{key: (principal_paid, interest_paid)}`` by the repayments
        dated on or before ``as_of`` (prepaid principal of later instalments
        included)
    :param thresholds: the collectibility thresholds in days past due
    :return: None when the loan was disbursed after ``as_of`` or repaid by
        then; otherwise a dict with ``outstanding`` (principal),
        ``days_past_due`` (since the oldest instalment due on or before
        ``as_of`` and not fully paid by then), ``arrears_instalments`` (how
        many such instalments), ``arrears_amount`` (their unpaid principal
        and interest) and ``collectibility``.
    """
    if not disbursement_date or disbursement_date > as_of:
        return None
    principal_paid = sum(
        (Decimal(str(p or 0)) for p, _i in paid.values()), Decimal("0")
    )
    outstanding = round_rupiah(Decimal(str(amount)) - principal_paid)
    if outstanding <= 0:
        return None
    days_past_due = 0
    count = 0
    arrears = 0
    for key, due_date, principal, interest in lines:
        if due_date > as_of:
            continue
        done_principal, done_interest = paid.get(key, (0, 0))
        residual = round_rupiah(
            Decimal(str(principal or 0))
            + Decimal(str(interest or 0))
            - Decimal(str(done_principal or 0))
            - Decimal(str(done_interest or 0))
        )
        if residual <= 0:
            continue
        days = (as_of - due_date).days
        if days <= 0:
            continue
        days_past_due = max(days_past_due, days)
        count += 1
        arrears += residual
    return {
        "outstanding": outstanding,
        "days_past_due": days_past_due,
        "arrears_instalments": count,
        "arrears_amount": arrears,
        "collectibility": collectibility(days_past_due, thresholds or (90, 180, 360)),
    }


def portfolio_summary(positions, par_days=30):
    """Outstanding by collectibility, NPL and PAR of loan positions.

    :param positions: iterable of :func:`loan_position` results (None skipped)
    :return: dict with ``loan_count``, ``outstanding``,
        ``by_collectibility`` and ``count_by_collectibility`` (every class),
        ``npl_amount``/``npl_count``/``npl_ratio``/``npl_band`` (loans not
        current) and ``par30_amount``/``par30_count``/``par30`` (loans more
        than ``par_days`` days past due); ratios in percent, two decimals.
    """
    by_class = dict.fromkeys(CLASSES, 0)
    counts = dict.fromkeys(CLASSES, 0)
    par_amount = par_count = 0
    for position in positions:
        if not position:
            continue
        klass = position["collectibility"]
        by_class[klass] += position["outstanding"]
        counts[klass] += 1
        if position["days_past_due"] > par_days:
            par_amount += position["outstanding"]
            par_count += 1
    total = sum(by_class.values())
    npl = total - by_class["lancar"]
    npl_ratio = ratio_percent(npl, total)
    return {
        "loan_count": sum(counts.values()),
        "outstanding": total,
        "by_collectibility": by_class,
        "count_by_collectibility": counts,
        "npl_amount": npl,
        "npl_count": sum(counts.values()) - counts["lancar"],
        "npl_ratio": npl_ratio,
        "npl_band": npl_band(npl_ratio),
        "par30_amount": par_amount,
        "par30_count": par_count,
        "par30": ratio_percent(par_amount, total),
    }
