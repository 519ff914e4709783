"""The thorough path through the fact check: anything the fast path does not accept.

The file is read again in file order (for row numbers) into the full ``persons`` table; values are
normalised where the distinct values show it is needed (blanks, case, Destatis keys to ISO codes, the
register's sex digits), every check runs exactly and names the rows, and the same rules fill the cube.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from . import codes, rules, values
from . import extract as extract_module
from .extract import BOOLEAN_COLUMNS, Extract, ExtractError
from .extract.errors import _msg
from .rules import PARSED_DATE_SQL


def persons_sql(extract: Extract, reference_date: dt.date) -> str:
    """One scan of the file into the ``persons`` table.

    Per row it parses the birth date (``YYYY-MM-DD`` or ``DD.MM.YYYY``), the yes/no columns, and
    computes the age group, the *own* category (rules 1, 2 and 5 without the family rule) and rule E1
    (for ISO codes; recomputed after key columns are rewritten).
    """
    minor, age_group = rules.age_sql(reference_date)
    bools = ", ".join("%s AS %s" % (rules.boolean_sql(c), c) for c in BOOLEAN_COLUMNS)
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
            SELECT * EXCLUDE (birth_raw), {PARSED_DATE_SQL} AS birth_date
            FROM typed
        )
        SELECT person_id, parent1_id, parent2_id, address_id, district, sex,
               citizenship, second_citizenship, birth_country, immigrated_from,
               naturalised, ius_soli, asylum_background,
               birth_date,
               CAST({age_group} AS fc_age_group) AS age_group,
               {minor} AS minor,
               CAST({rules.OWN_CATEGORY_SQL} AS fc_category) AS own_category,
               {rules.self_immigrated_sql()} AS self_immigrated
        FROM dated
    """


def load(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date) -> None:
    for attempt in (1, 2):
        try:
            con.execute(persons_sql(ext, reference_date))
            return
        except duckdb.Error as error:
            text = str(error).lower()
            if attempt == 1 and ext.kind == "csv" and ("unicode" in text or "utf-8" in text):
                ext.reopen_as_cp1252()
                continue
            problem = extract_module.duckdb_read_problem(error)
            raise ExtractError(ext.name, [problem or _msg("unreadable")]) from None


def check(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date) -> None:
    """Normalise and check ``persons``; raise :class:`ExtractError` naming every problem and its rows."""
    distinct, changed = extract_module.normalise_values(con, "persons")
    problems, rewritten = codes.normalise_countries(con, "persons", distinct, ext.column_labels())
    values.normalise_sex(con, "persons", distinct)
    if changed or rewritten:
        con.execute(
            "UPDATE persons SET own_category = CAST(%s AS fc_category), self_immigrated = %s"
            % (rules.OWN_CATEGORY_SQL, rules.self_immigrated_sql())
        )
    try:
        extract_module.validate(con, "persons", reference_date, ext.name, distinct, ext.column_labels())
    except ExtractError as error:
        raise ExtractError(ext.name, problems + error.problems) from None
    if problems:
        raise ExtractError(ext.name, problems)


#: The base of the cube from the full ``persons`` table.
CUBE_BASE_SQL = """
    SELECT district, coalesce(sex, '') AS sex, age_group, citizenship,
           CAST(own_category AS VARCHAR) AS category,
           CASE WHEN self_immigrated THEN 'self' ELSE 'none' END AS history, asylum_background AS asylum,
           count(*) AS n
    FROM persons GROUP BY ALL
"""


def compute(con: duckdb.DuckDBPyConnection, ext: Extract, reference_date: dt.date) -> None:
    """Fill ``cube`` (or raise :class:`ExtractError`)."""
    con.execute("DROP TABLE IF EXISTS persons")  # free the fast attempt's memory before the full table
    con.execute("SET preserve_insertion_order = true")
    load(con, ext, reference_date)
    check(con, ext, reference_date)
    con.execute(rules.links_sql("person_id", "minor"))
    con.execute(rules.cube_sql(CUBE_BASE_SQL))
