"""Finding the header row of a concept sheet and working out which column means what."""

import contextlib

from django.utils.translation import gettext as _

from teilhabe.concept.layout import HEADERS
from teilhabe.concept.spreadsheet.headers import BARE, compact, match_header
from teilhabe.concept.spreadsheet.rows import Column, ConceptSheet, SheetIssue
from teilhabe.concept.spreadsheet.values import ValueIssue, cell_text, clean_number, number_depth
from teilhabe.sheets import Sheet

HEADER_SEARCH_ROWS = 30
LEVELS = ("field", "goal", "measure")
_SUBHEADER_TITLE = {compact(word) for word in ("Titel", "Bezeichnung", "Name", "Text", "Inhalt")}


def find_header(grid: Sheet) -> tuple[int, dict[int, str], int] | None:
    """(header row, {column: role}, number of header rows) of the first row that looks like a header."""
    for row in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        roles = {col: match_header(value) for col, value in enumerate(grid.rows[row - 1], start=1)}
        roles = {col: role for col, role in roles.items() if role}
        real = {role for role in roles.values() if role != BARE}
        if len(real) + (BARE in roles.values()) < 2:
            continue
        header_rows = _apply_subheader(grid, row, roles)
        real = set(roles.values())
        if "measure" in real or "measure_number" in real:
            return row, roles, header_rows
    return None


def _apply_subheader(grid: Sheet, row: int, roles: dict[int, str]) -> int:
    """A header cell such as "Maßnahme" merged over two columns with "Nr." and "Titel" below it."""
    used = 1
    for col, role in list(roles.items()):
        last = grid.spans.get((row, col))
        if role not in LEVELS or not last:
            continue
        for sub in range(col, last + 1):
            key = compact(cell_text(grid.value(row + 1, sub)))
            if match_header(grid.value(row + 1, sub)) == BARE:
                roles[sub] = f"{role}_number"
                used = 2
            elif key in _SUBHEADER_TITLE or match_header(grid.value(row + 1, sub)) == role:
                roles[sub] = role
                used = 2
        if used == 2 and roles.get(col) not in (role, f"{role}_number"):
            del roles[col]
    return used


def assign_columns(
    sheet: ConceptSheet, grid: Sheet, header_row: int, roles: dict[int, str], header_rows: int
):
    from openpyxl.utils import get_column_letter  # here, not at import: openpyxl costs 0.1 s at every start

    # A bare "Nr." column: its values say the level when they have two or three parts ("1.2", "1.2.3");
    # otherwise it numbers the next field, goal or measure column to its right that has no number column.
    for col in sorted(roles):
        if roles[col] != BARE:
            continue
        depth = _number_depth_below(grid, header_row + header_rows, col)
        by_depth = {2: "goal_number", 3: "measure_number"}.get(min(depth, 3))
        if by_depth and by_depth not in roles.values():
            roles[col] = by_depth
            continue
        target = "measure_number"
        for right in sorted(c for c in roles if c > col):
            if roles[right] in LEVELS:
                candidate = f"{roles[right]}_number"
                if candidate not in roles.values():
                    target = candidate
                break
        roles[col] = target
    for col in sorted(roles):
        role = roles[col]
        header_cell = grid.value(header_row + header_rows - 1, col) or grid.value(header_row, col)
        header = cell_text(header_cell).replace("\n", " ") or HEADERS.get(role, role)
        column = Column(role, col, get_column_letter(col), header)
        if role in sheet.columns:
            first = sheet.columns[role]
            message = _("Diese Spalte bedeutet wie Spalte %(first)s „%(label)s“ und wird nicht gelesen.") % {
                "first": first.letter,
                "label": HEADERS.get(role, role),
            }
            sheet.warnings.append(SheetIssue(sheet.filename, message, None, column.letter, column.header))
            continue
        sheet.columns[role] = column


def _number_depth_below(grid: Sheet, first_row: int, col: int, sample: int = 30) -> int:
    """The most parts a number has in the first `sample` filled cells of a column (0 if none is a number)."""
    depth = 0
    seen = 0
    for row in range(first_row, len(grid.rows) + 1):
        text = cell_text(grid.value(row, col))
        if not text:
            continue
        seen += 1
        with contextlib.suppress(ValueIssue):
            depth = max(depth, number_depth(clean_number(text)))
        if seen >= sample:
            break
    return depth
