"""Excel workbooks (.xlsx) in openpyxl's read-only mode: streamed row by row, never loaded whole.

Formulas come as their cached values (what Excel last showed), dates as dates (by the cell's number format).
Read-only mode does not see merged cells or hidden rows, so one more streaming pass over the sheet's XML
(expat, no tree kept) collects them where the caller wants them.
"""

import contextlib
import zipfile
from xml.parsers import expat

from django.utils.translation import gettext as _

from teilhabe.sheets.errors import SheetError

#: Stop after this many blank rows in a row: formatting down to row 1,048,576, the table has ended long ago.
MAX_BLANK_RUN = 1000


def broken(file: str) -> SheetError:
    return SheetError(
        _(
            "Die Excel-Datei ist beschädigt und kann nicht gelesen werden. Bitte die Datei in Excel oder "
            "LibreOffice öffnen und als Excel-Arbeitsmappe (.xlsx) speichern."
        ),
        file,
    )


def open_workbook(handle, file: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(handle, read_only=True, data_only=True)
    except Exception:  # a damaged workbook can fail in any of openpyxl's parsers
        raise broken(file) from None


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sheet_rows(worksheet, file: str, *, max_columns: int, max_rows: int | None):
    """(row number, [values]) of one worksheet, trailing blank cells trimmed, blank rows yielded as []."""
    blank_run = 0
    filled = 0
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True, max_col=max_columns + 1), 1):
            cells = list(values)
            while cells and is_blank(cells[-1]):
                cells.pop()
            if not cells:
                blank_run += 1
                if blank_run >= MAX_BLANK_RUN:
                    return
                yield number, cells
                continue
            blank_run = 0
            filled += 1
            if len(cells) > max_columns:
                raise too_many_columns(file, worksheet.title, number, max_columns)
            if max_rows is not None and filled > max_rows:
                raise too_many_rows(file, worksheet.title, max_rows)
            yield number, cells
    except SheetError:
        raise
    except Exception:
        raise broken(file) from None


def too_many_columns(file: str, sheet: str, row: int, limit: int) -> SheetError:
    return SheetError(
        _("Die Zeile hat mehr als %(limit)s Spalten; mehr werden nicht gelesen.") % {"limit": limit},
        file,
        sheet,
        row,
    )


def too_many_rows(file: str, sheet: str, limit: int) -> SheetError:
    return SheetError(
        _(
            "Die Tabelle hat mehr als %(limit)s Zeilen; mehr werden nicht gelesen. Bitte teilen Sie die Datei "
            "auf."
        )
        % {"limit": limit},
        file,
        sheet,
    )


def layout(handle, worksheet, file: str) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """(merged ranges as (min_col, min_row, max_col, max_row), hidden row numbers) of one worksheet."""
    path = getattr(worksheet, "_worksheet_path", None)
    if not path:
        return [], []
    merged: list[tuple[int, int, int, int]] = []
    hidden: list[int] = []
    counter = [0]
    # openpyxl is imported where a workbook is read, not with the module (it costs about 0.15 s at
    # every process start, e.g. of `teilhabe factcheck`, which reads CSV files).
    from openpyxl.utils.cell import range_boundaries

    def start(name, attrs):
        local = name.rpartition(" ")[2]
        if local == "row":
            counter[0] = int(attrs.get("r") or counter[0] + 1)
            if attrs.get("hidden") in ("1", "true"):
                hidden.append(counter[0])
        elif local == "mergeCell" and attrs.get("ref"):
            with contextlib.suppress(ValueError, TypeError):
                merged.append(range_boundaries(attrs["ref"]))

    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive, archive.open(path.lstrip("/")) as xml:
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.StartElementHandler = start
            parser.ParseFile(xml)
    except (KeyError, zipfile.BadZipFile, expat.ExpatError, OSError, ValueError):
        raise broken(file) from None
    return merged, hidden
