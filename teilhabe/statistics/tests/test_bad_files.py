"""Bad register extracts give German errors that name the file and the rows."""

import pytest

from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError

from .helpers import D, person, write_extract


def error_of(path, **kwargs) -> str:
    with pytest.raises(ExtractError) as exc:
        compute(path, D, **kwargs)
    return str(exc.value)


def test_missing_required_columns_are_named(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("person_id;sex\n1;m\n")
    message = error_of(path)
    assert "x.csv" in message
    assert "Pflichtspalten fehlen: birth_date, citizenship" in message


def test_duplicate_ids_name_the_id_and_its_rows(tmp_path):
    rows = [person("1"), person("2"), person("1"), person("3"), person("2")]
    message = error_of(write_extract(tmp_path, rows))
    assert "nicht eindeutig" in message
    assert "„1“ in Zeilen 2, 4" in message
    assert "„2“ in Zeilen 3, 6" in message


def test_unparseable_birth_dates_name_the_rows(tmp_path):
    rows = [person("1"), person("2", birth_date="31.02.1990"), person("3", birth_date="gestern")]
    message = error_of(write_extract(tmp_path, rows))
    assert "birth_date ist kein Datum" in message
    assert "Zeilen 3, 4" in message


def test_birth_dates_after_the_reference_date_name_the_rows(tmp_path):
    rows = [person("1"), person("2", birth_date="2024-01-01")]
    message = error_of(write_extract(tmp_path, rows))
    assert "nach dem Stichtag 31.12.2023" in message
    assert "Zeile 3" in message


@pytest.mark.parametrize("column", ["citizenship", "second_citizenship", "birth_country", "immigrated_from"])
def test_unknown_country_codes_are_named_with_column_and_rows(tmp_path, column):
    rows = [person("1"), person("2", **{column: "ZZ"}), person("3", **{column: "UK"})]
    message = error_of(write_extract(tmp_path, rows))
    assert column + " enthält unbekannte Ländercodes" in message
    assert "„UK“, „ZZ“" in message
    assert "Zeilen 3, 4" in message


@pytest.mark.parametrize("column", ["naturalised", "ius_soli", "asylum_background"])
def test_invalid_boolean_values_are_named(tmp_path, column):
    message = error_of(write_extract(tmp_path, [person("1"), person("2", **{column: "vielleicht"})]))
    assert column + " hat einen ungültigen Wert" in message
    assert "Zeile 3" in message


def test_invalid_sex_values_are_named(tmp_path):
    message = error_of(write_extract(tmp_path, [person("1", sex="5")]))
    assert "sex hat einen ungültigen Wert („5“" in message


def test_missing_ids_and_citizenships_are_named(tmp_path):
    message = error_of(write_extract(tmp_path, [person(""), person("2", citizenship="")]))
    assert "person_id fehlt in Zeile 2" in message
    assert "citizenship fehlt in Zeile 3" in message


def test_many_bad_rows_show_ten_row_numbers_and_the_count(tmp_path):
    rows = [person(str(i), citizenship="QQ" if i % 2 else "DE") for i in range(60)]
    message = error_of(write_extract(tmp_path, rows))
    assert "Zeilen 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, … (insgesamt 30 Zeilen)" in message


def test_several_problems_are_listed_together(tmp_path):
    rows = [person("1", citizenship="QQ"), person("1", birth_date="x")]
    message = error_of(write_extract(tmp_path, rows))
    assert "hat 3 Fehler" in message


def test_row_numbers_stay_right_in_a_large_file_read_in_parallel(tmp_path):
    rows = [person(str(i)) for i in range(200_000)]
    rows[123_456]["citizenship"] = "QQ"
    rows[199_998]["birth_date"] = "kaputt"
    message = error_of(write_extract(tmp_path, rows))
    assert "Zeile 123458" in message
    assert "Zeile 200000" in message


def test_an_empty_file_is_an_error(tmp_path):
    path = tmp_path / "leer.csv"
    path.write_bytes(b"")
    assert "leer.csv" in error_of(path)
    assert "Die Datei ist leer" in error_of(path)


def test_a_file_with_only_a_header_is_an_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("person_id;birth_date;citizenship\n")
    assert error_of(path) == "Datei „x.csv“: Die Datei enthält keine Datenzeilen."


def test_an_xlsx_with_only_a_header_is_an_error(tmp_path):
    import openpyxl

    path = tmp_path / "kopf.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["person_id", "birth_date", "citizenship"])
    book.save(path)
    assert error_of(path) == "Datei „kopf.xlsx“: Die Datei enthält keine Datenzeilen."


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x00\x01\x02\x03binary\x00\x00", "Die Datei ist keine Tabelle"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Die Datei ist keine Tabelle"),
        (b"person_id;birth_date;citizenship\n1;1980-01-01;D\x81\n", "nicht lesbar"),
    ],
)
def test_unreadable_files_are_an_error(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    assert message in error_of(path)


def test_a_utf16_extract_from_excel_is_read(tmp_path):
    import duckdb

    from teilhabe.statistics.extract import open_extract

    path = tmp_path / "unicode.csv"
    path.write_bytes("person_id;birth_date;citizenship\n1;1980-01-01;DE\n2;1990-02-03;TR\n".encode("utf-16"))
    with open_extract(path) as extract:
        rows = duckdb.connect().execute(extract.select_sql()).fetchall()
    assert [(r[0], r[1], r[4]) for r in rows] == [("1", "1980-01-01", "DE"), ("2", "1990-02-03", "TR")]


def test_rows_with_the_wrong_number_of_fields_are_named(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("person_id;birth_date;citizenship\n1;1980-01-01;DE\n2;1980-01-01;DE;extra\n")
    message = error_of(path)
    assert "Zeile 3" in message
    assert "falsche Anzahl von Spalten" in message


def test_a_file_that_is_not_parquet_is_an_error(tmp_path):
    path = tmp_path / "x.parquet"
    path.write_text("nope")
    assert "keine Parquet-Datei" in error_of(path)


def test_a_file_that_is_not_xlsx_is_an_error(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("nope")
    assert "keine Excel-Datei" in error_of(path)


def test_a_missing_file_is_an_error(tmp_path):
    assert "nicht gefunden" in error_of(tmp_path / "fehlt.csv")


def test_english_users_read_the_checks_in_english(tmp_path):
    from django.utils import translation

    rows = [person("1"), person("2"), person("1")]
    with translation.override("en"):
        message = error_of(write_extract(tmp_path, rows))
    assert "is not unique: 1 id occurs more than once" in message
    assert "“1” in rows 2, 4" in message
    assert "Zeile" not in message and "Datei" not in message
