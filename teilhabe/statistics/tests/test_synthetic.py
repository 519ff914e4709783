"""The synthetic extracts: the demo reproduces the seed table exactly."""

import datetime as dt
import hashlib

import pytest

from teilhabe.statistics.countries import eu_members_on
from teilhabe.statistics.derivation import compute
from teilhabe.statistics.large_extract import write_large_extract
from teilhabe.statistics.synthetic import DISTRICTS, allocate, write_demo_extract

SEED_TABLE = {
    2020: {
        "residents": 70787,
        "nationalities": 125,
        "migration_background": 27027,
        "foreigners": 11689,
        "asylum_background": 1372,
        "eu_share": 45.2,
    },
    2023: {
        "residents": 72477,
        "nationalities": 125,
        "migration_background": 30199,
        "foreigners": 14239,
        "asylum_background": 1549,
        "eu_share": 40.5,
    },
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo")
    results = {}
    for year in (2020, 2023):
        path = write_demo_extract(year, directory / ("demo_%d.csv" % year))
        results[year] = (path, compute(path, dt.date(year, 12, 31)))
    return results


@pytest.mark.parametrize("year", [2020, 2023])
def test_the_demo_extract_gives_the_seed_table_exactly(demo, year):
    _path, r = demo[year]
    seed = SEED_TABLE[year]
    assert r.residents == seed["residents"]
    assert r.nationalities == seed["nationalities"]
    assert r.migration_background == seed["migration_background"]
    assert r.foreigners == seed["foreigners"]
    assert r.asylum_background == seed["asylum_background"]
    assert round(100 * r.foreigners_eu / r.foreigners, 1) == seed["eu_share"]
    assert round(100 * r.foreigners_third_country / r.foreigners, 1) == round(100 - seed["eu_share"], 1)


@pytest.mark.parametrize("year", [2020, 2023])
def test_the_demo_exercises_every_category_and_every_district(demo, year):
    _path, r = demo[year]
    assert all(r.by_category[c] > 100 for c in r.by_category)
    assert {d for d, _s in r.by_district} == {d[0] for d in DISTRICTS}
    top = [code for code, _n in r.top_nationalities(12)]
    assert {"TR", "RO", "HR", "PL", "XK", "SY", "HU"} <= set(top)


def test_the_2020_demo_has_british_citizens_who_count_as_third_country(demo):
    _path, r = demo[2020]
    assert r.by_nationality["GB"] > 0
    assert "GB" not in eu_members_on(r.reference_date)


def test_the_demo_has_children_whose_parent_lives_elsewhere_or_is_missing(demo):
    path, r = demo[2020]
    text = path.read_text()
    assert "P9" in text  # parent ids that are not in the file
    assert r.by_category["family"] == 2132


def test_the_demo_extract_is_reproducible(tmp_path):
    a = write_demo_extract(2020, tmp_path / "a.csv")
    b = write_demo_extract(2020, tmp_path / "b.csv")
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_allocate_hits_the_total_with_at_least_one_each():
    counts = allocate(10, {"a": 1000, "b": 1, "c": 1})
    assert counts == {"a": 8, "b": 1, "c": 1}
    assert sum(allocate(5767, {"RO": 1400, "HU": 700, "MT": 2}).values()) == 5767


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_large_extracts_are_valid_and_reproducible(tmp_path, suffix):
    a = write_large_extract(tmp_path / ("a." + suffix), 20_000)
    b = write_large_extract(tmp_path / ("b." + suffix), 20_000)
    r = compute(a, dt.date(2023, 12, 31))
    assert r.residents == 20_000
    assert all(r.by_category[c] > 0 for c in r.by_category)
    assert 0 < r.foreigners_eu < r.foreigners
    assert r.headline() == compute(b, dt.date(2023, 12, 31)).headline()


def test_the_pandas_peer_of_the_benchmark_agrees_with_the_engine(tmp_path):
    pytest.importorskip("pandas")
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "bench_factcheck", Path(__file__).resolve().parents[3] / "bench" / "factcheck.py"
    )
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = write_large_extract(tmp_path / "x.csv", 20_000)
    peer = bench.pandas_factcheck(str(path), dt.date(2023, 12, 31))
    engine = compute(path, dt.date(2023, 12, 31)).headline()
    # The peer implements the migration-background rules (the figures the benchmark compares).
    assert peer == {key: engine[key] for key in peer}
    assert len(peer) == 8
