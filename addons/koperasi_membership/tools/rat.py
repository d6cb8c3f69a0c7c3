"""RAT (annual members' meeting) pack helpers, plain Python, no ORM.

The pack's balance sheet and income statement come from the MIS Builder
templates of the financial statements (``koperasi.financial.statement``);
koperasi_base's ``tools.xlsx`` writes the XLSX pack.
"""


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
