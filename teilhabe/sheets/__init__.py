"""The one spreadsheet layer: every upload is read and every table export is written here.

Reading (reader.py), after the checks at the door (door.py, limits.py):

    workbook = sheets.read(upload, kind="directory")   # raises SheetError with a German message
    for sheet in workbook.sheets:                      # visible worksheets, the active one first; CSV: one
        sheet.rows, sheet.value(row, column), sheet.spans, sheet.hidden_rows
        table = sheet.table()                          # header row + records {header: value}
    workbook.notes()                                   # hidden sheets and rows, as German sentences

Writing (writer.py): ``write_xlsx([Out(title, columns, rows)])``, ``write_csv(headers, rows)``; both neutralise
formulas. Kinds of upload and their limits: limits.py (setting ``SHEET_LIMITS``). A plain library, not an app.
"""

from teilhabe.sheets.door import Source, check
from teilhabe.sheets.errors import SheetError, location
from teilhabe.sheets.limits import Limits, limits_for
from teilhabe.sheets.reader import Record, Sheet, Table, Workbook, cell_text, iter_xlsx_rows, read
from teilhabe.sheets.text import ENCODING_NAMES
from teilhabe.sheets.writer import (
    Column,
    Formatted,
    Out,
    build,
    neutralise,
    workbook_bytes,
    write_csv,
    write_xlsx,
)

__all__ = [
    "ENCODING_NAMES",
    "Column",
    "Formatted",
    "Limits",
    "Out",
    "Record",
    "Sheet",
    "SheetError",
    "Source",
    "Table",
    "Workbook",
    "build",
    "cell_text",
    "iter_xlsx_rows",
    "check",
    "limits_for",
    "location",
    "neutralise",
    "read",
    "workbook_bytes",
    "write_csv",
    "write_xlsx",
]
