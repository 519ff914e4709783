"""Encodings, separators, Parquet, XLSX and column mapping."""

import datetime as dt
import json

import duckdb
import openpyxl
import pytest

from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError, load_column_mapping

from .helpers import HEADER, D, person, write_extract

ROWS = [
    person("1", district="Sankt Jürgen", citizenship="TR"),
    person("2", district="Zone €", naturalised="ja"),
    person("3", district="Sankt Jürgen"),
]


def districts(result):
    return {district for district, _status in result.by_district}


@pytest.mark.parametrize(
    "encoding,sep",
    [("utf-8", ";"), ("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", ",")],
)
def test_csv_in_each_encoding_and_separator_reads_the_same(tmp_path, encoding, sep):
    path = write_extract(tmp_path, ROWS, sep=sep, encoding=encoding)
    r = compute(path, D)
    assert (r.residents, r.foreigners, r.germans_with_migration_background) == (3, 1, 1)
    assert districts(r) == {"Sankt Jürgen", "Zone €"}


def test_a_cp1252_file_whose_first_megabyte_is_plain_ascii_is_still_read(tmp_path):
    rows = [person(str(i), district="Altstadt") for i in range(40000)] + [person("x", district="Mühlbach")]
    path = write_extract(tmp_path, rows, encoding="cp1252")
    assert path.stat().st_size > 1024 * 1024
    assert "Mühlbach" in districts(compute(path, D))


def test_windows_line_endings_are_read(tmp_path):
    path = tmp_path / "crlf.csv"
    path.write_bytes(b"person_id;birth_date;citizenship\r\n1;1980-01-01;DE\r\n2;01.02.1990;IT\r\n")
    r = compute(path, D)
    assert (r.residents, r.foreigners_eu) == (2, 1)


def test_headers_are_case_insensitive_and_unknown_columns_are_ignored(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("PERSON_ID;Geburtsort;Birth_Date;Citizenship;Bemerkung\n1;Kempten;1980-01-01;TR;egal\n")
    r = compute(path, D)
    assert r.foreigners == 1


def test_only_required_columns_are_enough(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("person_id,birth_date,citizenship\n1,1980-01-01,DE\n2,1990-01-01,UA\n")
    r = compute(path, D)
    assert (r.residents, r.foreigners, r.nationalities) == (2, 1, 2)
    assert r.by_district == {("", "german_without_mb"): 1, ("", "foreigner"): 1}


def test_quoted_fields_with_separators_are_read(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('person_id;birth_date;citizenship;district\n1;1980-01-01;DE;"Nord; Süd"\n')
    assert districts(compute(path, D)) == {"Nord; Süd"}


def test_parquet_with_typed_columns_is_read(tmp_path):
    path = tmp_path / "x.parquet"
    con = duckdb.connect()
    con.execute(
        f"""COPY (SELECT * FROM (VALUES
            (1, DATE '1980-01-01', 'DE', true, 'Altstadt'),
            (2, DATE '1990-06-01', 'DE', false, ''),
            (3, DATE '2001-02-03', 'RO', false, 'Altstadt'))
            t(Person_ID, birth_date, citizenship, naturalised, district)) TO '{path}' (FORMAT parquet)"""
    )
    r = compute(path, D)
    assert (r.residents, r.foreigners_eu, r.by_category["naturalised"]) == (3, 1, 1)
    assert districts(r) == {"Altstadt", ""}


def test_xlsx_with_date_cells_and_numbers_is_read(tmp_path):
    path = tmp_path / "auszug.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Person_ID", "Birth_Date", "Citizenship", "Naturalised", "District"])
    ws.append([101, dt.datetime(1980, 1, 1), "DE", 1, "Mühlbach"])
    ws.append([102, "02.03.1975", "HR", 0, "Mühlbach"])
    ws.append([103, dt.date(2010, 5, 5), "DE", True, "Bühl"])
    ws.append([None, None, None])  # trailing empty rows are common in spreadsheets
    wb.save(path)
    r = compute(path, D)
    assert (r.residents, r.foreigners_eu, r.by_category["naturalised"]) == (3, 1, 2)
    assert districts(r) == {"Mühlbach", "Bühl"}


def test_xlsx_errors_name_the_spreadsheet_row(tmp_path):
    path = tmp_path / "auszug.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["person_id", "birth_date", "citizenship"])
    ws.append(["1", "1980-01-01", "DE"])
    ws.append(["2", "1980-01-01", "QQ"])
    wb.save(path)
    with pytest.raises(ExtractError) as exc:
        compute(path, D)
    assert "Zeile 3" in str(exc.value)
    assert "auszug.xlsx" in str(exc.value)


def test_a_csv_mapping_file_maps_office_headers(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        "Kennung;Geburtsdatum;Staatsangehörigkeit;Eingebürgert\n1;1980-01-01;DE;ja\n2;1970-01-01;PL;nein\n"
    )
    mapping = tmp_path / "spalten.csv"
    mapping.write_text(
        "# Zuordnung der Spalten\nsource;target\nKennung;person_id\ngeburtsdatum;birth_date\n"
        "Staatsangehörigkeit;citizenship\nEingebürgert;naturalised\n"
    )
    r = compute(path, D, columns=mapping)
    assert (r.residents, r.foreigners, r.by_category["naturalised"]) == (2, 1, 1)


def test_a_json_mapping_file_maps_office_headers(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("ID,GebDat,Staat\n1,1980-01-01,TR\n")
    mapping = tmp_path / "spalten.json"
    mapping.write_text(json.dumps({"ID": "person_id", "GebDat": "birth_date", "Staat": "citizenship"}))
    assert compute(path, D, columns=mapping).foreigners == 1


def test_a_mapping_to_an_unknown_column_is_an_error(tmp_path):
    mapping = tmp_path / "spalten.csv"
    mapping.write_text("Kennung;personen_id\n")
    with pytest.raises(ExtractError) as exc:
        load_column_mapping(mapping)
    assert "personen_id" in str(exc.value)
    assert "spalten.csv" in str(exc.value)


def test_every_canonical_column_is_understood(tmp_path):
    path = write_extract(tmp_path, [person("1", immigrated_from="AT", asylum_background="0")])
    assert compute(path, D).residents == 1
    assert len(HEADER) == 14
