"""Disclosure control (Geheimhaltung) for everything published outside the office.

Pure functions, no Django. Two steps:

1. **Primary suppression**: a count from 1 to ``threshold`` (default 2) is never published; it is shown
   as ``"."``. Zero is published (it reveals nobody).
2. **Secondary suppression**: where the total of a line (a row or column, or any other group of cells
   whose sum is published) would reveal a suppressed cell because it is the *only* suppressed cell of
   that line, the next smallest cell of the line is suppressed too (non-zero cells first). This repeats
   until no published total reveals a single suppressed cell.

A line whose total is itself suppressed (the total is 1..threshold) needs no secondary suppression.
A "line" of a single cell cannot be protected by another cell: callers publish no total of one cell.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

DEFAULT_THRESHOLD = 2
SUPPRESSED_MARK = "."


def is_primary(value: int | None, threshold: int = DEFAULT_THRESHOLD) -> bool:
    return value is not None and 1 <= value <= threshold


def protect(
    values: Mapping[Hashable, int],
    lines: Iterable[Sequence[Hashable]] = (),
    threshold: int = DEFAULT_THRESHOLD,
) -> set[Hashable]:
    """Return the keys of ``values`` that must not be published.

    ``lines`` are groups of keys whose total is published next to them.
    """
    suppressed = {key for key, value in values.items() if is_primary(value, threshold)}
    groups = [list(line) for line in lines]
    order = {key: index for index, key in enumerate(values)}
    changed = True
    while changed:
        changed = False
        for line in groups:
            total = sum(values[key] for key in line)
            if is_primary(total, threshold):
                continue  # the total is not published either
            hidden = [key for key in line if key in suppressed]
            if len(hidden) != 1:
                continue
            candidates = [key for key in line if key not in suppressed]
            if not candidates:
                continue
            pick = min(candidates, key=lambda k: (values[k] == 0, values[k], order[k]))
            suppressed.add(pick)
            changed = True
    return suppressed


def protect_matrix(
    cells: Sequence[Sequence[int]],
    threshold: int = DEFAULT_THRESHOLD,
    row_totals: bool = True,
    column_totals: bool = True,
) -> list[list[bool]]:
    """Suppression mask of a table of counts whose row and/or column totals are published."""
    values = {(r, c): value for r, row in enumerate(cells) for c, value in enumerate(row)}
    lines: list[list[tuple[int, int]]] = []
    if row_totals:
        lines += [[(r, c) for c in range(len(row))] for r, row in enumerate(cells)]
    if column_totals and cells:
        width = max(len(row) for row in cells)
        lines += [[(r, c) for r in range(len(cells)) if c < len(cells[r])] for c in range(width)]
    hidden = protect(values, lines, threshold)
    return [[(r, c) in hidden for c in range(len(row))] for r, row in enumerate(cells)]
