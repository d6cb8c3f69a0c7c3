"""SHU (Sisa Hasil Usaha) distribution arithmetic, in plain Python.

No ORM here: the models call these functions and the tests check them with
exact numbers. Amounts are whole rupiah; shares are floored and what the
flooring leaves goes to the reserve, so every total agrees to the rupiah.
"""

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

RESERVE = "reserve"
CAPITAL = "capital"
USAGE = "usage"

#: The split the RAT usually decides (UU 25/1992 art. 45 and common AD/ART).
DEFAULT_ALLOCATION = (
    (RESERVE, Decimal("40")),
    (CAPITAL, Decimal("20")),
    (USAGE, Decimal("20")),
    ("board", Decimal("5")),
    ("staff", Decimal("5")),
    ("education", Decimal("5")),
    ("social", Decimal("5")),
)

HUNDRED = Decimal("100")


class ShuError(ValueError):
    """Invalid SHU input; ``code`` names the problem for a translated message."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def to_decimal(value):
    """Exact decimal of a number (floats through their shortest repr)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value or 0))


def rupiah(value):
    """Whole rupiah, rounded half up."""
    return to_decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def floor_rupiah(value):
    """Whole rupiah, rounded down."""
    return to_decimal(value).quantize(Decimal("1"), rounding=ROUND_FLOOR)


def check_percentages(lines):
    """Raise :class:`ShuError` unless the percentages are >= 0 and total 100.

    :param lines: iterable of ``(key, percentage)``
    """
    total = Decimal("0")
    for key, percentage in lines:
        percentage = to_decimal(percentage)
        if percentage < 0:
            raise ShuError("negative", key=key, percentage=percentage)
        total += percentage
    if total != HUNDRED:
        raise ShuError("total", total=total)
    return total


def allocate(shu, lines):
    """Split the year's SHU over the allocation lines.

    Each line gets ``floor(shu * percentage / 100)``; the rupiah the flooring
    leaves go to the ``reserve`` line (which must exist).

    :param shu: the year's SHU, > 0 (rounded to whole rupiah first)
    :param lines: list of ``(key, percentage)``, percentages totalling 100
    :return: ``{key: Decimal amount}`` summing exactly to the rounded SHU
    """
    check_percentages(lines)
    total = rupiah(shu)
    if total <= 0:
        raise ShuError("no_surplus", shu=total)
    keys = [key for key, _percentage in lines]
    if RESERVE not in keys:
        raise ShuError("no_reserve")
    amounts = {}
    for key, percentage in lines:
        amounts[key] = amounts.get(key, Decimal("0")) + floor_rupiah(
            total * to_decimal(percentage) / HUNDRED
        )
    amounts[RESERVE] += total - sum(amounts.values())
    return amounts


def capital_base(month_end_capitals):
    """Capital-months of a member: the sum of the month-end capitals.

    The average capital held over the year is this sum divided by the number
    of months; as every member has the same number of months, the ratio
    S_a / TS of the sums equals the ratio of the averages, exactly. A member
    who joined mid-year has zero before joining and so counts only the
    months held.
    """
    return sum(
        (max(to_decimal(c), Decimal("0")) for c in month_end_capitals), Decimal("0")
    )


def average_capital(month_end_capitals):
    """Average month-end capital over the months given, in whole rupiah."""
    values = list(month_end_capitals)
    if not values:
        return Decimal("0")
    return rupiah(capital_base(values) / len(values))


def split_members(bases, capital_pool, usage_pool):
    """Per-member shares: SHU_a = (S_a / TS) * JM + (V_a / TV) * JA.

    :param bases: ``{key: (S_a, V_a)}`` with S_a the capital base (e.g. the
        capital-months of :func:`capital_base`) and V_a the member's
        transactions with the cooperative
    :param capital_pool: JM, the members' capital share (jasa modal)
    :param usage_pool: JA, the members' usage share (jasa anggota)
    :return: ``(shares, capital_residue, usage_residue)``: ``shares`` is
        ``{key: (capital_share, usage_share)}`` floored to whole rupiah; the
        residues (what the flooring leaves, or a whole pool when nobody has
        a base) go to the reserve. shares + residues == pools, exactly.
    """
    capital_pool = rupiah(capital_pool)
    usage_pool = rupiah(usage_pool)
    clean = {
        key: (max(to_decimal(s), Decimal("0")), max(to_decimal(v), Decimal("0")))
        for key, (s, v) in bases.items()
    }
    total_capital = sum((s for s, _v in clean.values()), Decimal("0"))
    total_volume = sum((v for _s, v in clean.values()), Decimal("0"))
    shares = {}
    paid_capital = paid_usage = Decimal("0")
    for key, (s, v) in clean.items():
        cap = floor_rupiah(s * capital_pool / total_capital) if total_capital else 0
        use = floor_rupiah(v * usage_pool / total_volume) if total_volume else 0
        cap, use = Decimal(cap), Decimal(use)
        shares[key] = (cap, use)
        paid_capital += cap
        paid_usage += use
    return shares, capital_pool - paid_capital, usage_pool - paid_usage


def members_part(result, member_income, total_income):
    """Split the year's result into the members' and the non-members' part.

    The SHU from business with members (SHU bagian anggota) is the result in
    the proportion of the income earned from members:
    ``result * member_income / total_income``, whole rupiah (half up); the
    rest comes from business with non-members and is not shared among the
    members. The member income is clamped to ``[0, total_income]``; without
    income there is no members' part.

    :return: ``(members_part, non_members_part)`` summing exactly to the
        rounded result
    """
    total = rupiah(result)
    total_income = to_decimal(total_income)
    if total_income <= 0:
        return Decimal("0"), total
    member_income = min(max(to_decimal(member_income), Decimal("0")), total_income)
    members = rupiah(total * member_income / total_income)
    return members, total - members
