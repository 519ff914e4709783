"""Each derivation rule on its own, on tiny extracts."""

import datetime as dt

from teilhabe.statistics.derivation import compute

from .helpers import D, person, write_extract


def run(tmp_path, rows, date=D):
    return compute(write_extract(tmp_path, rows), date)


def category_of(result) -> str | None:
    cats = [k for k, v in result.by_category.items() if v]
    return cats[0] if cats else None


# Rule 1: foreigners


def test_a_resident_without_german_citizenship_is_a_foreigner(tmp_path):
    r = run(tmp_path, [person("1", citizenship="TR", birth_country="TR")])
    assert (r.foreigners, r.migration_background, r.germans_with_migration_background) == (1, 1, 0)


def test_stateless_and_unclear_residents_are_foreigners(tmp_path):
    r = run(tmp_path, [person("1", citizenship="XS"), person("2", citizenship="XU"), person("3")])
    assert r.foreigners == 2
    assert r.residents == 3


def test_a_german_born_in_germany_without_markers_has_no_migration_background(tmp_path):
    r = run(tmp_path, [person("1")])
    assert (r.residents, r.migration_background, r.foreigners) == (1, 0, 0)


# Rule 2 and 5: own background and its category


def test_a_naturalised_german_has_own_background_category_naturalised(tmp_path):
    r = run(tmp_path, [person("1", naturalised="ja")])
    assert r.germans_with_migration_background == 1
    assert category_of(r) == "naturalised"


def test_an_ius_soli_german_has_own_background_category_ius_soli(tmp_path):
    r = run(tmp_path, [person("1", ius_soli="1", birth_date="2010-01-01")])
    assert category_of(r) == "ius_soli"


def test_a_german_born_abroad_has_own_background(tmp_path):
    r = run(tmp_path, [person("1", birth_country="KZ")])
    assert category_of(r) == "born_abroad"


def test_an_unknown_birth_country_is_not_born_abroad(tmp_path):
    r = run(tmp_path, [person("1", birth_country=""), person("2", birth_country="XU")])
    assert r.migration_background == 0


def test_a_german_with_a_second_citizenship_has_own_background(tmp_path):
    r = run(tmp_path, [person("1", second_citizenship="US")])
    assert category_of(r) == "second_citizenship"


def test_a_second_citizenship_de_is_no_background(tmp_path):
    r = run(tmp_path, [person("1", second_citizenship="DE")])
    assert r.migration_background == 0


def test_the_first_category_that_applies_wins(tmp_path):
    rows = [
        person("1", naturalised="1", ius_soli="1", birth_country="TR", second_citizenship="TR"),
        person("2", ius_soli="1", birth_country="TR", second_citizenship="TR"),
        person("3", birth_country="TR", second_citizenship="TR"),
        person("4", second_citizenship="TR"),
    ]
    r = run(tmp_path, rows)
    assert r.by_category == {
        "naturalised": 1,
        "ius_soli": 1,
        "born_abroad": 1,
        "second_citizenship": 1,
        "family": 0,
    }


def test_markers_of_a_foreigner_do_not_make_a_german_category(tmp_path):
    r = run(tmp_path, [person("1", citizenship="PL", naturalised="1", birth_country="PL")])
    assert r.foreigners == 1
    assert r.germans_with_migration_background == 0


# Rule 3: family background


def child(pid, **fields):
    return person(pid, birth_date="2015-03-01", address_id="A1", **fields)


def test_a_german_child_of_a_foreign_parent_at_the_same_address_has_family_background(tmp_path):
    rows = [person("p", citizenship="TR", address_id="A1"), child("c", parent1_id="p")]
    r = run(tmp_path, rows)
    assert r.by_category["family"] == 1
    assert r.migration_background == 2


def test_the_second_parent_counts_too(tmp_path):
    rows = [
        person("p1", address_id="A1"),
        person("p2", naturalised="1", address_id="A1"),
        child("c", parent1_id="p1", parent2_id="p2"),
    ]
    assert run(tmp_path, rows).by_category["family"] == 1


def test_a_parent_at_another_address_gives_no_family_background(tmp_path):
    rows = [person("p", citizenship="TR", address_id="A2"), child("c", parent1_id="p")]
    r = run(tmp_path, rows)
    assert r.by_category["family"] == 0
    assert r.migration_background == 1


def test_an_unknown_address_on_either_side_does_not_block_the_family_rule(tmp_path):
    rows = [
        person("p", citizenship="TR", address_id=""),
        child("c", parent1_id="p"),
        person("q", citizenship="SY", address_id="A9"),
        person("d", birth_date="2015-03-01", address_id="", parent1_id="q"),
    ]
    assert run(tmp_path, rows).by_category["family"] == 2


def test_a_parent_not_in_the_file_gives_no_family_background(tmp_path):
    assert run(tmp_path, [child("c", parent1_id="missing")]).migration_background == 0


def test_a_parent_without_background_gives_no_family_background(tmp_path):
    rows = [person("p", address_id="A1"), child("c", parent1_id="p")]
    assert run(tmp_path, rows).migration_background == 0


def test_adults_do_not_get_family_background(tmp_path):
    rows = [
        person("p", citizenship="TR", address_id="A1", birth_date="1950-01-01"),
        person("c", birth_date="2005-12-31", address_id="A1", parent1_id="p"),  # 18 on D
    ]
    assert run(tmp_path, rows).by_category["family"] == 0


def test_a_child_turning_18_after_the_reference_date_is_still_a_minor(tmp_path):
    rows = [
        person("p", citizenship="TR", address_id="A1"),
        person("c", birth_date="2006-01-01", address_id="A1", parent1_id="p"),  # 17 on D
    ]
    assert run(tmp_path, rows).by_category["family"] == 1


def test_a_child_with_own_background_is_counted_in_its_own_category(tmp_path):
    rows = [person("p", citizenship="TR", address_id="A1"), child("c", parent1_id="p", ius_soli="1")]
    r = run(tmp_path, rows)
    assert r.by_category["ius_soli"] == 1
    assert r.by_category["family"] == 0


def test_the_family_rule_does_not_chain_through_a_family_background_parent(tmp_path):
    # c's parent p has only a family background (p is a minor here too); that is not own background.
    rows = [
        person("g", citizenship="TR", address_id="A1"),
        person("p", birth_date="2007-01-01", address_id="A1", parent1_id="g"),
        person("c", birth_date="2023-01-01", address_id="A1", parent1_id="p"),
    ]
    assert run(tmp_path, rows).by_category["family"] == 1


# Rule 6: EU / third country on the reference date


def test_british_citizens_are_eu_on_31_12_2019_and_third_country_on_31_12_2020(tmp_path):
    rows = [person("1", citizenship="GB"), person("2", citizenship="FR"), person("3", citizenship="XS")]
    r2019 = run(tmp_path, rows, dt.date(2019, 12, 31))
    r2020 = run(tmp_path, rows, dt.date(2020, 12, 31))
    assert (r2019.foreigners_eu, r2019.foreigners_third_country) == (2, 1)
    assert (r2020.foreigners_eu, r2020.foreigners_third_country) == (1, 2)


def test_croatians_are_third_country_before_july_2013(tmp_path):
    rows = [person("1", citizenship="HR", birth_date="1980-01-01")]
    assert run(tmp_path, rows, dt.date(2012, 12, 31)).foreigners_third_country == 1
    assert run(tmp_path, rows, dt.date(2013, 12, 31)).foreigners_eu == 1


def test_eu_and_third_country_add_up_to_foreigners(tmp_path):
    rows = [person(str(i), citizenship=c) for i, c in enumerate(["IT", "TR", "XU", "XS", "RO", "DE"])]
    r = run(tmp_path, rows)
    assert r.foreigners_eu + r.foreigners_third_country == r.foreigners == 5


# Rule 7: nationalities


def test_nationalities_count_distinct_first_citizenships_with_germany_without_xs_xu(tmp_path):
    rows = [
        person("1"),
        person("2", citizenship="TR"),
        person("3", citizenship="TR"),
        person("4", citizenship="XS"),
        person("5", citizenship="XU"),
        person("6", second_citizenship="IT"),
    ]
    assert run(tmp_path, rows).nationalities == 2


# Asylum background and breakdowns


def test_asylum_background_counts_everyone_flagged(tmp_path):
    rows = [
        person("1", citizenship="SY", asylum_background="ja"),
        person("2", naturalised="1", asylum_background="1"),
        person("3", citizenship="SY", asylum_background="nein"),
    ]
    assert run(tmp_path, rows).asylum_background == 2


def test_age_groups_use_full_years_at_the_reference_date(tmp_path):
    rows = [
        person("a", birth_date="2018-01-01"),  # 5
        person("b", birth_date="2017-12-31"),  # 6
        person("c", birth_date="2006-01-01", citizenship="TR"),  # 17
        person("d", birth_date="2005-12-31"),  # 18
        person("e", birth_date="1958-12-31"),  # 65
        person("f", birth_date="1959-01-01"),  # 64
    ]
    r = run(tmp_path, rows)
    assert r.by_age_group == {
        ("0-5", "german_without_mb"): 1,
        ("6-14", "german_without_mb"): 1,
        ("15-17", "foreigner"): 1,
        ("18-24", "german_without_mb"): 1,
        ("65+", "german_without_mb"): 1,
        ("45-64", "german_without_mb"): 1,
    }


def test_breakdowns_split_by_status_and_the_pyramid_by_background(tmp_path):
    rows = [
        person("1", district="Altstadt", sex="m"),
        person("2", district="Altstadt", sex="w", citizenship="TR"),
        person("3", district="Bühl", sex="w", naturalised="1"),
    ]
    r = run(tmp_path, rows)
    assert r.by_district == {
        ("Altstadt", "german_without_mb"): 1,
        ("Altstadt", "foreigner"): 1,
        ("Bühl", "german_with_mb"): 1,
    }
    assert r.by_sex == {("m", "german_without_mb"): 1, ("w", "foreigner"): 1, ("w", "german_with_mb"): 1}
    assert r.pyramid == {("40-44", "m", False): 1, ("40-44", "w", True): 2}  # equal five-year bands
    assert r.by_nationality == {"TR": 1}


def test_json_output_has_the_keys_of_the_issue(tmp_path):
    data = run(tmp_path, [person("1")]).as_json()
    assert data["reference_date"] == "2023-12-31"
    for key in (
        "residents",
        "nationalities",
        "migration_background",
        "foreigners",
        "foreigners_eu",
        "foreigners_third_country",
        "germans_with_migration_background",
        "asylum_background",
    ):
        assert isinstance(data[key], int)
    assert set(data["germans_with_migration_background_by_category"]) == {
        "naturalised",
        "ius_soli",
        "born_abroad",
        "second_citizenship",
        "family",
    }


def test_messy_values_are_normalised(tmp_path):
    rows = [
        person("1", citizenship=" tr ", sex=" W", district=" Altstadt "),
        person("2", citizenship="de", birth_country=" kz", naturalised=" Ja "),
        person("3", district="Altstadt"),
    ]
    r = run(tmp_path, rows)
    assert r.foreigners == 1
    assert r.by_category["naturalised"] == 1
    assert r.by_nationality == {"TR": 1}
    assert r.by_district[("Altstadt", "foreigner")] == 1
    assert r.by_district[("Altstadt", "german_without_mb")] == 1
    assert ("w", "foreigner") in r.by_sex
