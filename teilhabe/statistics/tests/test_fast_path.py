"""The two ways through the engine give the same figures.

A clean file takes the fast path (narrow table, hashed duplicate check); anything
unusual takes the thorough path (normalising, exact checks with row numbers).
"""

import datetime as dt

import pytest

from teilhabe.statistics import derivation, fast_path
from teilhabe.statistics.derivation import THOROUGH_STEP, born_before_age, compute
from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.synthetic import DEMO_SPECS, write_demo_extract

from .helpers import D, person, write_extract


def every_rule():
    """A small extract in which every rule applies at least once."""
    return [
        person("f1", citizenship="TR", birth_country="TR", address_id="A1", district="Altstadt"),
        person("f2", citizenship="FR", sex="m", asylum_background="1"),
        person("n1", naturalised="1", address_id="A2", district="Neustadt"),
        person("i1", ius_soli="1", birth_date="2005-01-01"),
        person("b1", birth_country="KZ", sex="d"),
        person("s1", second_citizenship="PL"),
        person("c1", birth_date="2015-03-01", parent1_id="f1", address_id="A1"),
        person("c2", birth_date="2010-06-30", parent1_id="n1", parent2_id="f1", address_id="A2"),
        person("c3", birth_date="2012-01-01", parent1_id="f1", address_id="A9"),
        person("c4", birth_date="2012-01-01", parent1_id="nobody"),
        person("c5", birth_date="2006-01-01", parent2_id="b1"),
        person("g1", birth_date="1950-12-31", district="Altstadt"),
    ]


def compute_with_steps(path, date=D):
    steps = []
    result = compute(path, date, progress=lambda step, fraction: steps.append(step))
    return result, steps


def force_thorough(monkeypatch):
    def refuse(*args):
        raise fast_path.NotClean

    monkeypatch.setattr(derivation, "_compute_fast", refuse)


def test_a_clean_file_takes_the_fast_path(tmp_path):
    result, steps = compute_with_steps(write_extract(tmp_path, every_rule()))
    assert THOROUGH_STEP not in steps
    assert result.by_category == {
        "naturalised": 1,
        "ius_soli": 1,
        "born_abroad": 1,
        "second_citizenship": 1,
        "family": 3,
    }


def test_both_paths_give_the_same_figures_for_every_rule(tmp_path, monkeypatch):
    path = write_extract(tmp_path, every_rule())
    fast = compute(path, D)
    force_thorough(monkeypatch)
    assert compute(path, D).indicator_rows() == fast.indicator_rows()


@pytest.mark.parametrize("year", sorted(DEMO_SPECS))
def test_both_paths_give_the_same_figures_on_the_demo_extracts(tmp_path, monkeypatch, year):
    spec = DEMO_SPECS[year]
    path = write_demo_extract(year, tmp_path / ("demo_%d.csv" % year))
    fast = compute(path, spec.reference_date)
    force_thorough(monkeypatch)
    assert compute(path, spec.reference_date).indicator_rows() == fast.indicator_rows()


def test_messy_values_take_the_thorough_path_and_count_like_clean_ones(tmp_path):
    clean, _steps = compute_with_steps(write_extract(tmp_path, every_rule(), name="clean.csv"))
    messy_rows = every_rule()
    messy_rows[0].update(citizenship=" tr", district=" Altstadt ")
    messy_rows[2].update(naturalised="ja")
    messy_rows[4].update(sex="D")
    messy, steps = compute_with_steps(write_extract(tmp_path, messy_rows, name="messy.csv"))
    assert THOROUGH_STEP in steps
    assert messy.indicator_rows() == clean.indicator_rows()


def test_german_dates_take_the_fast_path_and_count_like_iso_dates(tmp_path):
    iso, _steps = compute_with_steps(write_extract(tmp_path, every_rule(), name="iso.csv"))
    rows = every_rule()
    for row in rows:
        row["birth_date"] = dt.date.fromisoformat(row["birth_date"]).strftime("%d.%m.%Y")
    german, steps = compute_with_steps(write_extract(tmp_path, rows, name="german.csv"))
    assert THOROUGH_STEP not in steps  # the CSV reader parses them itself
    assert german.indicator_rows() == iso.indicator_rows()


def test_mixed_date_forms_take_the_thorough_path_and_count_the_same(tmp_path):
    iso, _steps = compute_with_steps(write_extract(tmp_path, every_rule(), name="iso.csv"))
    rows = every_rule()
    for row in rows[::2]:
        row["birth_date"] = dt.date.fromisoformat(row["birth_date"]).strftime("%d.%m.%Y")
    mixed, steps = compute_with_steps(write_extract(tmp_path, rows, name="mixed.csv"))
    assert THOROUGH_STEP in steps
    assert mixed.indicator_rows() == iso.indicator_rows()


def test_a_hash_collision_of_two_ids_is_not_taken_for_a_duplicate(tmp_path, monkeypatch):
    path = write_extract(tmp_path, every_rule())
    expected = compute(path, D)
    # Every id gets the same hash: the fast duplicate check sees "duplicates", the thorough
    # path compares the ids themselves and finds none.
    monkeypatch.setattr(fast_path, "ID_HASH_SQL", "hash(left(%s, 0))")
    result, steps = compute_with_steps(path)
    assert THOROUGH_STEP in steps
    assert result.indicator_rows() == expected.indicator_rows()


def test_a_real_duplicate_is_still_reported_after_the_fast_check(tmp_path):
    rows = every_rule() + [person("f1")]
    with pytest.raises(ExtractError, match="„f1“ in Zeilen 2, 14"):
        compute(write_extract(tmp_path, rows), D)


@pytest.mark.parametrize(
    "reference_date",
    [
        dt.date(2024, 2, 29),
        dt.date(2023, 2, 28),
        dt.date(2024, 3, 1),
        dt.date(2023, 12, 31),
        dt.date(2020, 1, 1),
    ],
)
def test_age_cut_off_days_agree_with_counting_full_years(reference_date):
    def age(birth):
        before_birthday = (birth.month, birth.day) > (reference_date.month, reference_date.day)
        return reference_date.year - birth.year - before_birthday

    for years in (1, 6, 15, 18, 25, 45, 65):
        cut_off = born_before_age(reference_date, years)
        birth = reference_date.replace(month=1, day=1, year=reference_date.year - years - 2)
        while birth <= reference_date.replace(month=12, day=31, year=reference_date.year - years + 1):
            assert (age(birth) >= years) == (birth <= cut_off), (birth, years)
            birth += dt.timedelta(days=1)
