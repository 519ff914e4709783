import datetime

import pytest

from teilhabe.directory.tabular import TableError, read_tables, write_csv, write_xlsx

TEXT = 'Name;Sprachen;Notizen\nTürkischer Elternverein;Türkisch, Deutsch;"Treffen; donnerstags"\n'


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_it_reads_the_encodings_office_software_writes(encoding, expected):
    table = read_tables(
        TEXT.replace(";", "\t" if encoding == "utf-16" else ";").encode(encoding), "liste.csv"
    )[0]
    assert table.encoding == expected
    assert table.rows[0].values["Name"] == "Türkischer Elternverein"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_it_detects_the_separator(delimiter):
    text = f'Name{delimiter}Notizen\nVerein{delimiter}"a; b, c"\n'
    table = read_tables(text.encode(), "x.csv")[0]
    assert table.delimiter == delimiter
    assert table.rows[0].values == {"Name": "Verein", "Notizen": "a; b, c"}


def test_row_numbers_are_the_spreadsheets_row_numbers_and_empty_rows_are_skipped():
    table = read_tables(b"Name;Art\n\nA;x\n;\nB;y\n", "x.csv")[0]
    assert [(r.number, r.values["Name"]) for r in table.rows] == [(3, "A"), (5, "B")]


def test_xlsx_gives_one_table_per_sheet_with_dates_and_numbers():
    data = write_xlsx(
        [
            ("Organisationen", ["Name", "Telefon"], [["Klinikum", 4985112345]]),
            ("Ansprechpersonen", ["Name", "Einwilligung am"], [["Anna Roth", datetime.date(2024, 2, 27)]]),
            ("Leer", [], []),
        ]
    )
    tables = read_tables(data, "adressbuch.xlsx")
    assert [t.title for t in tables] == ["Organisationen", "Ansprechpersonen"]
    assert tables[0].rows[0].values["Telefon"] == "4985112345"
    assert tables[1].rows[0].values["Einwilligung am"] == datetime.date(2024, 2, 27)
    assert tables[1].source == "adressbuch.xlsx, Blatt „Ansprechpersonen“"


def test_broken_files_give_a_german_message_naming_the_file():
    with pytest.raises(TableError, match="kaputt.xlsx: Die Excel-Datei ist beschädigt"):
        read_tables(b"PK\x03\x04nonsense", "kaputt.xlsx")
    with pytest.raises(TableError, match="alt.xls: Das alte Excel-Format"):
        read_tables(b"\xd0\xcf\x11\xe0" + b"\x00" * 20, "alt.xls")


def test_written_csv_opens_in_german_excel_and_reads_back():
    data = write_csv(["Name", "Datum"], [["Müller; Söhne", datetime.date(2024, 1, 2)]])
    assert data.startswith(b"\xef\xbb\xbf")
    row = read_tables(data, "x.csv")[0].rows[0]
    assert row.values == {"Name": "Müller; Söhne", "Datum": "02.01.2024"}
