"""Derive the fact check (migration background, Einwanderungsgeschichte) from a register extract.

The rules are in :mod:`teilhabe.statistics.rules` (and ``docs/statistics.md``). How it runs (few scans,
all in DuckDB), in one of two ways:

- the *fast path* (:mod:`teilhabe.statistics.fast_path`, every clean file): one pass. One scan of the file
  computes per row rules 1, 2, 5 and E1, the age class, a hash of the id and a flag "all checks pass",
  packed into one integer key, and streams the rows (never stored) into the counts per district and key,
  a count of distinct id hashes (as many as rows proves the ids unique) and the few candidate children and
  possible parents; a second small statement joins those (ids compared as text) for the parents' rules
  (3, E2, E3) and corrects the counts, from which the remaining checks are read;
- the *thorough path* (:mod:`teilhabe.statistics.thorough_path`, anything the fast path does not
  accept): the file is read again in file order, values are normalised where needed, the checks run
  exactly (naming rows) and, for a usable file, the same rules fill the cube.

Either way all figures and breakdowns are summed from the small ``cube``
(district x sex x age group x citizenship x category x history x asylum).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import duckdb
from django.utils.translation import gettext_noop

from . import codes, fast_path, thorough_path
from .countries import GERMANY, NON_STATE_CODES, VALID_CODES, eu_members_on
from .extract import ExtractError, open_extract
from .result import AGE_CLASS_KEYS, AGE_GROUP_OF, CATEGORIES, PYRAMID_BAND_OF, FactCheckResult
from .rules import COUNTED_HISTORIES, FOREIGNER, HISTORIES, NO_BACKGROUND, born_before_age, lit

__all__ = ["THOROUGH_STEP", "born_before_age", "compute", "connect"]

#: Called with each step (a gettext message id, translated where it is shown: the job page in the reader's
#: language, the command line in the active one) and the fraction done.
Progress = Callable[[str, float], None]

#: Progress step shown when a file is not clean and takes the thorough path.
THOROUGH_STEP = gettext_noop("Datei wird gründlich geprüft")
OPENING_STEP = gettext_noop("Datei wird geöffnet")
READING_STEP = gettext_noop("Datei wird gelesen")
SUMMING_UP_STEP = gettext_noop("Ergebnisse werden zusammengefasst")
DONE_STEP = gettext_noop("Fertig")
STEPS = (
    OPENING_STEP,
    READING_STEP,
    fast_path.CHECKING_STEP,
    fast_path.DERIVING_STEP,
    THOROUGH_STEP,
    SUMMING_UP_STEP,
    DONE_STEP,
)


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
    # No progress bar of DuckDB's own: the command line and the job page show the steps (see Progress).
    con.execute("SET enable_progress_bar = false")
    _create_types(con)
    # Temporary files of large sorts/joins go to the system temp dir, never the cwd.
    con.execute("SET temp_directory = %s" % lit(os.path.join(_tmpdir(), "teilhabe-duckdb")))
    return con


def _create_types(con: duckdb.DuckDBPyConnection) -> None:
    """One-byte ENUM types for the age group, the category and the codes (smaller, faster to group by)."""
    categories = (NO_BACKGROUND, FOREIGNER) + CATEGORIES
    for name, values in (
        ("fc_category", categories),
        ("fc_age_group", AGE_CLASS_KEYS),
        ("fc_country", tuple(sorted(VALID_CODES))),
    ):
        if not con.execute("SELECT 1 FROM duckdb_types() WHERE type_name = ?", [name]).fetchone():
            con.execute("CREATE TYPE %s AS ENUM (%s)" % (name, ", ".join(lit(v) for v in values)))
    codes.create_types(con)


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
    report(OPENING_STEP, 0.0)
    own_con = con is None
    con = con or connect()
    if not own_con:
        _create_types(con)
    try:
        with open_extract(path, columns) as ext:
            report(READING_STEP, 0.05)
            try:
                _compute_fast(con, ext, reference_date, report)
            except (fast_path.NotClean, duckdb.Error):
                # Anything unusual (messy values, a bad row, a duplicate id or a hash collision, a
                # date in another form, a read error): the thorough path reads the file again in
                # file order (for row numbers), normalises, checks exactly and derives.
                report(THOROUGH_STEP, 0.4)
                try:
                    thorough_path.compute(con, ext, reference_date)
                except ExtractError as error:
                    error.columns = error.columns or ext.header_report
                    raise
            report(SUMMING_UP_STEP, 0.85)
            result = _summarise(con, reference_date)
            result.columns = ext.header_report
            report(DONE_STEP, 1.0)
            return result
    finally:
        if own_con:
            con.close()
        else:
            con.execute("RESET preserve_insertion_order")
            for table in ("persons", "stage", "packed", "links", "cube"):
                con.execute("DROP TABLE IF EXISTS %s" % table)


def _compute_fast(con, ext, reference_date, report) -> None:
    """The fast path (a module-level name, so that tests can refuse it)."""
    fast_path.compute(con, ext, reference_date, report)


def _summarise(con: duckdb.DuckDBPyConnection, reference_date: dt.date) -> FactCheckResult:
    eu = eu_members_on(reference_date)
    by_citizenship: dict[str, int] = {}
    by_category: dict[str, int] = {c: 0 for c in CATEGORIES}
    by_history: dict[str, int] = {h: 0 for h in HISTORIES}
    foreigners = asylum = residents = 0
    for citizenship, category, history, is_asylum, n in con.execute(
        "SELECT citizenship, category, history, asylum, sum(n) FROM cube GROUP BY ALL"
    ).fetchall():
        n = int(n)
        residents += n
        by_citizenship[citizenship] = by_citizenship.get(citizenship, 0) + n
        by_history[history] += n
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
        immigration_history=sum(by_history[h] for h in COUNTED_HISTORIES),
        immigration_history_one_sided=by_history["one_sided"],
        by_category=by_category,
        by_history={h: by_history[h] for h in HISTORIES if h != "none"},
        by_nationality=dict(sorted(foreign_by_code.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
    for dimension, target, key_of in (
        ("district", result.by_district, None),
        ("sex", result.by_sex, None),
        ("age_group", result.by_age_group, AGE_GROUP_OF),  # the cube counts by age class
    ):
        for key, status, n in con.execute(
            "SELECT %s, %s AS status, sum(n) FROM cube GROUP BY ALL" % (dimension, _STATUS_SQL)
        ).fetchall():
            key = key_of[key] if key_of else key
            target[(key, status)] = target.get((key, status), 0) + int(n)
    counted = ", ".join(lit(h) for h in COUNTED_HISTORIES)
    for district, history, one_sided in con.execute(
        "SELECT district, sum(n) FILTER (WHERE history IN (%s)), sum(n) FILTER (WHERE history = 'one_sided') "
        "FROM cube GROUP BY district" % counted
    ).fetchall():
        result.by_district_history[district] = (int(history or 0), int(one_sided or 0))
    for district, code, n in con.execute(
        "SELECT district, citizenship, sum(n) FROM cube WHERE category = 'foreigner' GROUP BY ALL"
    ).fetchall():
        result.by_district_nationality[(district, code)] = int(n)
    for age_class, sex, mb, n in con.execute(
        "SELECT age_group, sex, category <> 'none', sum(n) FROM cube GROUP BY ALL"
    ).fetchall():
        key = (PYRAMID_BAND_OF[age_class], sex, bool(mb))  # equal five-year bands
        result.pyramid[key] = result.pyramid.get(key, 0) + int(n)
    return result
