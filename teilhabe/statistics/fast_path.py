"""The fast path through the fact check: one scan of a clean file into a narrow table.

It serves clean files (the normal case) and only them: ``clean`` says per row that every check of
:func:`teilhabe.statistics.extract.validate` passes with the values exactly as they are: country codes
upper case without blanks (checked by a cast to an ENUM of the valid codes, or of the Destatis key
spellings where the first rows show keys), yes/no columns ``1``, ``0``, ``J``, ``N``, ``X`` or empty.
Any other file goes to the thorough path (:mod:`teilhabe.statistics.thorough_path`), which normalises
messy values and reports errors with row numbers. A 64-bit hash of every ``person_id`` serves the
duplicate check. Rows may land in any order (``preserve_insertion_order = false`` saves memory and
time); no row number is ever reported from this path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
from django.utils.translation import gettext_noop

from . import codes, rules, values
from .extract import BOOLEAN_COLUMNS, COUNTRY_COLUMNS, Extract
from .rules import MINOR_GROUPS_SQL, PARSED_DATE_SQL

Progress = Callable[[str, float], None]

#: How the fast path hashes ``person_id`` for its duplicate check (a module
#: constant so that a test can force collisions).
ID_HASH_SQL = "hash(%s)"


#: The fast path's own progress steps (message ids, see derivation.STEPS).
CHECKING_STEP = gettext_noop("Daten werden geprüft")
DERIVING_STEP = gettext_noop("Merkmale werden abgeleitet")


class NotClean(Exception):
    """The fast path met something it leaves to the thorough path."""


def persons_sql(extract: Extract, reference_date: dt.date, systems: dict[str, str]) -> str:
    """The one scan of the file into the ``persons`` table (``systems``: each country column's codes)."""
    relation = extract.relation_with_dates()
    _minor, age_group = rules.age_sql(reference_date)
    # CSV: the reader parses ISO dates itself (and fails on anything else, which hands over).
    birth = "birth_date" if relation is not None else PARSED_DATE_SQL.replace("birth_raw", "birth_date")
    citizenship_type = codes.fast_type("citizenship", systems["citizenship"])
    clean = " AND ".join(
        [
            "person_id IS NOT NULL",
            "person_id <> ''",
            "birth_date IS NOT NULL",
            "birth_date <= DATE '%s'" % reference_date.isoformat(),
            "citizenship IS NOT NULL",  # (the ENUM value of citizenship, see below)
            *(values.fast_boolean_clean_sql(c) for c in BOOLEAN_COLUMNS),
            *(
                "(%s IS NULL OR TRY_CAST(%s AS %s) IS NOT NULL)" % (c, c, codes.fast_type(c, systems[c]))
                for c in COUNTRY_COLUMNS
                if c != "citizenship"
            ),
        ]
    )
    bools = ", ".join("%s AS %s" % (values.fast_boolean_sql(c), c) for c in BOOLEAN_COLUMNS)
    return f"""
        CREATE OR REPLACE TEMP TABLE persons AS
        WITH raw AS ({extract.select_sql(relation)}),
        typed AS (
            SELECT *, {clean} AS clean
            FROM (
                SELECT * REPLACE ({birth} AS birth_date,
                                  TRY_CAST(citizenship AS {citizenship_type}) AS citizenship)
                FROM raw
            )
        ),
        derived AS (
            SELECT person_id, parent1_id, parent2_id, address_id,
                   coalesce(district, '') AS district, coalesce(sex, '') AS sex, citizenship,
                   second_citizenship, birth_country, immigrated_from, birth_date, clean, {bools}
            FROM typed
        )
        SELECT {ID_HASH_SQL % "person_id"} AS id_hash, person_id, parent1_id, parent2_id, address_id,
               district, sex, citizenship, asylum_background,
               CAST({rules.own_category_sql(systems)} AS fc_category) AS own_category,
               {rules.self_immigrated_sql(systems)} AS self_immigrated,
               CAST({age_group} AS fc_age_group) AS age_group, clean
        FROM derived
    """


#: The persons folded by the cube's columns (and ``clean``), before the parents' rules.
COUNTS_SQL = """
    CREATE OR REPLACE TEMP TABLE counts AS
    SELECT district, sex, age_group, citizenship, own_category AS category, self_immigrated,
           asylum_background AS asylum, clean, count(*) AS n
    FROM persons GROUP BY ALL
"""

#: The base of the cube from ``counts`` (citizenship still as written: ISO code or key spelling).
CUBE_BASE_SQL = """
    SELECT district, sex, age_group, CAST(citizenship AS VARCHAR) AS citizenship,
           CAST(category AS VARCHAR) AS category,
           CASE WHEN self_immigrated THEN 'self' ELSE 'none' END AS history, asylum, n
    FROM counts
"""


def compute(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date, report: Progress) -> None:
    """Fill ``cube`` from a clean file; raise :class:`NotClean` (or a DuckDB error) otherwise."""
    con.execute("SET preserve_insertion_order = false")
    systems = codes.sample_systems(con, ext.select_sql())
    con.execute(persons_sql(ext, reference_date, systems))
    report(CHECKING_STEP, 0.55)
    con.execute(COUNTS_SQL)
    unclean, sexes, districts = con.execute(
        "SELECT sum(n) FILTER (WHERE NOT clean), list(DISTINCT sex), list(DISTINCT district) FROM counts"
    ).fetchone()
    if (
        unclean
        or not set(sexes or ()) <= set(values.SEX_SPELLINGS) | {""}
        or any(d != d.strip() for d in districts or ())
    ):
        raise NotClean
    # No id twice: as many distinct hashes as rows. Equal hashes (a duplicate or, very rarely, a
    # collision of two different ids) go to the thorough path, which compares the ids themselves.
    rows, hashes = con.execute("SELECT count(*), count(DISTINCT id_hash) FROM persons").fetchone()
    if rows != hashes:
        raise NotClean
    report(DERIVING_STEP, 0.7)
    con.execute(rules.links_sql("id_hash", "age_group IN (%s)" % MINOR_GROUPS_SQL))
    con.execute(rules.cube_sql(CUBE_BASE_SQL))
    if systems["citizenship"] == codes.DESTATIS:
        _cube_keys_to_iso(con)
    if any(s not in ("m", "w", "d", "o", "") for s in sexes or ()):
        con.execute("UPDATE cube SET sex = %s" % values.sex_sql("sex"))


def _cube_keys_to_iso(con: duckdb.DuckDBPyConnection) -> None:
    """Citizenship keys of the (small) cube to ISO codes (``0``, ``00`` and ``000`` all become ``DE``)."""
    mapping = codes.iso_mapping()
    present = [r[0] for r in con.execute("SELECT DISTINCT citizenship FROM cube").fetchall()]
    cases = " ".join(
        "WHEN %s THEN %s" % (rules.lit(v), rules.lit(mapping[v])) for v in present if v in mapping
    )
    if cases:
        con.execute("UPDATE cube SET citizenship = CASE citizenship %s ELSE citizenship END" % cases)
