"""How big an upload may be, per kind of upload, from the setting ``SHEET_LIMITS``.

A limit protects a shared installation: one office uploading a huge file (or a zip bomb) must not take the
server down for every municipality. The defaults are generous for real municipal files; an installation can
lower or raise them per kind (``settings.SHEET_LIMITS = {"directory": {"max_rows": 50_000}}`` merges into the
defaults).
"""

from dataclasses import dataclass, replace

from django.conf import settings

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int  # the file as uploaded
    max_rows: int | None  # data rows of one sheet (None: no cap, e.g. register extracts read by DuckDB)
    max_columns: int
    max_unpacked: int  # XLSX: sum of the uncompressed sizes of all zip entries
    max_ratio: int = 100  # XLSX: uncompressed / compressed size, per entry and overall
    max_entries: int = 10_000  # XLSX: number of zip entries


#: Kinds of upload: the concept sheet, the directory, a statistics office's table, a register extract (read by
#: DuckDB; millions of rows), the activities of a year, an existing distribution list, the column mapping file of a register extract.
DEFAULTS: dict[str, Limits] = {
    "concept": Limits(max_bytes=10 * MB, max_rows=5_000, max_columns=60, max_unpacked=100 * MB),
    "directory": Limits(max_bytes=10 * MB, max_rows=20_000, max_columns=40, max_unpacked=100 * MB),
    "statistics_table": Limits(max_bytes=10 * MB, max_rows=100_000, max_columns=30, max_unpacked=200 * MB),
    "register_extract": Limits(max_bytes=2_000 * MB, max_rows=None, max_columns=100, max_unpacked=2_000 * MB),
    "activities": Limits(max_bytes=10 * MB, max_rows=20_000, max_columns=60, max_unpacked=100 * MB),
    "municipalities": Limits(max_bytes=2 * MB, max_rows=2_000, max_columns=20, max_unpacked=20 * MB),
    "distribution_list": Limits(max_bytes=10 * MB, max_rows=50_000, max_columns=30, max_unpacked=100 * MB),
    "column_mapping": Limits(max_bytes=1 * MB, max_rows=1_000, max_columns=10, max_unpacked=10 * MB),
}


def limits_for(kind: str) -> Limits:
    """The limits of one kind of upload: the default, with the installation's ``SHEET_LIMITS`` applied."""
    base = DEFAULTS[kind]
    overrides = (getattr(settings, "SHEET_LIMITS", None) or {}).get(kind) or {}
    return replace(base, **overrides) if overrides else base
