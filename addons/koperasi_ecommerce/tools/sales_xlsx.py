"""The shop sales spreadsheet (XLSX), from plain rows. No ORM."""

import io

from odoo.addons.koperasi_base.tools.xlsx import new_workbook


def build_sales_workbook(title, headers, rows, money_columns=()):
    """Return the bytes of an XLSX workbook with one sheet of ``rows``.

    ``money_columns`` are the indexes formatted as whole rupiah; a total row
    sums them.
    """
    output = io.BytesIO()
    workbook = new_workbook(output)
    sheet = workbook.add_worksheet(title[:31])
    bold = workbook.add_format({"bold": True})
    money = workbook.add_format({"num_format": "#,##0"})
    money_bold = workbook.add_format({"num_format": "#,##0", "bold": True})
    sheet.write(0, 0, title, bold)
    for col, header in enumerate(headers):
        sheet.write(2, col, header, bold)
        sheet.set_column(col, col, max(12, len(header) + 2))
    for row_index, row in enumerate(rows, start=3):
        for col, value in enumerate(row):
            sheet.write(row_index, col, value, money if col in money_columns else None)
    total_row = 3 + len(rows)
    if money_columns:
        sheet.write(total_row, 0, "Total", bold)
        for col in money_columns:
            sheet.write(total_row, col, sum(row[col] or 0 for row in rows), money_bold)
    workbook.close()
    return output.getvalue()
