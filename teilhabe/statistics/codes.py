"""Country columns: ISO 3166-1 alpha-2 codes or Destatis keys, detected per column.

A column is in one code system: letters are ISO codes (``TR``), digits are Destatis keys (``163``; see
:mod:`teilhabe.statistics.destatis`). A file may use ISO in one column and keys in another; a column that
mixes both is refused with the rows of each named.

The fast path guesses each column's system from the first rows and casts the column to an ENUM of that
system's spellings (a value of the other system makes the row "not clean" and hands the file to the
thorough path). The thorough path decides from all distinct values, reports mixing, unknown keys and
former states in a current citizenship with their rows, and rewrites key columns to ISO codes; a former
state in a birth country becomes ``H<key>`` (:data:`HISTORIC_PREFIX`), a value the rules treat as a known
state other than Germany.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import destatis
from .extract import COUNTRY_COLUMNS, MAX_ROWS_SHOWN, format_rows
from .translation import gettext as _

ISO = "iso"
DESTATIS = "destatis"
MIXED = "mixed"

#: Columns where a former state is a valid value (a place and time in the past).
HISTORIC_ALLOWED: tuple[str, ...] = ("birth_country", "immigrated_from")
HISTORIC_PREFIX = "H"

#: How many first rows the fast path reads to guess each column's system.
SAMPLE_ROWS = 2000


def system_of(values: Iterable[str]) -> str | None:
    """ISO, DESTATIS, MIXED, or None for no values."""
    kinds = {DESTATIS if destatis.looks_like_key(v) else ISO for v in values if v and v.strip()}
    if len(kinds) > 1:
        return MIXED
    return kinds.pop() if kinds else None


def _lit(value: str) -> str:
    return "'%s'" % value.replace("'", "''")


def _list(values: Iterable[str]) -> str:
    return ", ".join(_lit(v) for v in values)


def germany_values(system: str) -> tuple[str, ...]:
    """The spellings of Germany in ``system``."""
    if system == DESTATIS:
        return tuple(s for s, k in destatis.spellings(historic=False).items() if k == destatis.GERMANY_KEY)
    return ("DE",)


def not_known_values(system: str) -> tuple[str, ...]:
    """Values that name no foreign state: Germany, stateless, unclear, not stated."""
    if system == DESTATIS:
        return germany_values(system) + destatis.NOT_A_STATE_KEYS
    return ("DE", "XS", "XU")


def unknown_values(system: str) -> tuple[str, ...]:
    """Values that say "not known" (stateless, unclear, not stated)."""
    return destatis.NOT_A_STATE_KEYS if system == DESTATIS else ("XS", "XU")


def germany_literals(system: str) -> str:
    """SQL list of the spellings of Germany in ``system``."""
    return _list(germany_values(system))


def not_known_literals(system: str) -> str:
    """SQL list of values that name no foreign state: Germany, stateless, unclear, not stated."""
    return _list(not_known_values(system))


def unknown_literals(system: str) -> str:
    """SQL list of values that say "not known" (stateless, unclear, not stated)."""
    return _list(unknown_values(system))


# --- fast path ---------------------------------------------------------------------------------------

KEY_TYPE = "fc_key"
CURRENT_KEY_TYPE = "fc_key_current"


def create_types(con) -> None:
    """ENUMs of the key spellings (all, and without former states) for the fast path's casts."""
    for name, historic in ((KEY_TYPE, True), (CURRENT_KEY_TYPE, False)):
        if not con.execute("SELECT 1 FROM duckdb_types() WHERE type_name = ?", [name]).fetchone():
            con.execute(
                "CREATE TYPE %s AS ENUM (%s)" % (name, _list(sorted(destatis.spellings(historic=historic))))
            )


def fast_type(column: str, system: str) -> str:
    if system == DESTATIS:
        return KEY_TYPE if column in HISTORIC_ALLOWED else CURRENT_KEY_TYPE
    return "fc_country"


def sample_systems(con, select_sql: str) -> dict[str, str]:
    """Each country column's system as the first :data:`SAMPLE_ROWS` rows show it (ISO when unclear)."""
    columns = ", ".join("list(DISTINCT %s)" % c for c in COUNTRY_COLUMNS)
    row = con.execute("SELECT %s FROM (%s LIMIT %d)" % (columns, select_sql, SAMPLE_ROWS)).fetchone()
    systems = {}
    for column, values in zip(COUNTRY_COLUMNS, row, strict=True):
        system = system_of(values or ())
        systems[column] = DESTATIS if system == DESTATIS else ISO
    return systems


def iso_mapping() -> dict[str, str]:
    """Key spelling -> ISO code (``H<key>`` for a former state), for the figures of a key column."""
    out = {}
    for spelling, key in destatis.spellings(historic=True).items():
        entry = destatis.keys()[key]
        out[spelling] = entry.iso or HISTORIC_PREFIX + key
    return out


# --- thorough path -----------------------------------------------------------------------------------


def _rows(con, table: str, condition: str) -> str:
    count = con.execute("SELECT count(*) FROM %s WHERE %s" % (table, condition)).fetchone()[0]
    rows = [
        r[0]
        for r in con.execute(
            "SELECT rowid + 2 FROM %s WHERE %s ORDER BY rowid LIMIT %d" % (table, condition, MAX_ROWS_SHOWN)
        ).fetchall()
    ]
    return format_rows(rows, count)


def _shown(values: list[str]) -> str:
    return ", ".join("„%s“" % v for v in values[:MAX_ROWS_SHOWN])


def normalise_countries(
    con, table: str, distinct: dict[str, set[str]], labels: dict[str, str] | None = None
) -> tuple[list[str], bool]:
    """Decide each country column's system, report what is wrong, rewrite key columns to ISO codes.

    ``distinct`` (normalised distinct values per column, from
    :func:`teilhabe.statistics.extract.normalise_values`) is updated to the ISO values, without the
    values reported here, so that the general checks do not report them again. Returns the German
    problems and whether any column was rewritten.
    """
    problems: list[str] = []
    changed = False
    known = destatis.spellings(historic=True)
    for column in COUNTRY_COLUMNS:
        values = distinct.get(column, set())
        system = system_of(values)
        if system == MIXED:
            keys = sorted(v for v in values if destatis.looks_like_key(v))
            isos = sorted(v for v in values if not destatis.looks_like_key(v))
            problems.append(
                _(
                    "%(column)s mischt zwei Schlüsselsysteme: Destatis-Schlüssel (%(keys)s) in %(key_rows)s "
                    "und ISO-Ländercodes (%(isos)s) in %(iso_rows)s. Eine Spalte muss durchgehend eines "
                    "der beiden verwenden."
                )
                % {
                    "column": (labels or {}).get(column, column),
                    "keys": _shown(keys),
                    "key_rows": _rows(con, table, "%s IN (%s)" % (column, _list(keys))),
                    "isos": _shown(isos),
                    "iso_rows": _rows(con, table, "%s IN (%s)" % (column, _list(isos))),
                }
            )
            distinct[column] = set()
            continue
        if system != DESTATIS:
            continue
        allowed = destatis.spellings(historic=column in HISTORIC_ALLOWED)
        unknown = sorted(v for v in values if v not in known)
        former = sorted(v for v in values if v in known and v not in allowed)
        if unknown:
            problems.append(
                _("%(column)s enthält unbekannte Destatis-Schlüssel (%(values)s) in %(rows)s.")
                % {
                    "column": (labels or {}).get(column, column),
                    "values": _shown(unknown),
                    "rows": _rows(con, table, "%s IN (%s)" % (column, _list(unknown))),
                }
            )
        if former:
            names = ", ".join("%s %s" % (v, destatis.keys()[known[v]].name) for v in former[:MAX_ROWS_SHOWN])
            problems.append(
                _(
                    "%(column)s enthält Schlüssel ehemaliger Staaten (%(names)s); als heutige "
                    "Staatsangehörigkeit gelten sie nicht, in %(rows)s."
                )
                % {
                    "column": (labels or {}).get(column, column),
                    "names": names,
                    "rows": _rows(con, table, "%s IN (%s)" % (column, _list(former))),
                }
            )
        mapping = iso_mapping()
        present = {v: mapping[v] for v in values if v in known}
        if present:
            cases = " ".join("WHEN %s THEN %s" % (_lit(v), _lit(iso)) for v, iso in sorted(present.items()))
            con.execute("UPDATE %s SET %s = CASE %s %s ELSE %s END" % (table, column, column, cases, column))
            changed = True
        distinct[column] = {
            iso for v, iso in present.items() if v in allowed and not iso.startswith(HISTORIC_PREFIX)
        }
    return problems, changed
