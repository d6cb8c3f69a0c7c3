"""RAT (annual members' meeting) statements from account-type balances.

Plain Python, no ORM: the models give balances per Odoo account type
(debit minus credit), these functions arrange them into the balance sheet
(neraca), the income statement (laporan perhitungan SHU) and the cash book;
koperasi_base's ``tools.xlsx`` writes the XLSX pack.
"""

ASSET_TYPES = (
    "asset_cash",
    "asset_receivable",
    "asset_current",
    "asset_prepayments",
    "asset_non_current",
    "asset_fixed",
)
LIABILITY_TYPES = (
    "liability_payable",
    "liability_credit_card",
    "liability_current",
    "liability_non_current",
)
EQUITY_TYPES = ("equity", "equity_unaffected")
INCOME_TYPES = ("income", "income_other")
EXPENSE_TYPES = ("expense", "expense_depreciation", "expense_direct_cost")
RESULT = "result"


def _get(balances, account_type):
    return balances.get(account_type, 0.0) or 0.0


def balance_sheet(balances):
    """Balance sheet at a date from the cumulative balances up to it.

    :param balances: ``{account_type: debit - credit}`` of every posted line
        up to the date
    :return: dict with ``assets``, ``liabilities``, ``equity`` as lists of
        ``(account_type, amount)`` (amounts positive on their natural side;
        the equity ends with the accumulated result, ``RESULT``) and their
        totals ``total_assets``, ``total_liabilities``, ``total_equity``.
    """
    assets = [(t, _get(balances, t)) for t in ASSET_TYPES if _get(balances, t)]
    liabilities = [
        (t, -_get(balances, t)) for t in LIABILITY_TYPES if _get(balances, t)
    ]
    equity = [(t, -_get(balances, t)) for t in EQUITY_TYPES if _get(balances, t)]
    result = -sum(_get(balances, t) for t in INCOME_TYPES + EXPENSE_TYPES)
    equity.append((RESULT, result))
    return {
        "assets": assets,
        "liabilities": liabilities,
        "equity": equity,
        "total_assets": sum(a for _t, a in assets),
        "total_liabilities": sum(a for _t, a in liabilities),
        "total_equity": sum(a for _t, a in equity),
    }


def income_statement(flows):
    """Income statement of a period from the period's balances.

    :param flows: ``{account_type: debit - credit}`` of the period's lines
    :return: dict with ``income`` and ``expenses`` as lists of
        ``(account_type, amount)`` (positive), their totals and ``result``
        (income minus expenses: the SHU before distribution).
    """
    income = [(t, -_get(flows, t)) for t in INCOME_TYPES if _get(flows, t)]
    expenses = [(t, _get(flows, t)) for t in EXPENSE_TYPES if _get(flows, t)]
    total_income = sum(a for _t, a in income)
    total_expenses = sum(a for _t, a in expenses)
    return {
        "income": income,
        "expenses": expenses,
        "total_income": total_income,
        "total_expenses": total_expenses,
        "result": total_income - total_expenses,
    }


def cash_book(opening, movements):
    """Running balance of the cash book.

    :param opening: balance before the first movement
    :param movements: list of ``(date, reference, label, amount_in, amount_out)``
    :return: list of ``(date, reference, label, in, out, balance)``
    """
    balance = opening
    rows = []
    for date, reference, label, amount_in, amount_out in movements:
        balance += amount_in - amount_out
        rows.append((date, reference, label, amount_in, amount_out, balance))
    return rows
