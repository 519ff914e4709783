"""Values as registration software writes them: sex and yes/no markers.

Sex: the register's digits ``1`` männlich, ``2`` weiblich, ``3`` divers, ``4`` ohne Angabe, and the
letters ``m``, ``w``, ``d``, ``x`` (``x`` as in the passport: not stated), besides today's ``m``, ``w``,
``d``, ``o``. Everything is stored as ``m``, ``w``, ``d`` or ``o`` (``o`` = ohne Angabe).

Yes/no markers (naturalised, ius soli, asylum background): ``J``/``N`` and ``X``/empty as the export
writes them, besides ``1``/``0``, ``ja``/``nein``, ``true``/``false`` and the other spellings of
:data:`teilhabe.statistics.extract.TRUE_VALUES`; empty is always no.
"""

from __future__ import annotations

from .rules import in_sql

#: Spelling of a sex (lower case, trimmed) -> the stored value.
SEX_SPELLINGS: dict[str, str] = {
    "m": "m",
    "w": "w",
    "d": "d",
    "o": "o",
    "x": "o",
    "1": "m",
    "2": "w",
    "3": "d",
    "4": "o",
}

#: Yes/no cells the fast path reads as they are (no trimming, these exact spellings).
FAST_TRUE: tuple[str, ...] = ("1", "J", "j", "X", "x")
FAST_FALSE: tuple[str, ...] = ("0", "N", "n")


def sex_sql(column: str) -> str:
    """SQL mapping a (trimmed, lower-case) sex column onto ``m``/``w``/``d``/``o``; others unchanged."""
    cases = " ".join(
        "WHEN %s = '%s' THEN '%s'" % (column, spelling, value)
        for spelling, value in SEX_SPELLINGS.items()
        if spelling != value
    )
    return "CASE %s ELSE %s END" % (cases, column)


def fast_boolean_sql(column: str) -> str:
    """The fast path's reading of a yes/no cell: true or false for the exact spellings it reads (empty is
    no), NULL for anything else (which hands the file to the thorough path)."""
    return "CASE WHEN %s IS NULL THEN false WHEN %s THEN true WHEN %s THEN false END" % (
        column,
        in_sql(column, FAST_TRUE),
        in_sql(column, FAST_FALSE),
    )


def normalise_sex(con, table: str, distinct: dict[str, set[str]]) -> None:
    """Rewrite the register's sex spellings (``1``–``4``, ``x``) in ``table`` to ``m``/``w``/``d``/``o``.

    ``distinct["sex"]`` (trimmed, lower case) is updated; unknown values stay for the checks to report.
    """
    values = distinct.get("sex", set())
    if any(SEX_SPELLINGS.get(v, v) != v for v in values):
        con.execute("UPDATE %s SET sex = %s" % (table, sex_sql("sex")))
        distinct["sex"] = {SEX_SPELLINGS.get(v, v) for v in values}
