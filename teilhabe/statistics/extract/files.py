"""Opening a register extract file (CSV, Parquet, XLSX) as a relation DuckDB reads."""

from __future__ import annotations

import csv
import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from teilhabe import sheets
from teilhabe.sheets.text import detect_delimiter

from .columns import CANONICAL_COLUMNS, _map_headers, _norm_header, describe_headers, load_column_mapping
from .encoding import detect_encoding, transcode
from .errors import ExtractError, _msg


@dataclass
class Extract:
    """An opened register extract that DuckDB can read.

    ``relation`` is a SQL table expression (``read_csv(...)`` or
    ``read_parquet(...)``); ``columns`` maps each canonical column found in the
    file to the quoted column name in that relation, ``headers`` to the header
    in the file that supplies it, and ``header_report`` lists every header of
    the file in file order with the column it was read as (None: not used).
    """

    path: Path
    kind: str  # "csv", "parquet" or "xlsx"
    relation: str
    columns: dict[str, str]
    encoding: str = "utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    header_report: list[tuple[str, str | None]] = field(default_factory=list)
    _temp_dir: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _csv_options: dict | None = field(default=None, repr=False)
    _csv_path: Path | None = field(default=None, repr=False)
    _date_column: int | None = field(default=None, repr=False)
    _date_format: str | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def column_label(self, column: str) -> str:
        """How messages name a canonical column: with the file's own header where that differs
        (``„Staatsangehörigkeit 1“ (citizenship)``), so a Bürgeramt export's column is found."""
        header = self.headers.get(column)
        if not header or header.strip().lower() == column:
            return column
        return "„%s“ (%s)" % (header, column)

    def column_labels(self) -> dict[str, str]:
        return {column: self.column_label(column) for column in CANONICAL_COLUMNS}

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
        return _read_csv_sql(
            self._csv_path, **self._csv_options, date_column=self._date_column, date_format=self._date_format
        )

    def reopen_as_cp1252(self) -> None:
        """Transcode a CSV file from Windows-1252 to UTF-8 and read that instead.

        Used when the first megabyte looked like UTF-8 but DuckDB met an invalid
        byte sequence later in the file.
        """
        if self.kind != "csv" or self.encoding != "utf-8":
            raise ExtractError(self.name, [_msg("unreadable")])
        target = self._temp_path("transcoded.csv")
        transcode(self.path, target, "cp1252", self.name)
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
    try:  # size, type by content and zip bombs: the shared checks at the door
        kind = sheets.check(
            sheets.Source.of(path), sheets.limits_for("register_extract"), allowed=("xlsx", "csv", "parquet")
        )
    except sheets.SheetError as error:
        raise ExtractError(path.name, [error.message]) from None
    if kind == "parquet":
        return _open_parquet(path, mapping)
    if kind == "xlsx":
        return _open_xlsx(path, mapping)
    return _open_csv(path, mapping)


def _quote_ident(name: str) -> str:
    return '"%s"' % name.replace('"', '""')


def _quote_str(value: str) -> str:
    return "'%s'" % str(value).replace("'", "''")


# --- CSV -------------------------------------------------------------------


def _read_csv_sql(
    path: Path,
    delimiter: str,
    n_columns: int,
    date_column: int | None = None,
    date_format: str | None = None,
) -> str:
    columns = ", ".join(
        "'c%d': '%s'" % (i, "DATE" if i == date_column else "VARCHAR") for i in range(n_columns)
    )
    options = ", dateformat=%s" % _quote_str(date_format) if date_format and date_column is not None else ""
    return (
        "read_csv(%s, auto_detect=false, header=true, delim=%s, quote='\"', escape='\"', columns={%s}%s)"
        % (_quote_str(path), _quote_str(delimiter), columns, options)
    )


_GERMAN_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")


def _date_format_of(lines: list[str], delimiter: str, column: int) -> str | None:
    """``%d.%m.%Y`` when the first rows write birth dates the German way (the CSV reader then parses
    them itself); None (ISO) otherwise. A wrong guess only costs the fast path."""
    values = []
    for row in csv.reader(lines[1:200], delimiter=delimiter):
        if len(row) > column and row[column].strip():
            values.append(row[column].strip())
    return "%d.%m.%Y" if values and all(_GERMAN_DATE.fullmatch(v) for v in values) else None


def _open_csv(path: Path, mapping: dict[str, str], display_name: str | None = None) -> Extract:
    name = display_name or path.name
    with open(path, "rb") as f:
        head = f.read(1024 * 1024)
    encoding = detect_encoding(head, name)
    text = head.decode(encoding, errors="ignore")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    header_line = lines[0] if lines else ""
    if not header_line.strip():
        raise ExtractError(name, [_msg("empty")])
    if len(lines) < 2 or not any(line.strip() for line in lines[1:]):
        raise ExtractError(name, [_msg("no_rows")])
    delimiter = detect_delimiter(header_line)
    headers = next(csv.reader([header_line], delimiter=delimiter))
    found = _map_headers(headers, mapping, name)
    extract = Extract(
        path=path if display_name is None else Path(display_name),
        kind="csv",
        relation="",
        columns={c: _quote_ident("c%d" % i) for c, i in found.items()},
        encoding=encoding,
        headers={c: headers[i].replace("\ufeff", "").strip() for c, i in found.items()},
        header_report=describe_headers(headers, mapping),
    )
    extract._csv_options = {"delimiter": delimiter, "n_columns": len(headers)}
    extract._date_column = found["birth_date"]
    extract._date_format = _date_format_of(lines, delimiter, found["birth_date"])
    if encoding != "utf-8":
        target = extract._temp_path("transcoded.csv")
        transcode(path, target, encoding, name)
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
        headers={c: headers[i] for c, i in found.items()},
        header_report=describe_headers(headers, mapping),
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
    tmp = tempfile.TemporaryDirectory(prefix="teilhabe-extract-")
    target = Path(tmp.name) / "sheet.csv"
    try:
        pending_empty = 0
        with open(target, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";", lineterminator="\n")
            for _number, row in sheets.iter_xlsx_rows(path, kind="register_extract"):
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
    except sheets.SheetError as error:
        tmp.cleanup()
        raise ExtractError(path.name, [error.message]) from None
    try:
        extract = _open_csv(target, mapping, display_name=str(path))
    except ExtractError as exc:
        tmp.cleanup()
        error = ExtractError(path.name, exc.problems)
        error.columns = exc.columns
        raise error from None
    extract.kind = "xlsx"
    extract.path = path
    extract._temp_dir = tmp
    return extract
