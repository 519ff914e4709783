"""Reading a concept sheet: find the header row, work out what each column means, then walk the rows.

The file is read by the shared spreadsheet layer (teilhabe.sheets: size, type and zip checks, merged cells);
columns.py finds the header and the meaning of each column, walker.py walks the rows.
"""

from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.concept.spreadsheet.columns import HEADER_SEARCH_ROWS, assign_columns, find_header
from teilhabe.concept.spreadsheet.rows import ConceptSheet, SheetIssue
from teilhabe.concept.spreadsheet.values import cell_text
from teilhabe.concept.spreadsheet.walker import Walker


def read_concept_sheet(source, filename: str | None = None) -> ConceptSheet:
    """Read an XLSX or CSV concept sheet into plain rows. Never raises for bad content: problems are
    collected in `.errors` (and `.warnings`), each naming file, row and column."""
    upload = sheets.Source.of(source, filename)
    sheet = ConceptSheet(filename=upload.name)
    try:
        workbook = sheets.read(upload, kind="concept")
    except sheets.SheetError as exc:
        sheet.errors.append(SheetIssue(upload.name, exc.message, exc.row))
        return sheet
    sheet.warnings.extend(SheetIssue("", note) for note in workbook.notes())
    for grid in workbook.sheets:
        header = find_header(grid)
        if header is not None:
            _read_grid(sheet, grid, *header)
            return sheet
    sheet.error(
        _(
            "Keine Kopfzeile gefunden. In den ersten %(rows)s Zeilen wird eine Zeile mit Spaltenüberschriften "
            "wie „Handlungsfeld“, „Ziel“, „Maßnahme“ und „Federführung“ erwartet (Tabellenblätter: %(sheets)s)."
        )
        % {"rows": HEADER_SEARCH_ROWS, "sheets": ", ".join(grid.name for grid in workbook.sheets) or "-"}
    )
    return sheet


def _read_grid(
    sheet: ConceptSheet, grid: sheets.Sheet, header_row: int, roles: dict[int, str], header_rows: int
) -> None:
    from openpyxl.utils import get_column_letter  # here, not at import: openpyxl costs 0.1 s at every start

    sheet.sheet_name = grid.name
    sheet.header_row = header_row
    assign_columns(sheet, grid, header_row, roles, header_rows)
    ignored = [
        f"{get_column_letter(col)} „{cell_text(value)}“"
        for col, value in enumerate(grid.rows[header_row - 1], start=1)
        if cell_text(value) and col not in roles
    ]
    if ignored:
        sheet.warn(
            _("Diese Spalten werden nicht gelesen: %(columns)s.") % {"columns": ", ".join(ignored)},
            header_row,
        )
    sheet.title_lines = [
        cell_text(value) for cells in grid.rows[: header_row - 1] for value in cells if cell_text(value)
    ]
    if "measure" not in sheet.columns:
        sheet.error(
            _("Die Spalte „Maßnahme“ (Titel der Maßnahme) fehlt. Gefundene Spalten: %(columns)s.")
            % {"columns": ", ".join(c.header for c in sheet.columns.values())},
            header_row,
        )
        return
    if not any(cell_text(value) for cells in grid.rows[header_row + header_rows - 1 :] for value in cells):
        sheet.errors.append(SheetIssue(sheet.filename, sheets.no_data_rows(sheet.filename).message))
        return
    walker = Walker(sheet, grid)
    walker.walk(header_row + header_rows)
    walker.finish()
