"""Tiny register extracts built inside tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from teilhabe.statistics.extract import CANONICAL_COLUMNS

D = dt.date(2023, 12, 31)

HEADER = CANONICAL_COLUMNS


def person(person_id: str, **fields: str) -> dict[str, str]:
    """An adult German without migration background unless fields say otherwise."""
    row = {c: "" for c in HEADER}
    row.update(person_id=person_id, birth_date="1980-05-17", sex="w", citizenship="DE", birth_country="DE")
    row.update(fields)
    return row


def write_extract(
    directory: Path,
    rows: list[dict[str, str]],
    name: str = "auszug.csv",
    sep: str = ";",
    encoding: str = "utf-8",
    header: tuple[str, ...] | list[str] = HEADER,
) -> Path:
    path = directory / name
    lines = [sep.join(header)]
    for row in rows:
        lines.append(sep.join(row.get(c, "") for c in header))
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path
