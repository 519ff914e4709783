"""Loading an XLSX or CSV file into plain grids of cell values, merged cells resolved."""

import csv
import io
import os
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BLANK_RUN = 1000


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; the message is German and meant for the user."""


@dataclass
class Grid:
    """One worksheet as a list of rows (row 1 is rows[0]); trailing empty cells and rows trimmed.

    A vertically merged range (the field of action in column A over twenty measure rows) puts its value into
    every row of its first column. `spans` records horizontally merged cells: (row, column) -> last column,
    which tells a heading row that spans the table from a single filled cell.
    """

    sheet_name: str
    rows: list[list] = field(default_factory=list)
    spans: dict[tuple[int, int], int] = field(default_factory=dict)

    def value(self, row: int, column: int):
        """The value at 1-based (row, column), None outside the grid."""
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= column <= len(cells):
                return cells[column - 1]
        return None

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def source_name(source, filename: str | None = None) -> str:
    if filename:
        return os.path.basename(str(filename))
    name = getattr(source, "name", None) or (source if isinstance(source, str | os.PathLike) else "")
    return os.path.basename(str(name)) if name else _("Tabelle")


def _read_bytes(source) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            return handle.read()
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def load_grids(source, filename: str | None = None) -> list[Grid]:
    """All worksheets of an XLSX file, or the one table of a CSV file. Raises UnreadableFile."""
    name = source_name(source, filename)
    try:
        data = _read_bytes(source)
    except OSError as exc:
        raise UnreadableFile(_("Die Datei konnte nicht geöffnet werden.")) from exc
    if not data.strip():
        raise UnreadableFile(_("Die Datei ist leer."))
    if data[:4] == b"PK\x03\x04":
        return _load_xlsx(data, name)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableFile(
            _(
                "Die Datei ist im alten Excel-Format (.xls). Bitte in Excel oder LibreOffice als "
                "Excel-Arbeitsmappe (.xlsx) speichern und erneut hochladen."
            )
        )
    return [_load_csv(data, name)]


def _load_xlsx(data: bytes, name: str) -> list[Grid]:
    import openpyxl  # imported here so that reading CSV does not pay for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise UnreadableFile(
            _(
                "Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte die Datei in Excel oder "
                "LibreOffice öffnen und als .xlsx speichern."
            )
        ) from exc
    grids = []
    active = workbook.active
    sheets = [active] + [ws for ws in workbook.worksheets if ws is not active]
    for worksheet in sheets:
        if not hasattr(worksheet, "merged_cells"):
            continue  # chart sheets
        rows = []
        blank_run = 0
        for row in worksheet.iter_rows(values_only=True):
            rows.append(list(row))
            blank_run = 0 if any(not _is_blank(value) for value in row) else blank_run + 1
            if blank_run >= MAX_BLANK_RUN:
                break  # formatting down to row 1,048,576: the table has ended long ago
        grid = Grid(worksheet.title, rows)
        for merged in worksheet.merged_cells.ranges:
            top_left = worksheet.cell(merged.min_row, merged.min_col).value
            if merged.max_col > merged.min_col:
                for row in range(merged.min_row, merged.max_row + 1):
                    grid.spans[(row, merged.min_col)] = merged.max_col
            for row in range(merged.min_row + 1, merged.max_row + 1):
                _set(grid, row, merged.min_col, top_left)
        _trim(grid)
        grids.append(grid)
    workbook.close()
    return grids


def _set(grid: Grid, row: int, column: int, value) -> None:
    while len(grid.rows) < row:
        grid.rows.append([])
    cells = grid.rows[row - 1]
    while len(cells) < column:
        cells.append(None)
    cells[column - 1] = value


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _trim(grid: Grid) -> None:
    for cells in grid.rows:
        while cells and _is_blank(cells[-1]):
            cells.pop()
    while grid.rows and not grid.rows[-1]:
        grid.rows.pop()


def _load_csv(data: bytes, name: str) -> Grid:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise UnreadableFile(_("Die Datei ist keine lesbare Textdatei."))
    if "\x00" in text:
        raise UnreadableFile(_("Die Datei ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Datei."))
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";"
    rows = [
        [cell if cell.strip() else None for cell in row]
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    grid = Grid(name, rows)
    _trim(grid)
    return grid
