"""The rules of the fact check as SQL: migration background and Einwanderungsgeschichte.

The population register has no field "migration background"; it is derived from register attributes
following the MigraPro method of the German city statisticians. Per person at reference date D (age in
full years at D):

1. **Foreigner**: ``citizenship`` is not ``DE`` (stateless ``XS`` and unclear ``XU`` included).
2. **German with own migration background**: ``citizenship`` is ``DE`` and at least one of:
   ``naturalised``; ``ius_soli``; ``birth_country`` known and not ``DE``; ``second_citizenship`` present
   and not ``DE``. (``XS``/``XU`` in ``birth_country`` or ``second_citizenship`` count as "not known".)
3. **German with family migration background**: German, under 18 at D, no own background, and at least
   one parent found in the file (via ``parent1_id`` / ``parent2_id``) is a foreigner or has an own
   background and, where both child and that parent have an ``address_id``, the child lives at that
   parent's address.
4. **Migration background** = 1 or 2 or 3.
5. **Category** of a German with migration background, the first that applies: ``naturalised``,
   ``ius_soli``, ``born_abroad``, ``second_citizenship``, ``family``.
6. **EU / third country** for foreigners, by first citizenship and EU membership on D
   (:func:`teilhabe.statistics.countries.eu_members_on`). Stateless and unclear count as third country,
   so EU + third = foreigners.
7. **Nationalities**: number of distinct first citizenships among all residents, ``DE`` included,
   ``XS``/``XU`` not.
8. **Asylum background**: residents whose ``asylum_background`` is set, whatever their citizenship.

**Einwanderungsgeschichte** (Federal Statistical Office, since 2023), whatever the citizenship:

E1. **Immigrated themselves** (``self``): ``birth_country`` known and not ``DE``; or, where the birth
    country is not known, ``immigrated_from`` (the state of the move from abroad) known and not ``DE``.
E2. **Both parents immigrated** (``parents``): not E1, under 18 at D, and both ``parent1_id`` and
    ``parent2_id`` are persons in the file who immigrated themselves (E1). The register links parents only
    to minors, so for adults born in Germany this part cannot be derived: they count as without.
E3. **One-sided** (``one_sided``, "einseitige Einwanderungsgeschichte"): not E1 or E2, under 18 at D, and
    one parent in the file immigrated themselves (the other did not, or is not in the file). Shown
    separately, never counted in the Einwanderungsgeschichte.

**Immigration history** = E1 + E2. Unlike rule 3 no address condition applies: the definition asks about
the parents, not the household.

Every rule is written for ISO codes; the fast path also writes them for Destatis key columns
(:mod:`teilhabe.statistics.codes`), the thorough path rewrites key columns to ISO codes first.
"""

from __future__ import annotations

import datetime as dt

from . import codes
from .extract import FALSE_VALUES, TRUE_VALUES
from .result import AGE_CLASSES

#: The cube's ``category`` besides the five categories: foreigners and Germans without background.
FOREIGNER = "foreigner"
NO_BACKGROUND = "none"
#: The cube's ``history`` values (see E1–E3; ``none`` = without Einwanderungsgeschichte).
HISTORIES: tuple[str, ...] = ("none", "self", "parents", "one_sided")
#: History values counted as Einwanderungsgeschichte.
COUNTED_HISTORIES: tuple[str, ...] = ("self", "parents")


def lit(value: str) -> str:
    return "'%s'" % value.replace("'", "''")


def boolean_sql(column: str) -> str:
    """Rule input: yes/no columns. Empty = no; an unknown word gives NULL,
    which the checks report as an invalid value. ``0``/``1`` take a fast path."""
    true = ", ".join(lit(v) for v in TRUE_VALUES)
    false = ", ".join(lit(v) for v in FALSE_VALUES)
    slow = f"lower(trim({column}))"
    return (
        f"CASE WHEN {column} IS NULL OR {column} = '0' THEN false WHEN {column} = '1' THEN true "
        f"WHEN {slow} IN ({true}) THEN true WHEN {slow} IN ({false}, '') THEN false END"
    )


def _system(systems: dict[str, str] | None, column: str) -> str:
    return (systems or {}).get(column, codes.ISO)


#: DuckDB plans ``x IN (...)`` with five or more constants as a join with a table of the constants,
#: which costs far more per row than a few comparisons; longer lists are split into ORed short ones.
IN_LIST_LIMIT = 4


def in_sql(column: str, values: tuple[str, ...]) -> str:
    """``column IN (values)`` (NULL for a NULL column), as short lists."""
    chunks = [values[i : i + IN_LIST_LIMIT] for i in range(0, len(values), IN_LIST_LIMIT)]
    parts = ["%s IN (%s)" % (column, ", ".join(lit(v) for v in chunk)) for chunk in chunks]
    return parts[0] if len(parts) == 1 else "(%s)" % " OR ".join(parts)


def not_in_sql(column: str, values: tuple[str, ...]) -> str:
    """``column NOT IN (values)`` (NULL for a NULL column), as short lists."""
    if len(values) <= IN_LIST_LIMIT:
        return "%s NOT IN (%s)" % (column, ", ".join(lit(v) for v in values))
    return "NOT %s" % in_sql(column, values)


def own_category_sql(systems: dict[str, str] | None = None, value=lit) -> str:
    """Rules 1, 2 and 5 without the family rule: "foreigner", the first own category, or "none".

    ``value`` gives the SQL of each result (the name as text, or the fast path's number for it).
    """

    def known_foreign(column: str) -> str:
        return "%s IS NOT NULL AND %s" % (
            column,
            not_in_sql(column, codes.not_known_values(_system(systems, column))),
        )

    return (
        "CASE WHEN %s THEN %s "
        "WHEN naturalised THEN %s "
        "WHEN ius_soli THEN %s "
        "WHEN %s THEN %s "
        "WHEN %s THEN %s "
        "ELSE %s END"
        % (
            not_in_sql("citizenship", codes.germany_values(_system(systems, "citizenship"))),
            value(FOREIGNER),
            value("naturalised"),
            value("ius_soli"),
            known_foreign("birth_country"),
            value("born_abroad"),
            known_foreign("second_citizenship"),
            value("second_citizenship"),
            value(NO_BACKGROUND),
        )
    )


#: Rules 1, 2 and 5 for ISO columns.
OWN_CATEGORY_SQL = own_category_sql()


def self_immigrated_sql(systems: dict[str, str] | None = None) -> str:
    """Rule E1: born abroad, or (birth country not known) moved here from abroad."""
    birth = _system(systems, "birth_country")
    moved = _system(systems, "immigrated_from")
    return (
        "CASE WHEN birth_country IS NOT NULL AND %s THEN true "
        "WHEN (birth_country IS NULL OR %s) AND immigrated_from IS NOT NULL "
        "AND %s THEN true ELSE false END"
        % (
            not_in_sql("birth_country", codes.not_known_values(birth)),
            in_sql("birth_country", codes.unknown_values(birth)),
            not_in_sql("immigrated_from", codes.not_known_values(moved)),
        )
    )


#: A birth date given as ``YYYY-MM-DD`` or ``DD.MM.YYYY`` (NULL when it is neither).
PARSED_DATE_SQL = (
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


def age_sql(reference_date: dt.date) -> tuple[str, str]:
    """SQL (of ``birth_date``) saying "under 18" and giving the age class at ``reference_date`` (see
    ``result.AGE_CLASSES``: each lies in one age group and one pyramid band).

    Both compare the birth date with fixed days (see :func:`born_before_age`),
    which costs far less per row than computing the age from year, month and day.
    """

    def younger_than(years: int) -> str:
        return "birth_date > DATE '%s'" % born_before_age(reference_date, years).isoformat()

    age_group = (
        "CASE "
        + " ".join(
            f"WHEN {younger_than(hi + 1)} THEN {lit(key)}" for key, _lo, hi in AGE_CLASSES if hi is not None
        )
        + f" ELSE {lit(AGE_CLASSES[-1][0])} END"
    )
    return younger_than(18), age_group


_OLD_HISTORY = "CASE WHEN self_immigrated THEN 'self' ELSE 'none' END"


def links_sql(child_id: str, minor_condition: str) -> str:
    """Rules 3, E2 and E3: the minors whose category or history their parents change.

    One join of the candidate children (minors with a parent id who have no own background or did not
    immigrate themselves) with the persons who can pass something on. Ids are compared as text;
    ``child_id`` only tells children apart (unique in the file). The result holds each changed child's
    cube key before (``old_*``) and after (``new_*``).
    """
    return f"""
        CREATE OR REPLACE TEMP TABLE links AS
        WITH children AS (
            SELECT {child_id} AS child, address_id, district, sex, age_group, citizenship, own_category,
                   self_immigrated, asylum_background, unnest([parent1_id, parent2_id]) AS parent_id
            FROM persons
            WHERE {minor_condition} AND (parent1_id IS NOT NULL OR parent2_id IS NOT NULL)
              AND (own_category = 'none' OR NOT self_immigrated)
        ),
        parents AS (
            SELECT person_id, address_id, own_category <> 'none' AS with_background, self_immigrated
            FROM persons WHERE own_category <> 'none' OR self_immigrated
        ),
        per_child AS (
            SELECT c.child,
                   any_value(c.district) AS district, coalesce(any_value(c.sex), '') AS sex,
                   any_value(c.age_group) AS age_group,
                   CAST(any_value(c.citizenship) AS VARCHAR) AS citizenship,
                   CAST(any_value(c.own_category) AS VARCHAR) AS own_category,
                   any_value(c.self_immigrated) AS self_immigrated,
                   any_value(c.asylum_background) AS asylum,
                   bool_or(p.with_background AND (c.address_id IS NULL OR p.address_id IS NULL
                                                  OR c.address_id = p.address_id)) AS family,
                   count(DISTINCT p.person_id) FILTER (WHERE p.self_immigrated) AS immigrated_parents
            FROM children c JOIN parents p ON p.person_id = c.parent_id
            GROUP BY c.child
        ),
        moved AS (
            SELECT *, {_OLD_HISTORY} AS old_history,
                   CASE WHEN own_category = 'none' AND family THEN 'family' ELSE own_category END
                       AS new_category,
                   CASE WHEN self_immigrated THEN 'self' WHEN immigrated_parents >= 2 THEN 'parents'
                        WHEN immigrated_parents = 1 THEN 'one_sided' ELSE 'none' END AS new_history
            FROM per_child
        )
        SELECT district, sex, age_group, citizenship, asylum, own_category AS old_category, old_history,
               new_category, new_history
        FROM moved
        WHERE new_category <> own_category OR new_history <> old_history
    """


def cube_sql(base: str) -> str:
    """Everything the figures need, folded into a small table.

    ``base`` selects (district, sex, age_group, citizenship, category, history, asylum, n) before the
    parents' rules; the changed children of ``links`` move from their old key to their new one.
    """
    return f"""
        CREATE OR REPLACE TEMP TABLE cube AS
        SELECT district, sex, CAST(age_group AS VARCHAR) AS age_group, citizenship, category, history,
               asylum, sum(n)::BIGINT AS n
        FROM (
            {base}
            UNION ALL
            SELECT district, sex, CAST(age_group AS VARCHAR), citizenship, new_category, new_history,
                   asylum, count(*)
            FROM links GROUP BY ALL
            UNION ALL
            SELECT district, sex, CAST(age_group AS VARCHAR), citizenship, old_category, old_history,
                   asylum, -count(*)
            FROM links GROUP BY ALL
        )
        GROUP BY ALL
        HAVING sum(n) <> 0
    """
