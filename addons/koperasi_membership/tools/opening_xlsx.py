"""Reading of the opening-balance workbook, in plain Python (openpyxl, no ORM).

A cooperative moving in from a spreadsheet fills the suite's template: one
sheet per kind of balance (members and capital, savings, loans), a header
row, then one row per record. :func:`read_workbook` finds each sheet by its
name, the header row by the sheet's key column, each column by its header,
and returns the cells as Python values (text, numbers, dates), with their
row numbers as the spreadsheet shows them. The models check the values.

The file is bounded before it is opened (its size, what it unpacks to, the
rows of a sheet): a zip bomb or a million-row sheet is refused, not read.
"""

import datetime
import io
import zipfile

import openpyxl

MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_UNPACKED_SIZE = 200 * 1024 * 1024
MAX_ROWS = 60000
# The header row is among the first rows (the template has a title above it).
HEADER_SEARCH_ROWS = 10


class WorkbookError(Exception):
    """The file cannot be read as the template: ``code`` says why, ``params``
    give the details for the message the model shows."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def normalise(text):
    """A header or sheet name as compared: spaces collapsed, case folded."""
    return " ".join(str(text if text is not None else "").split()).casefold()


def _check_archive(content):
    if len(content) > MAX_FILE_SIZE:
        raise WorkbookError("too_big", size=MAX_FILE_SIZE)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise WorkbookError("not_xlsx") from None
    if unpacked > MAX_UNPACKED_SIZE:
        raise WorkbookError("too_big", size=MAX_FILE_SIZE)


def cell_value(value):
    """A cell as the models read it: dates as ``date``, text stripped, an
    empty cell as ``None``; numbers unchanged."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_workbook(content, specs, max_rows=MAX_ROWS):
    """Read the sheets of ``specs`` from the bytes of an XLSX file.

    :param specs: ``{sheet_key: {"names": {normalised sheet names},
        "anchor": column key of the header row, "columns": {column_key:
        {normalised headers}}}}``
    :return: ``{sheet_key: {"found": bool, "missing": [column keys absent
        from the header row], "rows": [(row_number, {column_key: value})]}}``;
        empty rows are left out.
    :raise WorkbookError: not an XLSX file, too big, or a sheet with more
        than ``max_rows`` rows.
    """
    _check_archive(content)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise WorkbookError("not_xlsx") from None
    try:
        by_name = {normalise(sheet.title): sheet for sheet in workbook.worksheets}
        result = {}
        for key, spec in specs.items():
            sheet = next(
                (by_name[name] for name in spec["names"] if name in by_name), None
            )
            if sheet is None:
                result[key] = {"found": False, "missing": [], "rows": []}
                continue
            result[key] = _read_sheet(sheet, spec, max_rows)
        return result
    finally:
        workbook.close()


def _header_positions(row, spec):
    headers = [normalise(value) for value in row]
    positions = {}
    for column, names in spec["columns"].items():
        for index, header in enumerate(headers):
            if header and header in names:
                positions[column] = index
                break
    return positions


def _read_sheet(sheet, spec, max_rows):
    positions = None
    rows = []
    for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if positions is None:
            found = _header_positions(row, spec)
            if spec["anchor"] in found:
                positions = found
            elif row_number >= HEADER_SEARCH_ROWS:
                break
            continue
        values = {
            column: cell_value(row[index]) if index < len(row) else None
            for column, index in positions.items()
        }
        if all(value is None for value in values.values()):
            continue
        if len(rows) >= max_rows:
            raise WorkbookError("too_many_rows", sheet=sheet.title, rows=max_rows)
        rows.append((row_number, values))
    if positions is None:
        return {"found": True, "missing": [spec["anchor"]], "rows": []}
    missing = [column for column in spec["columns"] if column not in positions]
    return {"found": True, "missing": missing, "rows": rows}
