"""RAT (annual members' meeting) statements from account-type balances.

Plain Python, no ORM: the models give balances per Odoo account type
(debit minus credit), these functions arrange them into the balance sheet
(neraca) and the income statement (laporan perhitungan SHU), and write the
XLSX pack.
"""

import datetime
import io

import xlsxwriter

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


def build_workbook(sheets):
    """Bytes of a workbook with one sheet per ``(title, headers, rows)``."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    bold = workbook.add_format({"bold": True, "font_size": 14})
    head = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    money = workbook.add_format({"num_format": "#,##0", "border": 1})
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    text = workbook.add_format({"border": 1})
    used = set()
    for title, headers, rows in sheets:
        name = title[:31]
        while name in used:
            name = name[:29] + str(len(used))
        used.add(name)
        sheet = workbook.add_worksheet(name)
        sheet.write(0, 0, title, bold)
        for col, header in enumerate(headers):
            sheet.write(2, col, header, head)
            sheet.set_column(col, col, max(14, len(header) + 2))
        for row_index, row in enumerate(rows, start=3):
            for col, value in enumerate(row):
                if isinstance(value, datetime.date):
                    sheet.write_datetime(
                        row_index,
                        col,
                        datetime.datetime.combine(value, datetime.time()),
                        date_format,
                    )
                elif isinstance(value, bool) or value is None:
                    sheet.write_blank(row_index, col, None, text)
                elif isinstance(value, int | float):
                    sheet.write_number(row_index, col, value, money)
                else:
                    sheet.write_string(row_index, col, str(value), text)
    workbook.close()
    return stream.getvalue()
