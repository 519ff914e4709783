"""Einwanderungsgeschichte (rules E1–E3), each rule on its own, on both paths through the engine."""

import pytest

from teilhabe.statistics import derivation, fast_path
from teilhabe.statistics.derivation import compute

from .helpers import D, person, write_extract


@pytest.fixture(params=["fast", "thorough"])
def run(request, tmp_path, monkeypatch):
    if request.param == "thorough":

        def refuse(*args):
            raise fast_path.NotClean

        monkeypatch.setattr(derivation, "_compute_fast", refuse)

    def run(rows):
        return compute(write_extract(tmp_path, rows), D)

    return run


def history(result):
    return (result.immigration_history, result.immigration_history_one_sided, result.by_history)


def kinds(self=0, parents=0, one_sided=0):
    return (self + parents, one_sided, {"self": self, "parents": parents, "one_sided": one_sided})


# E1: immigrated themselves


def test_a_person_born_abroad_immigrated_whatever_the_citizenship(run):
    r = run([person("1", birth_country="KZ"), person("2", citizenship="TR", birth_country="TR")])
    assert history(r) == kinds(self=2)


def test_a_foreigner_born_in_germany_has_no_immigration_history_of_their_own(run):
    r = run([person("1", citizenship="TR", birth_country="DE", birth_date="1990-01-01")])
    assert history(r) == kinds()
    assert r.migration_background == 1  # but a migration background


def test_a_move_from_abroad_counts_only_where_the_birth_country_is_not_known(run):
    r = run(
        [
            person("1", birth_country="", immigrated_from="PL"),
            person("2", birth_country="XU", immigrated_from="RO"),
            person("3", birth_country="DE", immigrated_from="US"),  # born here, came back
            person("4", birth_country="", immigrated_from=""),
        ]
    )
    assert history(r) == kinds(self=2)


def test_a_naturalised_german_born_in_germany_did_not_immigrate(run):
    r = run([person("1", naturalised="1", birth_country="DE")])
    assert history(r) == kinds()
    assert r.germans_with_migration_background == 1


# E2: both parents immigrated


def test_a_child_born_here_of_two_immigrated_parents_has_an_immigration_history(run):
    rows = [
        person("p1", citizenship="TR", birth_country="TR"),
        person("p2", birth_country="TR", naturalised="1"),
        person("c", birth_date="2015-01-01", parent1_id="p1", parent2_id="p2"),
    ]
    assert history(run(rows)) == kinds(self=2, parents=1)


def test_the_address_does_not_matter_for_the_parents(run):
    rows = [
        person("p1", birth_country="SY", address_id="A1"),
        person("p2", birth_country="SY", address_id="A2"),
        person("c", birth_date="2015-01-01", parent1_id="p1", parent2_id="p2", address_id="A3"),
    ]
    assert history(run(rows)) == kinds(self=2, parents=1)


def test_an_adult_born_here_is_not_derived_from_parents(run):
    rows = [
        person("p1", birth_country="TR"),
        person("p2", birth_country="TR"),
        person("c", birth_date="2000-01-01", parent1_id="p1", parent2_id="p2"),
    ]
    assert history(run(rows)) == kinds(self=2)


def test_the_same_parent_twice_is_one_parent(run):
    rows = [
        person("p1", birth_country="TR"),
        person("c", birth_date="2015-01-01", parent1_id="p1", parent2_id="p1"),
    ]
    assert history(run(rows)) == kinds(self=1, one_sided=1)


# E3: one-sided, shown but not counted


def test_one_immigrated_parent_gives_a_one_sided_history_that_is_not_counted(run):
    rows = [
        person("p1", birth_country="IT"),
        person("p2"),
        person("c1", birth_date="2015-01-01", parent1_id="p1", parent2_id="p2"),
        person("c2", birth_date="2016-01-01", parent1_id="p1", parent2_id="missing"),
        person("c3", birth_date="2016-01-01", parent2_id="p1"),
    ]
    r = run(rows)
    assert history(r) == kinds(self=1, one_sided=3)
    assert r.residents == 5


def test_a_parent_with_only_a_migration_background_passes_on_no_immigration_history(run):
    rows = [
        person("p1", citizenship="TR", birth_country="DE"),
        person("p2", citizenship="TR", birth_country="DE"),
        person("c", birth_date="2015-01-01", parent1_id="p1", parent2_id="p2"),
    ]
    r = run(rows)
    assert history(r) == kinds()
    assert r.by_category["family"] == 1  # while rule 3 applies


def test_the_history_appears_per_district_and_in_the_json(run):
    rows = [
        person("p1", birth_country="TR", district="Altstadt"),
        person("p2", birth_country="TR", district="Altstadt"),
        person("c", birth_date="2015-01-01", parent1_id="p1", parent2_id="p2", district="Altstadt"),
        person("d", birth_date="2015-01-01", parent1_id="p1", district="Neustadt"),
    ]
    r = run(rows)
    assert r.by_district_history == {"Altstadt": (3, 0), "Neustadt": (0, 1)}
    data = r.as_json()
    assert (data["immigration_history"], data["immigration_history_one_sided"]) == (3, 1)
    assert data["immigration_history_by_kind"] == {"self": 2, "parents": 1, "one_sided": 1}
