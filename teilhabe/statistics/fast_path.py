"""The fast path through the fact check: one pass over a clean file, straight into the folded counts.

It serves clean files (the normal case) and only them. One statement reads the file once; per row it
computes a flag "every check of :func:`teilhabe.statistics.extract.validate` passes with the values
exactly as they are" (country codes upper case without blanks, checked by a cast to an ENUM of the
valid codes or of the Destatis key spellings where the first rows show keys; yes/no columns ``1``,
``0``, ``J``, ``N``, ``X`` or empty), the person's own category, rule E1 and the age class, and packs
them with sex and citizenship into one integer, the *key* (see :data:`KEY_FIELDS`). The rows stream,
without being stored, into three consumers of that one scan:

- one GROUP BY over district and key: the counts before the parents' rules,
- a count of distinct 64-bit hashes of ``person_id``: as many as rows proves the ids unique,
- the parents' rules (3, E2, E3): the few candidate children joined with the persons who can pass
  something on (ids compared as text); each changed child moves from its old key to its new one.

What comes out is a few thousand (district, key, count) rows, from which the remaining checks are read
and the ``cube`` is unpacked. Any other file goes to the thorough path
(:mod:`teilhabe.statistics.thorough_path`), which normalises messy values and reports errors with row
numbers. Rows may be read in any order (``preserve_insertion_order = false`` saves memory and time); no
row number is ever reported from this path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
from django.utils.translation import gettext_noop

from . import codes, rules, values
from .extract import BOOLEAN_COLUMNS, COUNTRY_COLUMNS, Extract
from .result import AGE_CLASS_KEYS, AGE_CLASSES
from .rules import FOREIGNER, HISTORIES, NO_BACKGROUND, PARSED_DATE_SQL, born_before_age, lit

Progress = Callable[[str, float], None]

#: How the fast path hashes ``person_id`` for its duplicate check (a module
#: constant so that a test can force collisions).
ID_HASH_SQL = "hash(%s)"


#: The fast path's own progress steps (message ids, see derivation.STEPS).
CHECKING_STEP = gettext_noop("Daten werden geprüft")
DERIVING_STEP = gettext_noop("Merkmale werden abgeleitet")


class NotClean(Exception):
    """The fast path met something it leaves to the thorough path."""


#: The values of each coded field, in the order of their numbers.
CATEGORY_CODES: tuple[str, ...] = (NO_BACKGROUND, FOREIGNER) + (
    "naturalised",
    "ius_soli",
    "born_abroad",
    "second_citizenship",
    "family",
)
#: Sex as written ("" = empty); any other spelling gets :data:`OTHER_SEX` and hands the file over.
SEX_CODES: tuple[str, ...] = ("",) + tuple(values.SEX_SPELLINGS)
OTHER_SEX = 15

#: The key's fields as (name, lowest bit, bits). ``clean`` is 1 when every check passes.
KEY_FIELDS: dict[str, tuple[int, int]] = {
    "age": (0, 5),
    "category": (5, 3),
    "history": (8, 2),
    "asylum": (10, 1),
    "clean": (11, 1),
    "sex": (12, 4),
    "citizenship": (16, 12),
}
#: The key of the row carrying the number of distinct id hashes (no person has a negative key).
IDS_KEY = -1

assert len(AGE_CLASS_KEYS) <= 2 ** KEY_FIELDS["age"][1]
assert len(CATEGORY_CODES) <= 2 ** KEY_FIELDS["category"][1]
assert len(SEX_CODES) < OTHER_SEX < 2 ** KEY_FIELDS["sex"][1]


def field_sql(key: str, name: str) -> str:
    """SQL of one field of the packed ``key``."""
    shift, bits = KEY_FIELDS[name]
    return "((%s >> %d) & %d)" % (key, shift, 2**bits - 1)


def _shifted(name: str, sql: str) -> str:
    return "((%s) << %d)" % (sql, KEY_FIELDS[name][0])


def age_code_sql(reference_date: dt.date) -> str:
    """The number of the age class (``result.AGE_CLASSES``) of ``birth_date`` at ``reference_date``."""
    cases = " ".join(
        "WHEN birth_date > DATE '%s' THEN %d" % (born_before_age(reference_date, hi + 1).isoformat(), i)
        for i, (_key, _lo, hi) in enumerate(AGE_CLASSES)
        if hi is not None
    )
    return "CASE %s ELSE %d END" % (cases, len(AGE_CLASSES) - 1)


#: Age classes under 18 come first: a minor's age number is below this.
MINOR_AGE_CODES = sum(1 for _key, _lo, hi in AGE_CLASSES if hi is not None and hi < 18)
assert all(hi is not None and hi < 18 for _key, _lo, hi in AGE_CLASSES[:MINOR_AGE_CODES])


def rows_sql(extract: Extract, reference_date: dt.date, systems: dict[str, str]) -> str:
    """The CTEs reading the file once into (id hash, ids, district, key) per row, named ``p``."""
    relation = extract.relation_with_dates()
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
            *("%s IS NOT NULL" % c for c in BOOLEAN_COLUMNS),  # (NULL: a spelling the fast path leaves)
            *(
                "(%s IS NULL OR TRY_CAST(%s AS %s) IS NOT NULL)" % (c, c, codes.fast_type(c, systems[c]))
                for c in COUNTRY_COLUMNS
                if c != "citizenship"
            ),
        ]
    )
    bools = ", ".join("%s AS %s" % (values.fast_boolean_sql(c), c) for c in BOOLEAN_COLUMNS)
    sex = "CASE WHEN sex IS NULL THEN 0 %s ELSE %d END" % (
        " ".join("WHEN sex = %s THEN %d" % (lit(v), i) for i, v in enumerate(SEX_CODES) if v),
        OTHER_SEX,
    )
    category = rules.own_category_sql(systems, value=lambda name: str(CATEGORY_CODES.index(name)))
    key = " | ".join(
        [
            _shifted("age", age_code_sql(reference_date)),
            _shifted("category", category),
            _shifted("history", "CAST(%s AS INTEGER)" % rules.self_immigrated_sql(systems)),
            _shifted("asylum", "CAST(coalesce(asylum_background, false) AS INTEGER)"),
            _shifted("clean", "CAST(coalesce(%s, false) AS INTEGER)" % clean),
            _shifted("sex", sex),
            _shifted("citizenship", "coalesce(CAST(enum_code(citizenship) AS INTEGER), 0)"),
        ]
    )
    return f"""
        raw AS ({extract.select_sql(relation)}),
        typed AS (
            SELECT * REPLACE ({birth} AS birth_date,
                              TRY_CAST(citizenship AS {citizenship_type}) AS citizenship)
            FROM raw
        ),
        derived AS (
            SELECT * REPLACE ({bools}) FROM typed
        ),
        p AS MATERIALIZED (
            SELECT {ID_HASH_SQL % "person_id"} AS id_hash, person_id, parent1_id, parent2_id, address_id,
                   coalesce(district, '') AS district, {key} AS key
            FROM derived
        )
    """


#: The parts of the ``stage`` table the one scan writes.
COUNTS, IDS, CHILDREN, PARENTS = 0, 1, 2, 3


def _category(key: str = "key") -> str:
    return field_sql(key, "category")


def _history(key: str = "key") -> str:
    return field_sql(key, "history")


def stage_sql(extract: Extract, reference_date: dt.date, systems: dict[str, str]) -> str:
    """The one scan of the file, into the small ``stage`` table.

    Four consumers of the same rows, each ending in a GROUP BY of its own, so that none waits for
    another and the rows stream through without being stored (DuckDB would store every row for a
    consumer that only filters): the counts per district and key, the number of distinct id hashes,
    the candidate children (minors with a parent id who have no own background or did not immigrate
    themselves; a second parent id equal to the first is dropped) and the persons who can pass
    something on (both one row per person: the ids are unique, or the file takes the thorough path).
    """
    none = CATEGORY_CODES.index(NO_BACKGROUND)
    assert none == 0 and HISTORIES.index("none") == 0 and HISTORIES.index("self") == 1
    return f"""
        CREATE OR REPLACE TEMP TABLE stage AS
        WITH {rows_sql(extract, reference_date, systems)}
        SELECT {COUNTS} AS part, district, key, count(*) AS n, NULL::UBIGINT AS child,
               NULL::VARCHAR AS id1, NULL::VARCHAR AS id2, NULL::VARCHAR AS address_id
        FROM p GROUP BY district, key
        UNION ALL
        SELECT {IDS}, NULL, {IDS_KEY}, count(DISTINCT id_hash), NULL, NULL, NULL, NULL FROM p
        UNION ALL
        SELECT {CHILDREN}, district, key, NULL, id_hash, parent1_id,
               CASE WHEN parent2_id = parent1_id THEN NULL ELSE parent2_id END, address_id
        FROM p
        WHERE {field_sql("key", "age")} < {MINOR_AGE_CODES}
          AND (parent1_id IS NOT NULL OR parent2_id IS NOT NULL)
          AND ({_category()} = {none} OR {_history()} = 0)
        GROUP BY id_hash, district, key, parent1_id, parent2_id, address_id
        UNION ALL
        SELECT {PARENTS}, NULL, key, NULL, NULL, person_id, NULL, address_id
        FROM p WHERE {_category()} <> {none} OR {_history()} = 1
        GROUP BY person_id, key, address_id
    """


def packed_sql() -> str:
    """Rules 3, E2 and E3 on ``stage``, and the counts after them: (district, key, n).

    Each candidate child is joined with its (one or two) parents among the persons who can pass
    something on; ids are compared as text. A changed child moves from its old key to its new one.
    The row with :data:`IDS_KEY` carries the number of distinct id hashes.
    """
    none, family = CATEGORY_CODES.index(NO_BACKGROUND), CATEGORY_CODES.index("family")
    category, history = _category(), _history()

    def passes_on(parent: str) -> str:
        return (
            f"coalesce({_category(parent + '.key')} <> {none} AND (c.address_id IS NULL "
            f"OR {parent}.address_id IS NULL OR c.address_id = {parent}.address_id), false)"
        )

    def immigrated(parent: str) -> str:
        return f"coalesce(CAST({_history(parent + '.key')} = 1 AS INTEGER), 0)"

    new_category = "CASE WHEN %s = %d AND family THEN %d ELSE %s END" % (category, none, family, category)
    new_history = (
        "CASE WHEN %s = 1 THEN 1 WHEN immigrated_parents >= 2 THEN %d WHEN immigrated_parents = 1 THEN %d "
        "ELSE 0 END" % (history, HISTORIES.index("parents"), HISTORIES.index("one_sided"))
    )
    keep = ~((7 << KEY_FIELDS["category"][0]) | (3 << KEY_FIELDS["history"][0]))
    return f"""
        CREATE OR REPLACE TEMP TABLE packed AS
        WITH parents AS (SELECT id1 AS person_id, key, address_id FROM stage WHERE part = {PARENTS}),
        per_child AS (
            SELECT c.district, c.key, {passes_on("p1")} OR {passes_on("p2")} AS family,
                   {immigrated("p1")} + {immigrated("p2")} AS immigrated_parents
            FROM (SELECT * FROM stage WHERE part = {CHILDREN}) c
            LEFT JOIN parents p1 ON p1.person_id = c.id1
            LEFT JOIN parents p2 ON p2.person_id = c.id2
            WHERE p1.person_id IS NOT NULL OR p2.person_id IS NOT NULL
        ),
        moved AS (
            SELECT district, key AS old_key,
                   (key & {keep}) | {_shifted("category", new_category)} | {_shifted("history", new_history)}
                       AS new_key
            FROM per_child
        ),
        links AS MATERIALIZED (SELECT * FROM moved WHERE new_key <> old_key)
        SELECT district, key, CAST(sum(n) AS BIGINT) AS n
        FROM (
            SELECT district, key, n FROM stage WHERE part IN ({COUNTS}, {IDS})
            UNION ALL SELECT district, new_key, count(*) FROM links GROUP BY ALL
            UNION ALL SELECT district, old_key, -count(*) FROM links GROUP BY ALL
        )
        GROUP BY ALL
        HAVING sum(n) <> 0
    """


def _list_sql(items) -> str:
    return "[%s]" % ", ".join(lit(v) for v in items)


def cube_sql(citizenships: list[str]) -> str:
    """The ``cube`` unpacked from ``packed`` (``citizenships``: the text of each citizenship number)."""
    sexes = [values.SEX_SPELLINGS.get(v, v) for v in SEX_CODES]
    return f"""
        CREATE OR REPLACE TEMP TABLE cube AS
        SELECT district,
               {_list_sql(sexes)}[{field_sql("key", "sex")} + 1] AS sex,
               {_list_sql(AGE_CLASS_KEYS)}[{field_sql("key", "age")} + 1] AS age_group,
               {_list_sql(citizenships)}[{field_sql("key", "citizenship")} + 1] AS citizenship,
               {_list_sql(CATEGORY_CODES)}[{field_sql("key", "category")} + 1] AS category,
               {_list_sql(HISTORIES)}[{field_sql("key", "history")} + 1] AS history,
               {field_sql("key", "asylum")} = 1 AS asylum,
               CAST(sum(n) AS BIGINT) AS n
        FROM packed WHERE key <> {IDS_KEY}
        GROUP BY ALL
    """


def _citizenship_texts(con: duckdb.DuckDBPyConnection, systems: dict[str, str]) -> list[str]:
    """The citizenship of each number of the ENUM: the ISO code (a key spelling mapped to it)."""
    type_name = codes.fast_type("citizenship", systems["citizenship"])
    spellings = con.execute("SELECT enum_range(NULL::%s)" % type_name).fetchone()[0]
    if systems["citizenship"] != codes.DESTATIS:
        return list(spellings)
    mapping = codes.iso_mapping()  # ``0``, ``00`` and ``000`` all become ``DE``
    return [mapping.get(v, v) for v in spellings]


def compute(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date, report: Progress) -> None:
    """Fill ``cube`` from a clean file; raise :class:`NotClean` (or a DuckDB error) otherwise."""
    con.execute("SET preserve_insertion_order = false")
    systems = codes.sample_systems(con, ext.select_sql())
    con.execute(stage_sql(ext, reference_date, systems))
    con.execute(packed_sql())
    report(CHECKING_STEP, 0.7)
    rows, hashes, unclean, other_sex, districts = con.execute(
        f"""SELECT sum(n) FILTER (WHERE key <> {IDS_KEY}), sum(n) FILTER (WHERE key = {IDS_KEY}),
                   sum(n) FILTER (WHERE key IS NULL OR (key <> {IDS_KEY} AND {field_sql("key", "clean")} = 0)),
                   bool_or(key <> {IDS_KEY} AND {field_sql("key", "sex")} = {OTHER_SEX}),
                   list(DISTINCT district) FILTER (WHERE key <> {IDS_KEY})
            FROM packed"""
    ).fetchone()
    # Equal hashes (a duplicate or, very rarely, a collision of two different ids) go to the thorough
    # path, which compares the ids themselves.
    if unclean or other_sex or rows != hashes or any(d != d.strip() for d in districts or ()):
        raise NotClean
    report(DERIVING_STEP, 0.8)
    con.execute(cube_sql(_citizenship_texts(con, systems)))
