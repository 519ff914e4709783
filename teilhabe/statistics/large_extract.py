"""Synthetic register extracts for the benchmark: n rows written by DuckDB itself (SQL, no Python loop).

Deterministic: the same arguments give the same file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .demo_specs import DISTRICTS

_LARGE_FOREIGN = (
    "TR",
    "RO",
    "UA",
    "HR",
    "PL",
    "XK",
    "SY",
    "AF",
    "IT",
    "HU",
    "RU",
    "KZ",
    "GR",
    "BG",
    "RS",
    "BA",
    "IQ",
    "MK",
    "AT",
    "ER",
    "NG",
    "IR",
    "AL",
    "CN",
    "IN",
    "VN",
    "US",
    "GB",
    "ES",
    "PT",
    "FR",
    "NL",
    "SK",
    "CZ",
    "SI",
    "LT",
    "LV",
    "TH",
    "PH",
    "BR",
    "XS",
    "XU",
)


def large_extract_sql(n: int, reference_date: dt.date, seed: int = 1) -> str:
    """SQL that yields ``n`` synthetic register rows (households of four).

    Rows 4k and 4k+1 are the adults of household k, rows 4k+2 and 4k+3 are
    children of them in 60% of households. About 16% of households are
    foreign; their German-born children are ius soli Germans or get the family
    background; some Germans are naturalised, born abroad or have a second
    citizenship; 5% of children live at another address.
    """
    foreign = "[" + ", ".join("'%s'" % c for c in _LARGE_FOREIGN) + "]"
    districts = "[" + ", ".join("'%s'" % d[0] for d in DISTRICTS) + "]"
    d = reference_date.isoformat()
    return f"""
    WITH base AS (
        SELECT i, i // 4 AS k, i % 4 AS slot,
               CAST(hash(i + {seed} * 1000003) >> 2 AS BIGINT) AS h,
               CAST(hash(i // 4 + {seed} * 7919) >> 2 AS BIGINT) AS hk
        FROM range({n}) t(i)
    ), p AS (
        SELECT *,
            slot >= 2 AND (hk >> 8) % 10 < 6 AS child,
            (hk >> 16) % 100 < 16 AS foreign_household,
            {foreign}[1 + (hk >> 24) % {len(_LARGE_FOREIGN)}] AS household_code,
            (h >> 8) % 1000 AS r1, (h >> 20) % 1000 AS r2, (h >> 32) % 1000 AS r3
        FROM base
    ), q AS (
        SELECT *,
            CASE WHEN child THEN r1 % 18 ELSE 18 + r1 % 78 END AS age,
            CASE
                WHEN foreign_household AND child AND r2 < 300 THEN 'ius_soli'
                WHEN foreign_household AND child AND r2 < 700 THEN 'german'
                WHEN foreign_household THEN 'foreign'
                WHEN r2 < 60 THEN 'naturalised'
                WHEN r2 < 140 THEN 'born_abroad'
                WHEN r2 < 160 THEN 'second'
                ELSE 'german'
            END AS kind
        FROM p
    )
    SELECT
        'P' || lpad(i::VARCHAR, 9, '0') AS person_id,
        strftime(DATE '{d}' - CAST(age * 365 + r3 % 365 AS INTEGER), '%Y-%m-%d') AS birth_date,
        CASE WHEN r3 < 3 THEN 'd' WHEN r3 % 2 = 0 THEN 'm' ELSE 'w' END AS sex,
        {districts}[1 + hk % {len(DISTRICTS)}] AS district,
        CASE WHEN kind = 'foreign' THEN household_code ELSE 'DE' END AS citizenship,
        CASE WHEN kind = 'second' THEN 'US' WHEN kind = 'ius_soli' AND r3 < 500
             AND household_code NOT IN ('XS', 'XU') THEN household_code ELSE '' END
             AS second_citizenship,
        CASE WHEN kind = 'born_abroad' THEN 'KZ'
             WHEN kind = 'foreign' AND NOT child AND household_code NOT IN ('XS', 'XU')
             THEN household_code
             WHEN r1 < 900 THEN 'DE' ELSE '' END AS birth_country,
        CASE WHEN kind = 'naturalised' THEN '1' ELSE '0' END AS naturalised,
        CASE WHEN kind = 'ius_soli' THEN '1' ELSE '0' END AS ius_soli,
        CASE WHEN kind = 'foreign' AND household_code NOT IN ('XS', 'XU')
             THEN household_code ELSE '' END AS immigrated_from,
        CASE WHEN child THEN 'P' || lpad((k * 4)::VARCHAR, 9, '0') ELSE '' END AS parent1_id,
        CASE WHEN child THEN 'P' || lpad((k * 4 + 1)::VARCHAR, 9, '0') ELSE '' END AS parent2_id,
        CASE WHEN child AND r3 < 50 THEN 'B' || i ELSE 'A' || k END AS address_id,
        CASE WHEN kind = 'foreign' AND household_code IN ('SY', 'AF', 'IQ', 'ER')
             AND r2 < 900 THEN '1' ELSE '0' END AS asylum_background
    FROM q
    ORDER BY i
    """


def register_export_sql(iso_sql: str) -> str:
    """The same rows written the way a Bürgeramt exports them (see
    :mod:`teilhabe.statistics.register_export`): German headers, Destatis keys, dates ``TT.MM.JJJJ``,
    sex as digits, yes/no as ``J``/empty. Needs the table ``iso_keys(iso, key)``."""

    def key(column: str) -> str:
        return "(SELECT key FROM iso_keys WHERE iso = r.%s)" % column

    def yes(column: str) -> str:
        return "CASE WHEN r.%s = '1' THEN 'J' ELSE '' END" % column

    return f"""
    SELECT r.person_id AS "Ordnungsmerkmal",
           strftime(CAST(r.birth_date AS DATE), '%d.%m.%Y') AS "Geburtsdatum",
           CASE r.sex WHEN 'm' THEN '1' WHEN 'w' THEN '2' WHEN 'd' THEN '3' ELSE '4' END AS "Geschlecht",
           r.district AS "Stadtteil",
           {key("citizenship")} AS "Staatsangehörigkeit 1",
           {key("second_citizenship")} AS "2. Staatsangehörigkeit",
           {key("birth_country")} AS "Geburtsstaat",
           {yes("naturalised")} AS "Einbürgerungskennzeichen",
           {yes("ius_soli")} AS "Optionskennzeichen",
           {key("immigrated_from")} AS "Zuzug aus Staat",
           r.parent1_id AS "Gesetzlicher Vertreter 1",
           r.parent2_id AS "Gesetzlicher Vertreter 2",
           r.address_id AS "Adress-ID",
           {yes("asylum_background")} AS "Schutzsuchend"
    FROM ({iso_sql}) r
    """


def write_large_extract(
    path: str | Path,
    n: int,
    reference_date: dt.date = dt.date(2023, 12, 31),
    seed: int = 1,
    style: str = "iso",
) -> Path:
    """Write ``n`` synthetic rows as CSV (``;``) or Parquet (by suffix).

    ``style="register"`` writes the same people as a Bürgeramt export (see :func:`register_export_sql`).
    """
    import duckdb

    from .register_export import iso_to_key

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    fmt = "(FORMAT parquet)" if path.suffix == ".parquet" else "(FORMAT csv, HEADER, DELIMITER ';')"
    sql = large_extract_sql(n, reference_date, seed)
    con = duckdb.connect()
    try:
        if style == "register":
            con.execute("CREATE TEMP TABLE iso_keys (iso VARCHAR, key VARCHAR)")
            con.executemany("INSERT INTO iso_keys VALUES (?, ?)", list(iso_to_key().items()))
            sql = register_export_sql(sql)
        con.execute("COPY (%s) TO '%s' %s" % (sql, tmp, fmt))
    finally:
        con.close()
    tmp.replace(path)
    return path
