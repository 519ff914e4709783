"""Checks of a register extract once DuckDB has read it: reading errors, values, duplicates."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..countries import VALID_CODES
from .columns import BOOLEAN_COLUMNS, COUNTRY_COLUMNS, SEX_VALUES
from .errors import MAX_ROWS_SHOWN, ExtractError, format_rows
from .files import _quote_str

_CSV_LINE_RE = re.compile(r"CSV Error on Line: (\d+)")
_COLUMNS_RE = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def duckdb_read_problem(error: Exception) -> str | None:
    """Translate a DuckDB CSV reading error into a German sentence."""
    text = str(error)
    line = _CSV_LINE_RE.search(text)
    where = (_("Zeile %(row)s: ") % {"row": line.group(1)}) if line else ""
    columns = _COLUMNS_RE.search(text)
    if columns:
        return where + _("falsche Anzahl von Spalten (erwartet %(expected)s, gefunden %(found)s).") % {
            "expected": columns.group(1),
            "found": columns.group(2),
        }
    if "unicode" in text.lower() or "encod" in text.lower():
        return None  # handled by re-reading as Windows-1252
    if line:
        return where + _("die Zeile kann nicht gelesen werden (Anführungszeichen prüfen).")
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


def validate(
    con,
    table: str,
    reference_date: dt.date,
    file_name: str,
    distinct: dict[str, set[str]],
    labels: dict[str, str] | None = None,
) -> None:
    """Check the materialized persons ``table``; raise :class:`ExtractError`.

    The table has the canonical columns as text except ``birth_date`` (DATE,
    NULL when unparseable) and the yes/no columns (NULL when the value is not
    one of the allowed words); ``distinct`` comes from
    :func:`normalise_values`. Row numbers are ``rowid + 2`` (header = row 1).
    ``labels`` names the country and yes/no columns as the file heads them
    (:meth:`Extract.column_label`).
    """
    labels = labels or {}
    d = "DATE '%s'" % reference_date.isoformat()
    checks: list[tuple[str, str]] = [
        ("person_id IS NULL OR person_id = ''", _("person_id fehlt in %(rows)s.")),
        (
            "birth_date IS NULL",
            _("birth_date ist kein Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ) in %(rows)s."),
        ),
        (
            "birth_date > %s" % d,
            _("birth_date liegt nach dem Stichtag %(date)s in %(rows)s."),
        ),
        ("citizenship IS NULL", _("citizenship fehlt in %(rows)s.")),
    ]
    for column in BOOLEAN_COLUMNS:
        checks.append(
            (
                "%s IS NULL" % column,
                _("%(column)s hat einen ungültigen Wert (erlaubt: 1/0, ja/nein, true/false) in %(rows)s.")
                % {"column": labels.get(column, column), "rows": "%(rows)s"},
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
            rows = _rows_where(con, table, condition, count)
            problems.append(
                message % {"rows": rows, "date": date_format(reference_date, "SHORT_DATE_FORMAT")}
            )

    bad_sex = sorted(distinct.get("sex", set()) - set(SEX_VALUES))
    if bad_sex:
        condition = "sex IN (%s)" % ", ".join(_quote_str(b) for b in bad_sex)
        count = con.execute("SELECT count(*) FROM %s WHERE %s" % (table, condition)).fetchone()[0]
        problems.append(
            _("sex hat einen ungültigen Wert (%(values)s; erlaubt: m, w, d, o) in %(rows)s.")
            % {
                "values": ", ".join("„%s“" % b for b in bad_sex[:MAX_ROWS_SHOWN]),
                "rows": _rows_where(con, table, condition, count),
            }
        )
    for column in COUNTRY_COLUMNS:
        bad = sorted(distinct.get(column, set()) - VALID_CODES)
        if bad:
            condition = "%s IN (%s)" % (column, ", ".join(_quote_str(b) for b in bad))
            count = con.execute("SELECT count(*) FROM %s WHERE %s" % (table, condition)).fetchone()[0]
            shown = ", ".join("„%s“" % b for b in bad[:MAX_ROWS_SHOWN])
            problems.append(
                _(
                    "%(column)s enthält unbekannte Ländercodes (%(values)s; erwartet ISO 3166-1 Alpha-2, "
                    "XS staatenlos, XU ungeklärt) in %(rows)s."
                )
                % {
                    "column": labels.get(column, column),
                    "values": shown,
                    "rows": _rows_where(con, table, condition, count),
                }
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
            _("„%(id)s“ in Zeilen %(rows)s")
            % {"id": pid, "rows": ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])}
            for pid, rows in dups
        )
        more = (
            (_(" und %(count)d weitere") % {"count": dups_found - len(dups)})
            if dups_found > len(dups)
            else ""
        )
        problems.append(
            ngettext(
                "person_id ist nicht eindeutig: %(count)d Kennung kommt mehrfach vor: %(listed)s%(more)s.",
                "person_id ist nicht eindeutig: %(count)d Kennungen kommen mehrfach vor: %(listed)s%(more)s.",
                dups_found,
            )
            % {"count": dups_found, "listed": listed, "more": more}
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
