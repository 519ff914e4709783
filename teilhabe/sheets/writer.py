"""The one spreadsheet writer, for every XLSX and CSV the site offers.

    write_xlsx([Out(_("Organisationen"), headers, rows)])   # bytes
    write_csv(headers, rows)                                 # bytes: UTF-8 with BOM, ";" (German Excel)

XLSX: bold header row on a dark fill, frozen below the header, autofilter, column widths from the content,
German dates (TT.MM.JJJJ), numbers as numbers, ready to print (repeated header row, fit to page width,
landscape for wide tables; `wrap=True` wraps the cells and sets each row's height, as LibreOffice does not).

Formula neutralisation (OWASP "CSV injection"): a text starting with ``=`` ``+`` ``-`` ``@`` TAB or CR is never
written as something a spreadsheet evaluates. In XLSX every cell that openpyxl would store as a formula is
stored as text (with Excel's quote prefix, so editing keeps it text); in CSV the cell is prefixed with ``'``
(the reader in text.py removes that prefix again, so exports still import back unchanged).
"""

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from teilhabe.sheets.errors import SheetError
from teilhabe.sheets.text import ENCODING_NAMES, FORMULA_STARTS

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
HEADER_FILL = "1F4E79"
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    header: str
    width: float | None = None  # in characters; None: from the content
    number_format: str | None = None  # for numbers in this column, e.g. "#,##0" or "0.0%"


@dataclass(frozen=True)
class Formatted:
    """One cell's value with its own number format (a percentage among counts)."""

    value: object
    number_format: str


@dataclass
class Out:
    """One worksheet to write."""

    title: str
    columns: Sequence[Column | str]
    rows: Iterable[Sequence]
    title_lines: Sequence[str] = ()  # above the table, the first one large
    notes: Sequence[str] = ()  # below the table (sources, "." means suppressed)
    wrap: bool = False  # wrap every cell and give each row its height (for printing)
    landscape: bool | None = None  # None: landscape when the table has more than 6 columns
    cells: list = field(default_factory=list, repr=False)  # filled by build(): the data cells, row by row

    @property
    def header_row(self) -> int:
        return len(self.title_lines) + 2 if self.title_lines else 1


def neutralise(value):
    """A text a spreadsheet would evaluate, made inert for CSV: "'=HYPERLINK(…)". Other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _column(column) -> Column:
    return column if isinstance(column, Column) else Column(str(column))


# -- XLSX ---------------------------------------------------------------------------------------------------


def build(outs: Sequence[Out]):
    """The openpyxl Workbook (a caller may add drop-down lists or colours before workbook_bytes())."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for out in outs:
        _write_sheet(workbook.create_sheet(title=_sheet_title(out.title)), out)
    return workbook


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title.strip()[:31] or _("Tabelle")


def _write_sheet(sheet, out: Out) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = [_column(c) for c in out.columns]
    for index, line in enumerate(out.title_lines):
        cell = sheet.cell(index + 1, 1, line)
        cell.font = Font(bold=True, size=14) if index == 0 else Font(italic=True)
    header_row = out.header_row
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_alignment = Alignment(wrap_text=True, vertical="center")
    widths = [len(c.header) for c in columns]
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(header_row, index, column.header)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, header_alignment
    wrap = Alignment(wrap_text=True, vertical="top")
    row_number = header_row
    lines_per_row = {}
    for values in out.rows:
        row_number += 1
        row_cells = []
        for index, value in enumerate(values, 1):
            number_format = None
            if isinstance(value, Formatted):
                value, number_format = value.value, value.number_format
            value = _xlsx_value(value)
            cell = sheet.cell(row_number, index)
            cell.value = value
            if out.wrap:
                cell.alignment = wrap
            if value is None:
                row_cells.append(cell)
                continue
            if isinstance(value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, int | float) and not isinstance(value, bool):
                fmt = number_format or (columns[index - 1].number_format if index <= len(columns) else None)
                if fmt:
                    cell.number_format = fmt
            if index <= len(widths):
                widths[index - 1] = max(widths[index - 1], min(MAX_WIDTH, _longest_line(value)))
            row_cells.append(cell)
        out.cells.append(row_cells)
        if out.wrap:
            lines_per_row[row_number] = row_cells
    final_widths = []
    for index, column in enumerate(columns, 1):
        width = column.width or min(MAX_WIDTH, widths[index - 1] + 2)
        final_widths.append(width)
        sheet.column_dimensions[get_column_letter(index)].width = width
    if out.wrap:
        sheet.row_dimensions[header_row].height = LINE_HEIGHT * max(
            _lines(column.header, width) for column, width in zip(columns, final_widths, strict=True)
        )
        for number, row_cells in lines_per_row.items():
            lines = max(
                (
                    _lines(cell.value, final_widths[cell.column - 1])
                    for cell in row_cells
                    if cell.column <= len(final_widths)
                ),
                default=1,
            )
            sheet.row_dimensions[number].height = LINE_HEIGHT * max(1, lines) + 2
    for offset, note in enumerate(out.notes):
        sheet.cell(row_number + 2 + offset, 1, note)
    if columns:
        last = get_column_letter(len(columns))
        sheet.freeze_panes = sheet.cell(header_row + 1, 1)
        sheet.auto_filter.ref = f"A{header_row}:{last}{max(row_number, header_row + 1)}"
        sheet.print_title_rows = f"{header_row}:{header_row}"
    _print_setup(sheet, out, len(columns))


def _print_setup(sheet, out: Out, width: int) -> None:
    landscape = out.landscape if out.landscape is not None else width > 6
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "&P / &N"


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool | int | float | dt.date | str) or value is None:
        return value if value != "" else None
    return str(value)


def _longest_line(value) -> int:
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def _lines(value, width: float) -> int:
    """How many lines a wrapped cell takes at this column width (a little narrower than its width in characters)."""
    if value is None or value == "":
        return 1
    usable = max(1.0, width * 0.95 - 1)
    return sum(max(1, math.ceil(len(line) / usable)) for line in str(value).split("\n"))


def workbook_bytes(workbook) -> bytes:
    """Save the workbook; first every cell openpyxl would store as a formula becomes plain text."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True
                elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(outs: Sequence[Out]) -> bytes:
    return workbook_bytes(build(outs))


# -- CSV ----------------------------------------------------------------------------------------------------


def csv_text(value, delimiter: str = ";") -> str:
    """A value as a CSV cell: dates TT.MM.JJJJ, decimals with a comma next to ";", formulas neutralised."""
    if isinstance(value, Formatted):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float | Decimal):
        text = str(value)
        return text.replace(".", ",") if delimiter == ";" else text
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def write_csv(
    headers: Sequence[str],
    rows: Iterable[Sequence],
    *,
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
    notes: Sequence[str] = (),
) -> bytes:
    """A CSV file as German Excel opens it by double-click: UTF-8 with BOM, semicolons, CRLF.

    Raises SheetError when `encoding` (Windows-1252) cannot hold a value: never a silent "?"."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_text(h, delimiter) for h in headers])
    for row in rows:
        writer.writerow([csv_text(value, delimiter) for value in row])
    if notes:
        writer.writerow([])
        for note in notes:
            writer.writerow([csv_text(note, delimiter)])
    text = buffer.getvalue()
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    unencodable = []
    for line in text.splitlines():
        for cell in line.split(delimiter):
            try:
                cell.encode(encoding)
            except UnicodeEncodeError:
                unencodable.append(cell.strip('"'))
    # Never replace letters by "?" silently: a re-import would create "Mehmet Ayd?n" next to "Mehmet Aydın".
    shown = ", ".join("„%s“" % value for value in unencodable[:5])
    raise SheetError(
        _("%(encoding)s kann diese Angaben nicht darstellen: %(values)s. Bitte wählen Sie UTF-8.")
        % {"encoding": ENCODING_NAMES.get(encoding, encoding), "values": shown}
    )
