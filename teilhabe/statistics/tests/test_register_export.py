"""Extracts written the way a Bürgeramt exports them give exactly the figures of the canonical file."""

import json

import pytest
from django.core.management import call_command

from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError, open_extract
from teilhabe.statistics.headers import canonical_column, header_key
from teilhabe.statistics.register_export import convert_extract, write_register_export
from teilhabe.statistics.synthetic import DEMO_SPECS, write_demo_extract

from .helpers import D, person, write_extract


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory):
    directory = tmp_path_factory.mktemp("export")
    canonical = write_demo_extract(2023, directory / "kanonisch.csv")
    return canonical, convert_extract(canonical, directory / "buergeramt.csv")


def test_the_export_really_is_written_the_buergeramt_way(demo_pair):
    _canonical, export = demo_pair
    raw = export.read_bytes()
    head = raw.decode("cp1252").splitlines()
    assert head[0].startswith("Ordnungsmerkmal;Geburtsdatum;Geschlecht;Stadtteil;Staatsangehörigkeit 1")
    assert "ö".encode("cp1252") in raw and b"\xc3" not in raw  # Windows-1252, not UTF-8
    fields = head[1].split(";")
    assert fields[1][2] == "." and fields[2] in "1234" and fields[4].isdigit()


def test_the_same_people_give_exactly_the_same_figures_without_a_mapping_file(demo_pair):
    canonical, export = demo_pair
    date = DEMO_SPECS[2023].reference_date
    expected = compute(canonical, date)
    result = compute(export, date)
    assert result.indicator_rows() == expected.indicator_rows()
    assert result.residents == 72477 and result.foreigners == 14239


def test_the_command_line_reads_the_export_too(demo_pair, capsys):
    canonical, export = demo_pair
    call_command("factcheck", str(canonical), "--date", "2023-12-31", "--json")
    expected = json.loads(capsys.readouterr().out)
    call_command("factcheck", str(export), "--date", "2023-12-31", "--json")
    assert json.loads(capsys.readouterr().out) == expected


def test_the_file_says_which_header_was_taken_for_which_column(tmp_path):
    path = write_register_export([person("1")], tmp_path / "a.csv")
    with open_extract(path) as ext:
        assert ext.headers["person_id"] == "Ordnungsmerkmal"
        assert ext.headers["second_citizenship"] == "2. Staatsangehörigkeit"
        assert ext.headers["ius_soli"] == "Optionskennzeichen"


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Ordnungsmerkmal", "person_id"),
        ("PERSONEN-ID", "person_id"),
        ("Kennung", "person_id"),
        ("Statistischer Bezirk", "district"),
        ("STAATSANGEHOERIGKEIT_1", "citizenship"),
        ("1. Staatsangehörigkeit", "citizenship"),
        ("Staatsangehörigkeit", "citizenship"),
        ("Staatsangehörigkeit 2", "second_citizenship"),
        ("Geburtsland", "birth_country"),
        ("eingebürgert", "naturalised"),
        ("Einbuergerungskennzeichen", "naturalised"),
        ("Herkunftsstaat", "immigrated_from"),
        ("Elternteil 2", "parent2_id"),
        ("Gesetzlicher Vertreter 1", "parent1_id"),
        ("Wohnungs-ID", "address_id"),
        ("Asyl", "asylum_background"),
        ("Vorname", None),
    ],
)
def test_german_export_headers_are_recognised_ignoring_case_blanks_hyphens_dots_and_umlauts(header, column):
    assert canonical_column(header) == column


def test_header_keys_ignore_what_people_vary():
    assert header_key(" Adress-ID ") == header_key("adress id") == header_key("ADRESS.ID") == "adressid"


def test_a_mapping_file_still_wins_over_the_german_names(tmp_path):
    path = write_extract(
        tmp_path,
        [person("1", citizenship="TR")],
        header=("Kennung", "birth_date", "citizenship", "Ordnungsmerkmal"),
    )
    with open_extract(path, {"Ordnungsmerkmal": "address_id"}) as ext:
        assert ext.headers["person_id"] == "Kennung"
        assert ext.headers["address_id"] == "Ordnungsmerkmal"


def test_two_headers_for_one_column_are_refused(tmp_path):
    path = write_extract(
        tmp_path, [person("1")], header=("person_id", "Kennung", "birth_date", "citizenship")
    )
    with pytest.raises(ExtractError, match="person_id.*mehrfach"):
        compute(path, D)
