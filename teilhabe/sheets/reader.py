"""The one spreadsheet reader: an upload (XLSX or CSV) -> a Workbook of plain Sheets, after the door checks."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.sheets import door, text, xlsx
from teilhabe.sheets.errors import SheetError, location
from teilhabe.sheets.limits import limits_for


@dataclass
class Sheet:
    """One worksheet (or the one table of a CSV file) as rows of cell values; row 1 is rows[0].

    Values are str, int, float, bool, datetime.date/datetime or None (a blank cell); CSV gives str or None.
    Trailing blank cells and rows are trimmed. A vertically merged range (a field of action in column A over
    twenty measure rows) puts its value into every row of its first column; `spans` records horizontally
    merged cells, (row, column) -> last column.
    """

    file: str
    name: str  # the worksheet's title; for CSV the file name
    rows: list[list] = field(default_factory=list)
    spans: dict[tuple[int, int], int] = field(default_factory=dict)
    hidden_rows: list[int] = field(default_factory=list)
    encoding: str = ""  # CSV only
    delimiter: str = ""  # CSV only

    def value(self, row: int, column: int):
        """The value at 1-based (row, column), None outside the sheet."""
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= column <= len(cells):
                return cells[column - 1]
        return None

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    @property
    def label(self) -> str:
        """What messages call it: „kontakte.csv“ or „adressbuch.xlsx“, Blatt „Organisationen“."""
        return location(self.file, "" if self.is_csv else self.name)

    @property
    def is_csv(self) -> bool:
        return bool(self.encoding)

    def where(self, row: int | None = None, column: str = "") -> str:
        return location(self.file, "" if self.is_csv else self.name, row, column)

    def table(self) -> "Table":
        """The sheet as a header row and records: the first non-blank row holds the headers."""
        headers: list[str] = []
        records: list[Record] = []
        for number, cells in enumerate(self.rows, 1):
            if all(xlsx.is_blank(cell) for cell in cells):
                continue
            if not headers:
                headers = [cell_text(cell) for cell in cells]
                while headers and not headers[-1]:
                    headers.pop()
                continue
            values = {
                header: (_stripped(cells[index]) if index < len(cells) else "")
                for index, header in enumerate(headers)
                if header
            }
            records.append(Record(number, values))
        return Table(self, headers, records)


@dataclass
class Record:
    number: int  # the row as the spreadsheet shows it
    values: dict  # header -> str ("" when blank), date, int or float


@dataclass
class Table:
    sheet: Sheet
    headers: list[str]
    rows: list[Record]

    @property
    def source(self) -> str:
        return self.sheet.label

    @property
    def title(self) -> str:
        return self.sheet.name


@dataclass
class Workbook:
    file: str
    sheets: list[Sheet]  # the visible worksheets, the one Excel opens first at the front
    hidden_sheets: list[str] = field(default_factory=list)

    def notes(self) -> list[str]:
        """German sentences about what a person may not have seen in the file: hidden sheets and rows."""
        notes = []
        if self.hidden_sheets:
            notes.append(
                ngettext(
                    "%(file)s: Das ausgeblendete Blatt %(sheets)s wird nicht gelesen.",
                    "%(file)s: Die ausgeblendeten Blätter %(sheets)s werden nicht gelesen.",
                    len(self.hidden_sheets),
                )
                % {"file": location(self.file), "sheets": ", ".join("„%s“" % s for s in self.hidden_sheets)}
            )
        for sheet in self.sheets:
            if sheet.hidden_rows:
                shown = ", ".join(str(r) for r in sheet.hidden_rows[:10]) + (
                    " …" if len(sheet.hidden_rows) > 10 else ""
                )
                notes.append(
                    ngettext(
                        "%(sheet)s: Zeile %(rows)s ist ausgeblendet und wird trotzdem gelesen.",
                        "%(sheet)s: Die Zeilen %(rows)s sind ausgeblendet und werden trotzdem gelesen.",
                        len(sheet.hidden_rows),
                    )
                    % {"sheet": sheet.label, "rows": shown}
                )
        return notes


def cell_text(value) -> str:
    """A cell as text: stripped, floats without ".0", dates as TT.MM.JJJJ."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time.min:
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def _stripped(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime) and value.time() == dt.time.min:
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read(source, *, kind: str, filename: str | None = None, sheet: str | None = None) -> Workbook:
    """Read an upload of the given kind (see limits.py) into a Workbook. Raises SheetError.

    `source` is bytes, a path or a file object; `sheet` names the one worksheet wanted (else all visible
    sheets are read, the active one first)."""
    src = door.Source.of(source, filename)
    limits = limits_for(kind)
    found = door.check(src, limits)
    if found == "csv":
        return Workbook(src.name, [read_csv(src.read(), src.name, limits)])
    return _read_xlsx(src, limits, sheet)


def read_csv(data: bytes, file: str, limits) -> Sheet:
    decoded, encoding = text.decode(data, file)
    delimiter = text.detect_delimiter(text.first_line(decoded))
    sheet = Sheet(file, file, encoding=encoding, delimiter=delimiter)
    filled = 0
    for number, cells in text.csv_records(decoded, delimiter, file):
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            filled += 1
            if len(cells) > limits.max_columns:
                raise xlsx.too_many_columns(file, "", number, limits.max_columns)
            if limits.max_rows is not None and filled > limits.max_rows:
                raise xlsx.too_many_rows(file, "", limits.max_rows)
        sheet.rows.append(cells)
    _trim(sheet)
    return sheet


def _read_xlsx(src: door.Source, limits, wanted: str | None) -> Workbook:
    name = src.name
    with src.open() as handle:
        workbook = xlsx.open_workbook(handle, name)
        try:
            worksheets = list(workbook.worksheets)
            hidden = [ws.title for ws in worksheets if getattr(ws, "sheet_state", "visible") != "visible"]
            visible = [ws for ws in worksheets if ws.title not in hidden]
            try:
                active = workbook.active
            except (IndexError, KeyError, AttributeError):
                active = None
            if active in visible:
                visible.remove(active)
                visible.insert(0, active)
            if wanted is not None:
                chosen = [ws for ws in worksheets if ws.title == wanted]
                if not chosen:
                    raise SheetError(
                        _("Das Blatt „%(sheet)s“ gibt es nicht; vorhanden sind: %(sheets)s.")
                        % {"sheet": wanted, "sheets": ", ".join("„%s“" % ws.title for ws in worksheets)},
                        name,
                    )
                visible = chosen
            sheets = []
            for worksheet in visible:
                sheet = Sheet(name, worksheet.title)
                for _number, cells in xlsx.sheet_rows(
                    worksheet, name, max_columns=limits.max_columns, max_rows=limits.max_rows
                ):
                    sheet.rows.append(cells)
                merged, sheet.hidden_rows = xlsx.layout(handle, worksheet, name)
                _apply_merges(sheet, merged)
                _trim(sheet)
                sheets.append(sheet)
        finally:
            workbook.close()
    return Workbook(name, sheets, hidden if wanted is None else [])


def _apply_merges(sheet: Sheet, merged) -> None:
    for min_col, min_row, max_col, max_row in merged:
        if max_col > min_col:
            for row in range(min_row, max_row + 1):
                sheet.spans[(row, min_col)] = max_col
        top_left = sheet.value(min_row, min_col)
        for row in range(min_row + 1, min(max_row, len(sheet.rows)) + 1):
            _set(sheet, row, min_col, top_left)


def _set(sheet: Sheet, row: int, column: int, value) -> None:
    cells = sheet.rows[row - 1]
    while len(cells) < column:
        cells.append(None)
    cells[column - 1] = value


def _trim(sheet: Sheet) -> None:
    for cells in sheet.rows:
        while cells and xlsx.is_blank(cells[-1]):
            cells.pop()
    while sheet.rows and not sheet.rows[-1]:
        sheet.rows.pop()


def iter_xlsx_rows(source, *, kind: str, filename: str | None = None):
    """(row number, [values]) of the first visible worksheet, streamed: for files too big to hold (a register
    extract of a million rows that is converted to CSV for DuckDB). Blank rows come as []. Call check() (or
    read()) first: this does not repeat the door checks."""
    src = door.Source.of(source, filename)
    limits = limits_for(kind)
    with src.open() as handle:
        workbook = xlsx.open_workbook(handle, src.name)
        try:
            visible = [ws for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
            if not visible:
                return
            yield from xlsx.sheet_rows(
                visible[0], src.name, max_columns=limits.max_columns, max_rows=limits.max_rows
            )
        finally:
            workbook.close()
