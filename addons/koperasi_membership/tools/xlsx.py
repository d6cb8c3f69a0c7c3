"""XLSX workbooks of the koperasi registers (xlsxwriter, no ORM)."""

import datetime
import io

import xlsxwriter

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_workbook(title, headers, rows, subtitle=None):
    """Return the bytes of a one-sheet workbook.

    :param title: the sheet's title (first row)
    :param headers: column titles
    :param rows: list of rows; dates, numbers and strings are formatted
    """
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet(title[:31])
    bold = workbook.add_format({"bold": True, "font_size": 14})
    head = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    money = workbook.add_format({"num_format": "#,##0", "border": 1})
    date = workbook.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    text = workbook.add_format({"border": 1})
    sheet.write(0, 0, title, bold)
    first = 2
    if subtitle:
        sheet.write(1, 0, subtitle)
        first = 3
    for col, header in enumerate(headers):
        sheet.write(first, col, header, head)
        sheet.set_column(col, col, max(12, len(header) + 2))
    for row_index, row in enumerate(rows, start=first + 1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row_index,
                    col,
                    datetime.datetime.combine(value, datetime.time()),
                    date,
                )
            elif isinstance(value, bool) or value is None:
                sheet.write_blank(row_index, col, None, text)
            elif isinstance(value, int | float):
                sheet.write_number(row_index, col, value, money)
            else:
                sheet.write_string(row_index, col, str(value), text)
    workbook.close()
    return stream.getvalue()
