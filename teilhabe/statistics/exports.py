"""Export a Faktencheck table as CSV (UTF-8 with BOM, ";") or XLSX. Suppressed cells stay "."."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from teilhabe.statistics.disclosure import SUPPRESSED_MARK
from teilhabe.statistics.tables import COUNT, PERCENT, Table

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv_value(cell) -> str:
    if cell.hidden:
        return SUPPRESSED_MARK
    if cell.value is None:
        return ""
    if cell.kind == PERCENT:
        return str(cell.value).replace(".", ",")
    return str(cell.value)


def table_to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = list(table.header)
    writer.writerow(header)
    for row in table.rows:
        writer.writerow([_csv_value(cell) for cell in row])
    if table.caption:
        writer.writerow([])
        writer.writerow([table.caption])
    return out.getvalue().encode("utf-8-sig")


def table_to_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(table.header))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        values = []
        for cell in row:
            if cell.hidden:
                values.append(SUPPRESSED_MARK)
            elif cell.kind == PERCENT and isinstance(cell.value, Decimal):
                values.append(float(cell.value) / 100)
            elif cell.kind == COUNT and cell.value is not None:
                values.append(int(cell.value))
            else:
                values.append(cell.value)
        sheet.append(values)
        excel_row = sheet.max_row
        for index, cell in enumerate(row, 1):
            if cell.kind == PERCENT and not cell.hidden:
                sheet.cell(excel_row, index).number_format = "0.0%"
            elif cell.kind == COUNT and not cell.hidden:
                sheet.cell(excel_row, index).number_format = "#,##0"
    if table.caption:
        sheet.append([])
        sheet.append([table.caption])
    sheet.column_dimensions["A"].width = 44
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
