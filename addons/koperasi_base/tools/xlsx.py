"""The one XLSX writer of the suite (xlsxwriter, no ORM).

Every workbook of the five addons is made by :func:`new_workbook`: text that
people typed (a member's name, a product, a note) is written as text, never
as a formula, a link or a number, even when it starts with ``=``, ``+``,
``-``, ``@`` or ``http``: a name typed as ``=HYPERLINK(...)`` cannot run in
the board's spreadsheet.
"""

import datetime
import io

import xlsxwriter

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Text stays text: xlsxwriter's write() would turn "=..." into a formula.
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def new_workbook(stream):
    """An xlsxwriter workbook writing to ``stream`` that never makes a
    formula, a link or a number out of a string."""
    return xlsxwriter.Workbook(stream, WORKBOOK_OPTIONS)


def build_workbook(title, headers, rows, subtitle=None):
    """Return the bytes of a one-sheet workbook.

    :param title: the sheet's title (first row)
    :param headers: column titles
    :param rows: list of rows; dates, numbers and strings are formatted
    :param subtitle: an optional second line under the title
    """
    return build_workbook_sheets([(title, headers, rows, subtitle)])


def build_workbook_sheets(sheets):
    """Bytes of a workbook with one sheet per ``(title, headers, rows[, subtitle])``.

    Sheet names are cut to Excel's 31 characters and kept unique.
    """
    stream = io.BytesIO()
    workbook = new_workbook(stream)
    formats = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        "money": workbook.add_format({"num_format": "#,##0", "border": 1}),
        "date": workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1}),
        "text": workbook.add_format({"border": 1}),
    }
    used = set()
    for title, headers, rows, *rest in sheets:
        name = title[:31]
        while name in used:
            name = name[:29] + str(len(used))
        used.add(name)
        _write_sheet(workbook.add_worksheet(name), formats, title, headers, rows, *rest)
    workbook.close()
    return stream.getvalue()


def _write_sheet(sheet, formats, title, headers, rows, subtitle=None):
    sheet.write(0, 0, title, formats["title"])
    first = 2
    if subtitle:
        sheet.write(1, 0, subtitle)
        first = 3
    for col, header in enumerate(headers):
        sheet.write(first, col, header, formats["head"])
        sheet.set_column(col, col, max(14, len(header) + 2))
    for row_index, row in enumerate(rows, start=first + 1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row_index,
                    col,
                    datetime.datetime.combine(value, datetime.time()),
                    formats["date"],
                )
            elif isinstance(value, bool) or value is None:
                sheet.write_blank(row_index, col, None, formats["text"])
            elif isinstance(value, int | float):
                sheet.write_number(row_index, col, value, formats["money"])
            else:
                sheet.write_string(row_index, col, str(value), formats["text"])
