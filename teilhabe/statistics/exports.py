"""Export a Faktencheck table as CSV (UTF-8 with BOM, ";") or XLSX, through the shared writer.

Suppressed cells stay "."; counts and percentages are numbers (XLSX: "#,##0" and "0.0%"), reference dates are
dates.
"""

from __future__ import annotations

from decimal import Decimal

from teilhabe import sheets
from teilhabe.statistics.disclosure import SUPPRESSED_MARK
from teilhabe.statistics.tables import COUNT, PERCENT, Table

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv_value(cell):
    if cell.hidden:
        return SUPPRESSED_MARK
    if cell.kind == COUNT and cell.value is not None:
        return int(cell.value)
    return cell.value


def _xlsx_value(cell):
    if cell.hidden:
        return SUPPRESSED_MARK
    if cell.kind == PERCENT and isinstance(cell.value, Decimal):
        return sheets.Formatted(float(cell.value) / 100, "0.0%")
    if cell.kind == COUNT and cell.value is not None:
        return sheets.Formatted(int(cell.value), "#,##0")
    return cell.value


def table_to_csv(table: Table) -> bytes:
    rows = ([_csv_value(cell) for cell in row] for row in table.rows)
    return sheets.write_csv(list(table.header), rows, notes=[table.caption] if table.caption else ())


def table_to_xlsx(table: Table) -> bytes:
    out = sheets.Out(
        table.key,
        [
            sheets.Column(header, width=44 if index == 0 else None)
            for index, header in enumerate(table.header)
        ],
        ([_xlsx_value(cell) for cell in row] for row in table.rows),
        title_lines=[table.title],
        notes=[table.caption] if table.caption else (),
    )
    return sheets.write_xlsx([out])
