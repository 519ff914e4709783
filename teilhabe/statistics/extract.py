"""Open and check a register extract (Einwohnermelderegister-Auszug).

A register extract is one file per reference date with one row per resident.
Accepted formats:

- CSV in UTF-8, UTF-8 with BOM or Windows-1252, separated by ``,`` or ``;``
  (also tab or ``|``; the separator is taken from the header line),
- Parquet,
- XLSX (first worksheet; converted to a temporary CSV file that DuckDB reads).

Headers are matched case-insensitively against the canonical column names in
:data:`CANONICAL_COLUMNS`; unknown columns are ignored. A *column mapping file*
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

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .countries import VALID_CODES

CANONICAL_COLUMNS: tuple[str, ...] = (
    "person_id",
    "birth_date",
    "sex",
    "district",
    "citizenship",
    "second_citizenship",
    "birth_country",
    "naturalised",
    "ius_soli",
    "immigrated_from",
    "parent1_id",
    "parent2_id",
    "address_id",
    "asylum_background",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("person_id", "birth_date", "citizenship")
COUNTRY_COLUMNS: tuple[str, ...] = (
    "citizenship",
    "second_citizenship",
    "birth_country",
    "immigrated_from",
)
BOOLEAN_COLUMNS: tuple[str, ...] = ("naturalised", "ius_soli", "asylum_background")
SEX_VALUES: tuple[str, ...] = ("m", "w", "d", "o")

TRUE_VALUES: tuple[str, ...] = ("1", "ja", "j", "true", "wahr", "yes", "y", "x")
FALSE_VALUES: tuple[str, ...] = ("0", "nein", "n", "false", "falsch", "no")

#: How many row numbers an error message lists before "…".
MAX_ROWS_SHOWN = 10

_CHUNK = 8 * 1024 * 1024
_SEPARATORS = (";", ",", "\t", "|")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


class ExtractError(ValueError):
    """A register extract (or a mapping file) cannot be used.

    ``problems`` holds one German sentence per problem; ``str(error)`` is the
    whole message with the file name.
    """

    def __init__(self, file_name: str, problems: Iterable[str]):
        self.file_name = file_name
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = "Datei „%s“: %s" % (file_name, self.problems[0])
        else:
            message = "Datei „%s“ hat %d Fehler:\n%s" % (
                file_name,
                len(self.problems),
                "\n".join("- " + p for p in self.problems),
            )
        super().__init__(message)


def format_rows(rows: list[int], total: int) -> str:
    """German list of row numbers: "Zeile 5" / "Zeilen 5, 7, … (12 Zeilen)"."""
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    if total == 1:
        return "Zeile %s" % shown
    if total > len(rows[:MAX_ROWS_SHOWN]):
        return "Zeilen %s, … (insgesamt %d Zeilen)" % (shown, total)
    return "Zeilen %s" % shown


@dataclass
class Extract:
    """An opened register extract that DuckDB can read.

    ``relation`` is a SQL table expression (``read_csv(...)`` or
    ``read_parquet(...)``); ``columns`` maps each canonical column found in the
    file to the quoted column name in that relation.
    """

    path: Path
    kind: str  # "csv", "parquet" or "xlsx"
    relation: str
    columns: dict[str, str]
    encoding: str = "utf-8"
    _temp_dir: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _csv_options: dict | None = field(default=None, repr=False)
    _csv_path: Path | None = field(default=None, repr=False)
    _date_column: int | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def select_sql(self, relation: str | None = None) -> str:
        """A SELECT of all canonical columns as text; missing columns are NULL.

        CSV fields come as they are in the file (DuckDB reads empty fields as
        NULL); values are normalised (trimmed, upper-cased codes) later and only
        where needed, which keeps the common case of clean files fast. Parquet
        columns are cast to text, empty strings become NULL. ``relation``
        replaces :attr:`relation` (see :meth:`relation_with_dates`).
        """
        parts = []
        for column in CANONICAL_COLUMNS:
            source = self.columns.get(column)
            if source is None:
                expr = "NULL::VARCHAR"
            elif self.kind == "parquet":
                expr = "NULLIF(CAST(%s AS VARCHAR), '')" % source
            else:
                expr = source
            parts.append("%s AS %s" % (expr, column))
        return "SELECT %s FROM %s" % (", ".join(parts), relation or self.relation)

    def relation_with_dates(self) -> str | None:
        """The CSV relation with ``birth_date`` parsed as DATE by the CSV reader itself.

        Parsing while reading costs next to nothing, while parsing the text
        afterwards costs a noticeable share of the read. The reader accepts only
        ISO dates and fails on anything else (``DD.MM.YYYY``, empty, garbage), so
        this serves only the fast path of a clean file; the fact check then falls
        back to the text relation, which parses every accepted form. ``None`` for
        Parquet files.
        """
        if self._csv_options is None or self._csv_path is None:
            return None
        return _read_csv_sql(self._csv_path, **self._csv_options, date_column=self._date_column)

    def reopen_as_cp1252(self) -> None:
        """Transcode a CSV file from Windows-1252 to UTF-8 and read that instead.

        Used when the first megabyte looked like UTF-8 but DuckDB met an invalid
        byte sequence later in the file.
        """
        if self.kind != "csv" or self.encoding == "cp1252":
            raise ExtractError(self.name, [_msg("unreadable")])
        target = self._temp_path("transcoded.csv")
        _transcode_cp1252(self.path, target, self.name)
        self.encoding = "cp1252"
        self._csv_path = target
        self.relation = _read_csv_sql(target, **self._csv_options)

    def close(self) -> None:
        if self._temp_dir is not None:
            self._temp_dir.cleanup()
            self._temp_dir = None

    def __enter__(self) -> Extract:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _temp_path(self, name: str) -> Path:
        if self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="teilhabe-extract-")
        return Path(self._temp_dir.name) / name


_MESSAGES = {
    "unreadable": (
        "Die Datei ist nicht lesbar: erwartet wird CSV in UTF-8 oder Windows-1252, Parquet oder XLSX."
    ),
    "empty": "Die Datei ist leer.",
    "no_rows": "Die Datei enthält keine Datenzeilen (nur die Kopfzeile).",
    "not_found": "Die Datei wurde nicht gefunden.",
}


def _msg(key: str) -> str:
    return _MESSAGES[key]


def open_extract(path: str | Path, columns: str | Path | dict | None = None) -> Extract:
    """Open a register extract and map its headers onto the canonical columns.

    ``columns`` is a mapping file path or an already loaded dict
    ``{source header: canonical column}``. Raises :class:`ExtractError`.
    """
    path = Path(path)
    if not path.is_file():
        raise ExtractError(path.name, [_msg("not_found")])
    mapping = load_column_mapping(columns) if not isinstance(columns, dict) else columns
    mapping = {_norm_header(k): v.strip().lower() for k, v in (mapping or {}).items()}
    if path.stat().st_size == 0:
        raise ExtractError(path.name, [_msg("empty")])
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return _open_parquet(path, mapping)
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, mapping)
    return _open_csv(path, mapping)


def load_column_mapping(source: str | Path | None) -> dict[str, str]:
    """Read a column mapping file (see the module docstring for the format)."""
    if source is None:
        return {}
    path = Path(source)
    if not path.is_file():
        raise ExtractError(path.name, [_msg("not_found")])
    raw = path.read_bytes()
    text = _decode_small(raw, path.name)
    problems: list[str] = []
    mapping: dict[str, str] = {}
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ExtractError(
                path.name, ["kein gültiges JSON (Zeile %d): %s" % (exc.lineno, exc.msg)]
            ) from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise ExtractError(
                path.name,
                ['erwartet wird ein JSON-Objekt {"Quellspalte": "Zielspalte", …}.'],
            )
        items = [(None, k, v) for k, v in data.items()]
    else:
        first = text.splitlines()[0] if text.strip() else ""
        sep = _guess_separator(first) or ";"
        items = []
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=sep), 1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) != 2:
                problems.append(
                    "Zeile %d: erwartet werden genau zwei Spalten (Quellspalte%sZielspalte)." % (number, sep)
                )
                continue
            if row[1].strip().lower() in ("target", "ziel", "zielspalte"):  # header line
                continue
            items.append((number, row[0], row[1]))
    for number, src, target in items:
        target_norm = target.strip().lower()
        where = ("Zeile %d: " % number) if number else ""
        if target_norm not in CANONICAL_COLUMNS:
            problems.append(
                "%sunbekannte Zielspalte „%s“ (erlaubt: %s)."
                % (where, target.strip(), ", ".join(CANONICAL_COLUMNS))
            )
            continue
        mapping[src.strip()] = target_norm
    if problems:
        raise ExtractError(path.name, problems)
    return mapping


def _norm_header(name: str) -> str:
    return name.replace("\ufeff", "").strip().lower()


def _map_headers(headers: list[str], mapping: dict[str, str], file_name: str) -> dict[str, int]:
    """Return canonical column -> index of the header that supplies it."""
    found: dict[str, int] = {}
    problems = []
    for index, header in enumerate(headers):
        key = _norm_header(header)
        target = mapping.get(key) or (key if key in CANONICAL_COLUMNS else None)
        if target is None:
            continue
        if target in found:
            problems.append(
                "Die Spalte „%s“ kommt mehrfach vor (Spalten %d und %d)."
                % (target, found[target] + 1, index + 1)
            )
            continue
        found[target] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        problems.append(
            "Pflichtspalte(n) fehlen: %s. Gefundene Spalten: %s."
            % (", ".join(missing), ", ".join(h.strip() for h in headers) or "keine")
        )
    if problems:
        raise ExtractError(file_name, problems)
    return found


def _quote_ident(name: str) -> str:
    return '"%s"' % name.replace('"', '""')


def _quote_str(value: str) -> str:
    return "'%s'" % str(value).replace("'", "''")


# --- CSV -------------------------------------------------------------------


def _read_csv_sql(path: Path, delimiter: str, n_columns: int, date_column: int | None = None) -> str:
    columns = ", ".join(
        "'c%d': '%s'" % (i, "DATE" if i == date_column else "VARCHAR") for i in range(n_columns)
    )
    return "read_csv(%s, auto_detect=false, header=true, delim=%s, quote='\"', escape='\"', columns={%s})" % (
        _quote_str(path),
        _quote_str(delimiter),
        columns,
    )


def _guess_separator(header_line: str) -> str | None:
    counts = {sep: header_line.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _detect_encoding(head: bytes, file_name: str) -> str:
    """'utf-8' or 'cp1252', judged from the first bytes of the file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise ExtractError(file_name, [_msg("unreadable")])
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _CP1252_UNDEFINED.intersection(head):
        raise ExtractError(file_name, [_msg("unreadable")])
    return "cp1252"


def _decode_small(raw: bytes, file_name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    encoding = _detect_encoding(raw, file_name) if raw else "utf-8"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractError(file_name, [_msg("unreadable")]) from None


def _transcode_cp1252(source: Path, target: Path, file_name: str) -> None:
    """Stream a Windows-1252 file into a UTF-8 copy (8 MB chunks)."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(_CHUNK):
            try:
                dst.write(chunk.decode("cp1252").encode("utf-8"))
            except UnicodeDecodeError:
                raise ExtractError(file_name, [_msg("unreadable")]) from None


def _open_csv(path: Path, mapping: dict[str, str], display_name: str | None = None) -> Extract:
    name = display_name or path.name
    with open(path, "rb") as f:
        head = f.read(1024 * 1024)
    encoding = _detect_encoding(head, name)
    text = head.decode(encoding, errors="ignore")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    header_line = lines[0] if lines else ""
    if not header_line.strip():
        raise ExtractError(name, [_msg("empty")])
    if len(lines) < 2 or not any(line.strip() for line in lines[1:]):
        raise ExtractError(name, [_msg("no_rows")])
    delimiter = _guess_separator(header_line) or ","
    headers = next(csv.reader([header_line], delimiter=delimiter))
    found = _map_headers(headers, mapping, name)
    extract = Extract(
        path=path if display_name is None else Path(display_name),
        kind="csv",
        relation="",
        columns={c: _quote_ident("c%d" % i) for c, i in found.items()},
        encoding=encoding,
    )
    extract._csv_options = {"delimiter": delimiter, "n_columns": len(headers)}
    extract._date_column = found["birth_date"]
    if encoding == "cp1252":
        target = extract._temp_path("transcoded.csv")
        _transcode_cp1252(path, target, name)
        extract._csv_path = target
    else:
        extract._csv_path = path
    extract.relation = _read_csv_sql(extract._csv_path, delimiter, len(headers))
    return extract


# --- Parquet ---------------------------------------------------------------


def _open_parquet(path: Path, mapping: dict[str, str]) -> Extract:
    import duckdb

    relation = "read_parquet(%s)" % _quote_str(path)
    con = duckdb.connect()
    try:
        headers = [row[0] for row in con.execute("DESCRIBE SELECT * FROM " + relation).fetchall()]
        rows = con.execute("SELECT count(*) FROM " + relation).fetchone()[0]
    except duckdb.Error:
        raise ExtractError(path.name, [_msg("unreadable")]) from None
    finally:
        con.close()
    found = _map_headers(headers, mapping, path.name)
    if rows == 0:
        raise ExtractError(path.name, [_msg("no_rows")])
    return Extract(
        path=path,
        kind="parquet",
        relation=relation,
        columns={c: _quote_ident(headers[i]) for c, i in found.items()},
    )


# --- XLSX ------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _open_xlsx(path: Path, mapping: dict[str, str]) -> Extract:
    import zipfile

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise ExtractError(path.name, [_msg("unreadable")]) from None
    tmp = tempfile.TemporaryDirectory(prefix="teilhabe-extract-")
    target = Path(tmp.name) / "sheet.csv"
    try:
        sheet = workbook.worksheets[0]
        pending_empty = 0
        with open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";", lineterminator="\n")
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell_text(v) for v in row]
                if not any(c.strip() for c in cells):
                    # Keep row numbering for empty rows inside the data but drop
                    # trailing empty rows, which spreadsheets often carry.
                    pending_empty += 1
                    continue
                for _i in range(pending_empty):
                    writer.writerow([])
                pending_empty = 0
                writer.writerow(cells)
    finally:
        workbook.close()
    try:
        extract = _open_csv(target, mapping, display_name=str(path))
    except ExtractError as exc:
        tmp.cleanup()
        raise ExtractError(path.name, exc.problems) from None
    extract.kind = "xlsx"
    extract.path = path
    extract._temp_dir = tmp
    return extract


# --- checks ----------------------------------------------------------------

_CSV_LINE_RE = re.compile(r"CSV Error on Line: (\d+)")
_COLUMNS_RE = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def duckdb_read_problem(error: Exception) -> str | None:
    """Translate a DuckDB CSV reading error into a German sentence."""
    text = str(error)
    line = _CSV_LINE_RE.search(text)
    where = ("Zeile %s: " % line.group(1)) if line else ""
    columns = _COLUMNS_RE.search(text)
    if columns:
        return "%sfalsche Anzahl von Spalten (erwartet %s, gefunden %s)." % (
            where,
            columns.group(1),
            columns.group(2),
        )
    if "unicode" in text.lower() or "encod" in text.lower():
        return None  # handled by re-reading as Windows-1252
    if line:
        return "%sdie Zeile kann nicht gelesen werden (Anführungszeichen prüfen)." % where
    return None


#: SQL that normalises a column's values (used only when a file has messy
#: values such as " de" or "DE "; clean files skip this pass).
_NORMALISE_SQL = {
    **{c: "NULLIF(upper(trim(%s)), '')" % c for c in COUNTRY_COLUMNS},
    "sex": "NULLIF(lower(trim(sex)), '')",
    "district": "trim(district)",
}


def _normalised(column: str, value: str) -> str | None:
    if column == "district":
        return value.strip()
    value = value.strip()
    value = value.lower() if column == "sex" else value.upper()
    return value or None


def normalise_values(con, table: str) -> tuple[dict[str, set[str]], bool]:
    """Distinct values of the code columns, normalised in ``table`` if needed.

    Looks at the distinct values only (one cheap grouped scan). Where a value is
    not in its clean form (surrounding blanks, lower-case country code) the
    column is normalised in place; the second result says whether that
    happened, so that derived columns can be recomputed.
    """
    columns = list(_NORMALISE_SQL)
    rows = con.execute(
        "SELECT %s FROM %s GROUP BY GROUPING SETS (%s)"
        % (", ".join(columns), table, ", ".join("(%s)" % c for c in columns))
    ).fetchall()
    raw: dict[str, set[str]] = {c: set() for c in columns}
    for row in rows:
        for column, value in zip(columns, row, strict=True):
            if value is not None:
                raw[column].add(value)
    messy = [c for c in columns if any(_normalised(c, v) != v for v in raw[c])]
    if messy:
        con.execute(
            "UPDATE %s SET %s" % (table, ", ".join("%s = %s" % (c, _NORMALISE_SQL[c]) for c in messy))
        )
    distinct = {
        c: {n for n in (_normalised(c, v) for v in values) if n is not None} for c, values in raw.items()
    }
    return distinct, bool(messy)


def validate(con, table: str, reference_date: dt.date, file_name: str, distinct: dict[str, set[str]]) -> None:
    """Check the materialized persons ``table``; raise :class:`ExtractError`.

    The table has the canonical columns as text except ``birth_date`` (DATE,
    NULL when unparseable) and the yes/no columns (NULL when the value is not
    one of the allowed words); ``distinct`` comes from
    :func:`normalise_values`. Row numbers are ``rowid + 2`` (header = row 1).
    """
    d = "DATE '%s'" % reference_date.isoformat()
    checks: list[tuple[str, str]] = [
        ("person_id IS NULL OR person_id = ''", "person_id fehlt in %s."),
        (
            "birth_date IS NULL",
            "birth_date ist kein Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ) in %s.",
        ),
        (
            "birth_date > %s" % d,
            "birth_date liegt nach dem Stichtag " + reference_date.strftime("%d.%m.%Y") + " in %s.",
        ),
        ("citizenship IS NULL", "citizenship fehlt in %s."),
    ]
    for column in BOOLEAN_COLUMNS:
        checks.append(
            (
                "%s IS NULL" % column,
                column + " hat einen ungültigen Wert (erlaubt: 1/0, ja/nein, true/false) in %s.",
            )
        )
    # Duplicate ids, cheaply: if the number of distinct 64-bit hashes equals the number of ids, no id
    # repeats. Only when they differ (a duplicate, or a hash collision) are the ids grouped exactly below.
    *counts, n_ids, n_hashes = con.execute(
        "SELECT %s, count(person_id), count(DISTINCT hash(person_id)) FROM %s"
        % (", ".join("count(*) FILTER (WHERE %s)" % cond for cond, _m in checks), table)
    ).fetchone()
    problems: list[str] = []
    for (condition, message), count in zip(checks, counts, strict=True):
        if count:
            problems.append(message % _rows_where(con, table, condition, count))

    bad_sex = sorted(distinct.get("sex", set()) - set(SEX_VALUES))
    if bad_sex:
        condition = "sex IN (%s)" % ", ".join(_quote_str(b) for b in bad_sex)
        count = con.execute("SELECT count(*) FROM %s WHERE %s" % (table, condition)).fetchone()[0]
        problems.append(
            "sex hat einen ungültigen Wert (%s; erlaubt: m, w, d, o) in %s."
            % (
                ", ".join("„%s“" % b for b in bad_sex[:MAX_ROWS_SHOWN]),
                _rows_where(con, table, condition, count),
            )
        )
    for column in COUNTRY_COLUMNS:
        bad = sorted(distinct.get(column, set()) - VALID_CODES)
        if bad:
            condition = "%s IN (%s)" % (column, ", ".join(_quote_str(b) for b in bad))
            count = con.execute("SELECT count(*) FROM %s WHERE %s" % (table, condition)).fetchone()[0]
            shown = ", ".join("„%s“" % b for b in bad[:MAX_ROWS_SHOWN])
            problems.append(
                "%s enthält unbekannte Ländercodes (%s; erwartet ISO 3166-1 Alpha-2, "
                "XS staatenlos, XU ungeklärt) in %s."
                % (column, shown, _rows_where(con, table, condition, count))
            )

    dups_found = (
        0
        if n_ids == n_hashes
        else con.execute(
            "SELECT count(*) FROM (SELECT person_id FROM %s WHERE person_id IS NOT NULL "
            "GROUP BY person_id HAVING count(*) > 1)" % table
        ).fetchone()[0]
    )
    if dups_found:
        dups = con.execute(
            "SELECT person_id, list(rowid + 2 ORDER BY rowid) AS rows FROM %s "
            "WHERE person_id IN (SELECT person_id FROM %s GROUP BY person_id HAVING count(*) > 1) "
            "GROUP BY person_id ORDER BY min(rowid) LIMIT %d" % (table, table, MAX_ROWS_SHOWN)
        ).fetchall()
        listed = "; ".join(
            "„%s“ in Zeilen %s" % (pid, ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN]))
            for pid, rows in dups
        )
        more = (" und %d weitere" % (dups_found - len(dups))) if dups_found > len(dups) else ""
        problems.append(
            "person_id ist nicht eindeutig: %d Kennung(en) kommen mehrfach vor: %s%s."
            % (dups_found, listed, more)
        )
    if problems:
        raise ExtractError(file_name, problems)


def _rows_where(con, table: str, condition: str, count: int) -> str:
    rows = [
        r[0]
        for r in con.execute(
            "SELECT rowid + 2 FROM %s WHERE %s ORDER BY rowid LIMIT %d" % (table, condition, MAX_ROWS_SHOWN)
        ).fetchall()
    ]
    return format_rows(rows, count)
