"""The one spreadsheet layer: every upload is read and every table export is written here.

Reading (reader.py), after the checks at the door (door.py, limits.py):

    workbook = sheets.read(upload, kind="directory")   # raises SheetError with a German message
    for sheet in workbook.sheets:                      # visible worksheets, the active one first; CSV: one
        sheet.rows, sheet.value(row, column), sheet.spans, sheet.hidden_rows
        table = sheet.table()                          # header row + records {header: value}
    workbook.notes()                                   # hidden sheets and rows, as German sentences

Layouts (layout.py): each kind of file declares its columns once, ``Layout(name, (Col(key, header, …), …))``;
the importer binds a table to it (``layout.bind(table)``: headers in any spelling, row values through each
column's parser, German messages "Zeile 7, Spalte „Status“: …"), the exporter and the template write it.

Writing (writer.py): ``write_xlsx([Out(title, columns, rows)])``, ``write_csv(headers, rows)``; both neutralise
formulas. Kinds of upload and their limits: limits.py (setting ``SHEET_LIMITS``). A plain library, not an app.
"""

from teilhabe.sheets.door import Source, check
from teilhabe.sheets.errors import SheetError, location
from teilhabe.sheets.layout import (
    Bound,
    CellError,
    Col,
    Layout,
    choice,
    compact,
    fold,
    no_data_rows,
    read_bound,
    require_data_rows,
)
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
    "Bound",
    "CellError",
    "Col",
    "Column",
    "Formatted",
    "Layout",
    "Limits",
    "Out",
    "Record",
    "Sheet",
    "SheetError",
    "Source",
    "Table",
    "Workbook",
    "build",
    "choice",
    "compact",
    "fold",
    "no_data_rows",
    "read_bound",
    "require_data_rows",
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
