"""Open and check a register extract (Einwohnermelderegister-Auszug).

A register extract is one file per reference date with one row per resident.
Accepted formats:

- CSV in UTF-8, UTF-8 with BOM or Windows-1252, separated by ``,`` or ``;``
  (also tab or ``|``; the separator is taken from the header line),
- Parquet,
- XLSX (first worksheet; converted to a temporary CSV file that DuckDB reads).

Headers are matched case-insensitively against the canonical column names in
:data:`CANONICAL_COLUMNS` and the German export headers of
:mod:`teilhabe.statistics.headers`; unknown columns are ignored. A *column mapping file*
maps a statistics office's own headers onto the canonical ones. It is either

- a CSV file with two columns ``source;target`` (or ``source,target``), one
  mapping per line; an optional header line ``source;target`` (or
  ``Quelle;Ziel``) and lines starting with ``#`` are skipped, or
- a JSON object ``{"Staatsangehörigkeit": "citizenship", ...}`` (file name
  ending in ``.json``).

This module has no Django imports: it is used by the management command, the
upload pages and the benchmark alike. Errors are :class:`ExtractError` with a
German message naming the file and, where it applies, the rows. Row numbers
are the line numbers a user sees when opening the file: the header is row 1,
the first resident row 2 (for CSV files with line breaks inside quoted fields
the count is by record, not by physical line).
"""

from .checks import duckdb_read_problem, normalise_values, validate
from .columns import (
    BOOLEAN_COLUMNS,
    CANONICAL_COLUMNS,
    COUNTRY_COLUMNS,
    FALSE_VALUES,
    REQUIRED_COLUMNS,
    SEX_VALUES,
    TRUE_VALUES,
    load_column_mapping,
)
from .errors import MAX_ROWS_SHOWN, ExtractError, format_rows
from .files import Extract, open_extract

__all__ = [
    "BOOLEAN_COLUMNS",
    "CANONICAL_COLUMNS",
    "COUNTRY_COLUMNS",
    "FALSE_VALUES",
    "MAX_ROWS_SHOWN",
    "REQUIRED_COLUMNS",
    "SEX_VALUES",
    "TRUE_VALUES",
    "Extract",
    "ExtractError",
    "duckdb_read_problem",
    "format_rows",
    "load_column_mapping",
    "normalise_values",
    "open_extract",
    "validate",
]
