"""Derive migration background from a register extract (Faktencheck Migration).

The population register has no field "migration background"; it is derived
from register attributes following the MigraPro method of the German city
statisticians. The rules, per person at reference date D (age in full years
at D):

1. **Foreigner**: ``citizenship`` is not ``DE`` (stateless ``XS`` and unclear
   ``XU`` included).
2. **German with own migration background**: ``citizenship`` is ``DE`` and at
   least one of: ``naturalised``; ``ius_soli``; ``birth_country`` known and not
   ``DE``; ``second_citizenship`` present and not ``DE``. (``XS``/``XU`` in
   ``birth_country`` or ``second_citizenship`` count as "not known".)
3. **German with family migration background**: German, under 18 at D, no own
   background, and at least one parent found in the file (via ``parent1_id`` /
   ``parent2_id``) is a foreigner or has an own background and, where both
   child and that parent have an ``address_id``, the child lives at that
   parent's address.
4. **Migration background** = 1 or 2 or 3.
5. **Category** of a German with migration background, the first that applies:
   ``naturalised``, ``ius_soli``, ``born_abroad``, ``second_citizenship``,
   ``family``.
6. **EU / third country** for foreigners, by first citizenship and EU
   membership on D (:func:`teilhabe.statistics.countries.eu_members_on`).
   Stateless and unclear count as third country, so EU + third = foreigners.
7. **Nationalities**: number of distinct first citizenships among all
   residents, ``DE`` included, ``XS``/``XU`` not.
8. **Asylum background**: residents whose ``asylum_background`` is set,
   whatever their citizenship.

How it runs (few scans, all in DuckDB), in one of two ways:

- the *fast path* (:func:`_compute_fast`, every clean file): the file is read
  once into a narrow in-memory table ``persons`` with rules 1, 2 and 5 (own
  category), the age group, a hash of the id and a flag "all checks pass"
  computed per row; one GROUP BY folds it into ``counts``, from which the
  remaining checks are read; a count of distinct id hashes proves the ids
  unique; rule 3 joins the few candidate children with their parents (ids
  compared as text) and corrects the counts into the ``cube``;
- the *thorough path* (anything the fast path does not accept): the file is
  read again in file order, values are normalised where needed, the checks of
  :func:`teilhabe.statistics.extract.validate` run exactly (naming rows) and,
  for a usable file, the same rules fill the ``cube``.

Either way all figures and breakdowns are summed from the small ``cube``
(district x sex x age group x citizenship x category x asylum).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import duckdb

from . import extract as extract_module
from .countries import GERMANY, NON_STATE_CODES, VALID_CODES, eu_members_on
from .extract import (
    BOOLEAN_COLUMNS,
    COUNTRY_COLUMNS,
    FALSE_VALUES,
    SEX_VALUES,
    TRUE_VALUES,
    Extract,
    ExtractError,
    open_extract,
)
from .result import AGE_GROUP_KEYS, AGE_GROUPS, CATEGORIES, FactCheckResult

Progress = Callable[[str, float], None]

#: Status of a row in the cube's ``category`` column besides the five
#: categories: foreigners and Germans without migration background.
FOREIGNER = "foreigner"
#: Progress step shown when a file is not clean and takes the thorough path.
THOROUGH_STEP = "Datei wird gründlich geprüft"
NO_BACKGROUND = "none"


def _lit(value: str) -> str:
    return "'%s'" % value.replace("'", "''")


def _boolean_sql(column: str) -> str:
    """Rule input: yes/no columns. Empty = no; an unknown word gives NULL,
    which the checks report as an invalid value. ``0``/``1`` take a fast path."""
    true = ", ".join(_lit(v) for v in TRUE_VALUES)
    false = ", ".join(_lit(v) for v in FALSE_VALUES)
    slow = f"lower(trim({column}))"
    return (
        f"CASE WHEN {column} IS NULL OR {column} = '0' THEN false WHEN {column} = '1' THEN true "
        f"WHEN {slow} IN ({true}) THEN true WHEN {slow} IN ({false}, '') THEN false END"
    )


#: Rules 1, 2 and 5 without the family rule: "foreigner", the first own
#: category that applies, or "none". ``XS``/``XU`` in ``birth_country`` and
#: ``second_citizenship`` count as not known.
OWN_CATEGORY_SQL = (
    "CASE WHEN citizenship <> 'DE' THEN 'foreigner' "
    "WHEN naturalised THEN 'naturalised' "
    "WHEN ius_soli THEN 'ius_soli' "
    "WHEN birth_country IS NOT NULL AND birth_country NOT IN ('DE', 'XS', 'XU') "
    "THEN 'born_abroad' "
    "WHEN second_citizenship IS NOT NULL AND second_citizenship NOT IN ('DE', 'XS', 'XU') "
    "THEN 'second_citizenship' "
    "ELSE 'none' END"
)


#: A birth date given as ``YYYY-MM-DD`` or ``DD.MM.YYYY`` (NULL when it is neither).
_PARSED_DATE_SQL = (
    "COALESCE(TRY_CAST(birth_raw AS DATE), "
    "CAST(try_strptime(birth_raw, '%d.%m.%Y') AS DATE), "
    "CAST(TRY_CAST(birth_raw AS TIMESTAMP) AS DATE))"
)


def born_before_age(reference_date: dt.date, years: int) -> dt.date:
    """The last birth date of a person who is ``years`` old or older at ``reference_date``.

    Age in full years: ``years`` or more exactly when the birth date, as (year,
    month, day), is at most (reference year - ``years``, reference month, day).
    That day does not exist for 29 February in a common year: then 28 February.
    """
    year = reference_date.year - years
    try:
        return reference_date.replace(year=year)
    except ValueError:  # 29 February
        return dt.date(year, 2, 28)


def _age_sql(reference_date: dt.date) -> tuple[str, str]:
    """SQL (of ``birth_date``) saying "under 18" and giving the age group at ``reference_date``.

    Both compare the birth date with fixed days (see :func:`born_before_age`),
    which costs far less per row than computing the age from year, month and day.
    """

    def younger_than(years: int) -> str:
        return "birth_date > DATE '%s'" % born_before_age(reference_date, years).isoformat()

    age_group = (
        "CASE "
        + " ".join(
            f"WHEN {younger_than(hi + 1)} THEN {_lit(key)}" for key, _lo, hi in AGE_GROUPS if hi is not None
        )
        + f" ELSE {_lit(AGE_GROUPS[-1][0])} END"
    )
    return younger_than(18), age_group


def _persons_sql(extract: Extract, reference_date: dt.date) -> str:
    """One scan of the file into the ``persons`` table (the thorough path).

    Per row it parses the birth date (``YYYY-MM-DD`` or ``DD.MM.YYYY``), the
    yes/no columns, and computes the age group and the *own* category (rules
    1, 2 and 5 without the family rule).
    """
    minor, age_group = _age_sql(reference_date)
    parsed_date = _PARSED_DATE_SQL
    bools = ", ".join("%s AS %s" % (_boolean_sql(c), c) for c in BOOLEAN_COLUMNS)
    return f"""
        CREATE OR REPLACE TEMP TABLE persons AS
        WITH raw AS ({extract.select_sql()}),
        typed AS (
            SELECT person_id, parent1_id, parent2_id, address_id,
                   coalesce(district, '') AS district, sex, citizenship,
                   second_citizenship, birth_country, immigrated_from,
                   birth_date AS birth_raw, {bools}
            FROM raw
        ),
        dated AS (
            SELECT * EXCLUDE (birth_raw), {parsed_date} AS birth_date
            FROM typed
        )
        SELECT person_id, parent1_id, parent2_id, address_id, district, sex,
               citizenship, second_citizenship, birth_country, immigrated_from,
               naturalised, ius_soli, asylum_background,
               birth_date,
               CAST({age_group} AS fc_age_group) AS age_group,
               {minor} AS minor,
               CAST({OWN_CATEGORY_SQL} AS fc_category) AS own_category
        FROM dated
    """


#: How the fast path hashes ``person_id`` for its duplicate check (a module
#: constant so that a test can force collisions).
ID_HASH_SQL = "hash(%s)"


class _NotClean(Exception):
    """The fast path met something it leaves to the thorough path."""


def _fast_persons_sql(extract: Extract, reference_date: dt.date) -> str:
    """The fast path's one scan of the file into the ``persons`` table.

    It serves clean files (the normal case) and only them: ``clean`` says per
    row that every check of :func:`teilhabe.statistics.extract.validate`
    passes with the values exactly as they are: country codes upper case
    without blanks (checked by a cast to an ENUM of the valid codes), yes/no
    columns ``1``, ``0`` or empty (cheap to test; the other accepted words are
    rare and left to the thorough path). Any other file goes to the thorough
    path (:func:`_persons_sql` and :func:`_check`), which normalises messy
    values and reports errors with row numbers. A 64-bit hash of every
    ``person_id`` serves the duplicate check.
    """
    relation = extract.relation_with_dates()
    _minor, age_group = _age_sql(reference_date)
    # CSV: the reader parses ISO dates itself (and fails on anything else, which hands over).
    birth = "birth_date" if relation is not None else _PARSED_DATE_SQL.replace("birth_raw", "birth_date")
    clean = " AND ".join(
        [
            "person_id IS NOT NULL",
            "person_id <> ''",
            "birth_date IS NOT NULL",
            "birth_date <= DATE '%s'" % reference_date.isoformat(),
            "citizenship IS NOT NULL",  # (the ENUM value of citizenship, see below)
            *("(%s IS NULL OR %s = '0' OR %s = '1')" % (c, c, c) for c in BOOLEAN_COLUMNS),
            *(
                "(%s IS NULL OR TRY_CAST(%s AS fc_country) IS NOT NULL)" % (c, c)
                for c in COUNTRY_COLUMNS
                if c != "citizenship"
            ),
        ]
    )
    bools = ", ".join("%s IS NOT DISTINCT FROM '1' AS %s" % (c, c) for c in BOOLEAN_COLUMNS)
    return f"""
        CREATE OR REPLACE TEMP TABLE persons AS
        WITH raw AS ({extract.select_sql(relation)}),
        typed AS (
            SELECT *, {clean} AS clean
            FROM (
                SELECT * REPLACE ({birth} AS birth_date, TRY_CAST(citizenship AS fc_country) AS citizenship)
                FROM raw
            )
        ),
        derived AS (
            SELECT person_id, parent1_id, parent2_id, address_id,
                   coalesce(district, '') AS district, coalesce(sex, '') AS sex, citizenship,
                   second_citizenship, birth_country, birth_date, clean, {bools}
            FROM typed
        )
        SELECT {ID_HASH_SQL % "person_id"} AS id_hash, person_id, parent1_id, parent2_id, address_id,
               district, sex, citizenship, asylum_background,
               CAST({OWN_CATEGORY_SQL} AS fc_category) AS own_category,
               CAST({age_group} AS fc_age_group) AS age_group, clean
        FROM derived
    """


#: Fast path: the persons folded by the cube's columns (and ``clean``), before rule 3.
_FAST_COUNTS_SQL = """
    CREATE OR REPLACE TEMP TABLE counts AS
    SELECT district, sex, age_group, citizenship, own_category AS category,
           asylum_background AS asylum, clean, count(*) AS n
    FROM persons GROUP BY ALL
"""

#: Fast path, rule 3 as in :data:`_FAMILY_SQL` (minors are the age groups
#: under 18). Ids are compared as text, so no hash collision can touch the
#: rule; ``id_hash`` only tells children apart (the duplicate check has shown
#: the hashes to be distinct).
_FAST_FAMILY_SQL = """
    CREATE OR REPLACE TEMP TABLE family AS
    WITH children AS (
        SELECT id_hash, address_id, district, sex, age_group, asylum_background,
               unnest([parent1_id, parent2_id]) AS parent_id
        FROM persons
        WHERE age_group IN (%s) AND own_category = 'none'
          AND (parent1_id IS NOT NULL OR parent2_id IS NOT NULL)
    ),
    parents AS (
        SELECT person_id, address_id FROM persons WHERE own_category <> 'none'
    )
    SELECT DISTINCT c.id_hash, c.district, c.sex, c.age_group, c.asylum_background
    FROM children c JOIN parents p ON p.person_id = c.parent_id
    WHERE c.address_id IS NULL OR p.address_id IS NULL OR c.address_id = p.address_id
""" % ", ".join(_lit(key) for key, _lo, hi in AGE_GROUPS if hi is not None and hi < 18)

_FAST_CUBE_SQL = """
    CREATE OR REPLACE TEMP TABLE cube AS
    SELECT district, sex, age_group, citizenship, category, asylum, sum(n)::BIGINT AS n
    FROM (
        SELECT district, sex, age_group, CAST(citizenship AS VARCHAR) AS citizenship, category, asylum, n
        FROM counts
        UNION ALL
        SELECT district, sex, age_group, 'DE', 'family', asylum_background, count(*)
        FROM family GROUP BY ALL
        UNION ALL
        SELECT district, sex, age_group, 'DE', 'none', asylum_background, -count(*)
        FROM family GROUP BY ALL
    )
    GROUP BY ALL
    HAVING sum(n) <> 0
"""


#: Rule 3: German children under 18 without own background whose parent (in
#: the file) is a foreigner or has an own background, living at that parent's
#: address where both addresses are known.
_FAMILY_SQL = """
    CREATE OR REPLACE TEMP TABLE family AS
    WITH children AS (
        SELECT person_id, address_id, district, sex, age_group, asylum_background,
               unnest([parent1_id, parent2_id]) AS parent_id
        FROM persons
        WHERE minor AND own_category = 'none'
          AND (parent1_id IS NOT NULL OR parent2_id IS NOT NULL)
    ),
    parents AS (
        SELECT person_id, address_id FROM persons WHERE own_category <> 'none'
    )
    SELECT DISTINCT c.person_id, c.district, c.sex, c.age_group, c.asylum_background
    FROM children c JOIN parents p ON p.person_id = c.parent_id
    WHERE c.address_id IS NULL OR p.address_id IS NULL OR c.address_id = p.address_id
"""

#: Everything the figures need, folded into a small table.
_CUBE_SQL = """
    CREATE OR REPLACE TEMP TABLE cube AS
    SELECT district, sex, age_group, citizenship, category, asylum, sum(n)::BIGINT AS n
    FROM (
        SELECT district, coalesce(sex, '') AS sex, age_group, citizenship,
               own_category AS category, asylum_background AS asylum, count(*) AS n
        FROM persons GROUP BY ALL
        UNION ALL
        SELECT district, coalesce(sex, ''), age_group, 'DE', 'family', asylum_background,
               count(*) FROM family GROUP BY ALL
        UNION ALL
        SELECT district, coalesce(sex, ''), age_group, 'DE', 'none', asylum_background,
               -count(*) FROM family GROUP BY ALL
    )
    GROUP BY ALL
    HAVING sum(n) <> 0
"""

_STATUS_SQL = (
    "CASE WHEN category = 'foreigner' THEN 'foreigner' "
    "WHEN category = 'none' THEN 'german_without_mb' ELSE 'german_with_mb' END"
)


def connect(memory_limit: str | None = None, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    # One thread more than cores: while one thread waits (at the end of a parallel step, or on the
    # file), another works. Measured on the 2-core machine: the 10M-row benchmark takes about 10 %
    # less time with 3 threads than with DuckDB's default of 2 (the bare read gains nothing).
    config = {"threads": threads or (os.cpu_count() or 1) + 1}
    if memory_limit:
        config["memory_limit"] = memory_limit
    con = duckdb.connect(config=config)
    _create_types(con)
    # Temporary files of large sorts/joins go to the system temp dir, never the cwd.
    con.execute("SET temp_directory = %s" % _lit(os.path.join(_tmpdir(), "teilhabe-duckdb")))
    return con


def _create_types(con: duckdb.DuckDBPyConnection) -> None:
    """One-byte ENUM types for the age group and the category (smaller, faster to group by)."""
    categories = ("none", FOREIGNER) + CATEGORIES
    for name, values in (
        ("fc_category", categories),
        ("fc_age_group", AGE_GROUP_KEYS),
        ("fc_country", tuple(sorted(VALID_CODES))),
    ):
        if not con.execute("SELECT 1 FROM duckdb_types() WHERE type_name = ?", [name]).fetchone():
            con.execute("CREATE TYPE %s AS ENUM (%s)" % (name, ", ".join(_lit(v) for v in values)))


def _tmpdir() -> str:
    import tempfile

    return tempfile.gettempdir()


def compute(
    path: str | Path,
    reference_date: dt.date,
    columns: str | Path | dict | None = None,
    progress: Progress | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> FactCheckResult:
    """Read a register extract and derive the fact check at ``reference_date``.

    Raises :class:`~teilhabe.statistics.extract.ExtractError` (German message
    naming file and rows) for bad input.
    """
    report = progress or (lambda step, fraction: None)
    report("Datei wird geöffnet", 0.0)
    own_con = con is None
    con = con or connect()
    if not own_con:
        _create_types(con)
    try:
        with open_extract(path, columns) as ext:
            report("Datei wird gelesen", 0.05)
            try:
                _compute_fast(con, ext, reference_date, report)
            except (_NotClean, duckdb.Error):
                # Anything unusual (messy values, a bad row, a duplicate id or a hash collision, a
                # date in another form, a read error): the thorough path reads the file again in
                # file order (for row numbers), normalises, checks exactly and derives.
                report(THOROUGH_STEP, 0.4)
                con.execute("DROP TABLE IF EXISTS persons")  # free its memory before the full table
                con.execute("SET preserve_insertion_order = true")
                _load_persons(con, ext, reference_date)
                _check(con, ext, reference_date)
                report("Merkmale werden abgeleitet", 0.7)
                con.execute(_FAMILY_SQL)
                con.execute(_CUBE_SQL)
            report("Ergebnisse werden zusammengefasst", 0.85)
            result = _summarise(con, reference_date)
            report("Fertig", 1.0)
            return result
    finally:
        if own_con:
            con.close()
        else:
            con.execute("RESET preserve_insertion_order")
            for table in ("persons", "counts", "family", "cube"):
                con.execute("DROP TABLE IF EXISTS %s" % table)


def _compute_fast(
    con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date, report: Progress
) -> None:
    """Fill ``cube`` from a clean file; raise :class:`_NotClean` (or a DuckDB error) otherwise.

    Rows may land in any order here (``preserve_insertion_order = false``
    saves memory and time); no row number is ever reported from this path.
    """
    con.execute("SET preserve_insertion_order = false")
    con.execute(_fast_persons_sql(ext, reference_date))
    report("Daten werden geprüft", 0.55)
    con.execute(_FAST_COUNTS_SQL)
    unclean, sexes, districts = con.execute(
        "SELECT sum(n) FILTER (WHERE NOT clean), list(DISTINCT sex), list(DISTINCT district) FROM counts"
    ).fetchone()
    if (
        unclean
        or not set(sexes or ()) <= set(SEX_VALUES) | {""}
        or any(d != d.strip() for d in districts or ())
    ):
        raise _NotClean
    # No id twice: as many distinct hashes as rows. Equal hashes (a duplicate or, very rarely, a
    # collision of two different ids) go to the thorough path, which compares the ids themselves.
    rows, hashes = con.execute("SELECT count(*), count(DISTINCT id_hash) FROM persons").fetchone()
    if rows != hashes:
        raise _NotClean
    report("Merkmale werden abgeleitet", 0.7)
    con.execute(_FAST_FAMILY_SQL)
    con.execute(_FAST_CUBE_SQL)


def _check(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date) -> None:
    distinct, changed = extract_module.normalise_values(con, "persons")
    if changed:
        con.execute("UPDATE persons SET own_category = CAST(%s AS fc_category)" % OWN_CATEGORY_SQL)
    extract_module.validate(con, "persons", reference_date, ext.name, distinct)


def _load_persons(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date) -> None:
    for attempt in (1, 2):
        try:
            con.execute(_persons_sql(ext, reference_date))
            return
        except duckdb.Error as error:
            text = str(error).lower()
            if attempt == 1 and ext.kind == "csv" and ("unicode" in text or "utf-8" in text):
                ext.reopen_as_cp1252()
                continue
            problem = extract_module.duckdb_read_problem(error)
            raise ExtractError(ext.name, [problem or extract_module._msg("unreadable")]) from None


def _summarise(con: duckdb.DuckDBPyConnection, reference_date: dt.date) -> FactCheckResult:
    eu = eu_members_on(reference_date)
    by_citizenship: dict[str, int] = {}
    by_category: dict[str, int] = {c: 0 for c in CATEGORIES}
    foreigners = asylum = residents = 0
    for citizenship, category, is_asylum, n in con.execute(
        "SELECT citizenship, category, asylum, sum(n) FROM cube GROUP BY ALL"
    ).fetchall():
        n = int(n)
        residents += n
        by_citizenship[citizenship] = by_citizenship.get(citizenship, 0) + n
        if is_asylum:
            asylum += n
        if category == FOREIGNER:
            foreigners += n
        elif category != NO_BACKGROUND:
            by_category[category] += n
    foreign_by_code = {c: n for c, n in by_citizenship.items() if c != GERMANY}
    foreigners_eu = sum(n for c, n in foreign_by_code.items() if c in eu)
    germans_mb = sum(by_category.values())
    result = FactCheckResult(
        reference_date=reference_date,
        residents=residents,
        nationalities=sum(1 for c in by_citizenship if c not in NON_STATE_CODES),
        migration_background=foreigners + germans_mb,
        foreigners=foreigners,
        foreigners_eu=foreigners_eu,
        foreigners_third_country=foreigners - foreigners_eu,
        germans_with_migration_background=germans_mb,
        asylum_background=asylum,
        by_category=by_category,
        by_nationality=dict(sorted(foreign_by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
    for dimension, target in (
        ("district", result.by_district),
        ("sex", result.by_sex),
        ("age_group", result.by_age_group),
    ):
        for key, status, n in con.execute(
            "SELECT %s, %s AS status, sum(n) FROM cube GROUP BY ALL" % (dimension, _STATUS_SQL)
        ).fetchall():
            target[(key, status)] = int(n)
    for group, sex, mb, n in con.execute(
        "SELECT age_group, sex, category <> 'none', sum(n) FROM cube GROUP BY ALL"
    ).fetchall():
        result.pyramid[(group, sex, bool(mb))] = int(n)
    return result
