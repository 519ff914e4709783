import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from teilhabe import sheets
from teilhabe.sheets import Out, SheetError, read, write_csv, write_xlsx

TEXT = 'Name;Sprachen;Notizen\nTürkischer Elternverein;Türkisch, Deutsch;"Treffen; donnerstags"\n'


def table(data, name, kind="directory"):
    return read(data, kind=kind, filename=name).sheets[0].table()


def xlsx(build) -> bytes:
    workbook = Workbook()
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")],
)
def test_it_reads_the_encodings_office_software_writes(encoding, expected):
    sheet = read(TEXT.encode(encoding), kind="directory", filename="liste.csv").sheets[0]
    assert sheet.encoding == expected
    assert sheet.table().rows[0].values["Name"] == "Türkischer Elternverein"


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_it_detects_the_separator_and_keeps_quoted_fields_whole(delimiter):
    text = f'Name{delimiter}Notizen\nVerein{delimiter}"a; b, c | d\nzweite Zeile"\n'
    sheet = read(text.encode(), kind="directory", filename="x.csv").sheets[0]
    assert sheet.delimiter == delimiter
    assert sheet.table().rows[0].values == {"Name": "Verein", "Notizen": "a; b, c | d\nzweite Zeile"}


def test_row_numbers_are_the_spreadsheets_row_numbers_and_empty_rows_are_skipped():
    rows = table(b"Name;Art\n\nA;x\n;\nB;y\n", "x.csv").rows
    assert [(r.number, r.values["Name"]) for r in rows] == [(3, "A"), (5, "B")]


def test_xlsx_gives_the_visible_sheets_with_dates_and_numbers_and_reports_hidden_ones():
    def build(workbook):
        first = workbook.active
        first.title = "Organisationen"
        first.append(["Name", "Telefon", "Betrag"])
        first.append(["Klinikum", 4985112345, 2.5])
        second = workbook.create_sheet("Ansprechpersonen")
        second.append(["Name", "Einwilligung am"])
        second.append(["Anna Roth", datetime.date(2024, 2, 27)])
        second.append(["Ben Kurz", None])
        second.row_dimensions[3].hidden = True
        workbook.create_sheet("Geheim").sheet_state = "hidden"

    workbook = read(xlsx(build), kind="directory", filename="adressbuch.xlsx")
    assert [s.name for s in workbook.sheets] == ["Organisationen", "Ansprechpersonen"]
    organisations, contacts = (s.table() for s in workbook.sheets)
    assert organisations.rows[0].values == {"Name": "Klinikum", "Telefon": 4985112345, "Betrag": 2.5}
    assert contacts.rows[0].values["Einwilligung am"] == datetime.date(2024, 2, 27)
    assert contacts.source == "adressbuch.xlsx, Blatt „Ansprechpersonen“"
    assert workbook.hidden_sheets == ["Geheim"]
    assert workbook.notes() == [
        "adressbuch.xlsx: Das ausgeblendete Blatt „Geheim“ wird nicht gelesen.",
        "adressbuch.xlsx, Blatt „Ansprechpersonen“: Zeile 3 ist ausgeblendet und wird trotzdem gelesen.",
    ]


def test_a_named_sheet_is_read_alone_and_a_missing_one_is_named():
    def build(workbook):
        workbook.active.append(["erstes"])
        workbook.create_sheet("Zahlen").append(["zweites"])

    data = xlsx(build)
    chosen = read(data, kind="concept", filename="a.xlsx", sheet="Zahlen").sheets
    assert [s.rows for s in chosen] == [[["zweites"]]]
    with pytest.raises(
        SheetError, match="Das Blatt „Fehlt“ gibt es nicht; vorhanden sind: „Sheet“, „Zahlen“"
    ):
        read(data, kind="concept", filename="a.xlsx", sheet="Fehlt")


def test_merged_cells_fill_their_first_column_and_record_their_span():
    def build(workbook):
        sheet = workbook.active
        sheet.append(["Handlungsfeld", "Maßnahme"])
        sheet.append(["1 Sprache", "Sprachcafé"])
        sheet.append([None, "Lesepaten"])
        sheet.append(["Überschrift über alles"])
        sheet.merge_cells("A2:A3")
        sheet.merge_cells("A4:B4")

    sheet = read(xlsx(build), kind="concept", filename="k.xlsx").sheets[0]
    assert sheet.value(3, 1) == "1 Sprache"
    assert sheet.spans[(4, 1)] == 2
    assert sheet.width == 2


def test_a_formula_cell_reads_as_the_value_excel_last_showed():
    # openpyxl writes no cached values, so write the cell as Excel does: the formula and its cached value.
    def build(workbook):
        workbook.active.append(["Summe"])
        workbook.active.append([41])

    target = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx(build))) as zin, zipfile.ZipFile(target, "w") as zout:
        for entry in zin.infolist():
            data = zin.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="A2" t="n"><v>41</v></c>', b'<c r="A2"><f>40+1</f><v>41</v></c>')
                assert b"<f>40+1</f>" in data
            zout.writestr(entry, data)
    assert read(target.getvalue(), kind="concept", filename="f.xlsx").sheets[0].rows == [["Summe"], [41]]


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"PK\x03\x04nonsense", "kaputt.xlsx", "kaputt.xlsx: Die Datei ist keine Excel-Datei"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20,
            "alt.xls",
            "alt.xls: Die Datei ist im alten Excel",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "bild.xlsx", "bild.xlsx: Die Datei ist keine Excel-Datei"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "bild.csv", "bild.csv: Die Datei ist keine Tabelle"),
        (b"", "leer.csv", "leer.csv: Die Datei ist leer."),
        (b"a;b\n\x81\x8d\x90;x\n", "komisch.csv", "komisch.csv: Die Datei ist keine lesbare Textdatei"),
    ],
)
def test_unreadable_files_give_one_german_message_naming_the_file(data, name, message):
    with pytest.raises(SheetError) as caught:
        read(data, kind="directory", filename=name)
    assert str(caught.value).startswith(message)


def test_a_broken_quote_names_the_row():
    data = b'Name;Notiz\nA;"offen\n' + b"x" * 200_000
    with pytest.raises(SheetError, match="x.csv, Zeile 2: Die Zeile kann nicht gelesen werden"):
        read(data, kind="directory", filename="x.csv")


def test_row_and_column_caps_say_what_the_limit_is(settings):
    settings.SHEET_LIMITS = {"directory": {"max_rows": 3, "max_columns": 4}}
    read(b"a\n1\n2\n", kind="directory", filename="ok.csv")
    with pytest.raises(SheetError, match="lang.csv: Die Tabelle hat mehr als 3 Zeilen"):
        read(b"a\n1\n2\n3\n", kind="directory", filename="lang.csv")
    with pytest.raises(SheetError, match="breit.csv, Zeile 2: Die Zeile hat mehr als 4 Spalten"):
        read(b"a\n1;2;3;4;5\n", kind="directory", filename="breit.csv")

    def wide(workbook):
        workbook.active.append(["a"])
        workbook.active.append([1, 2, 3, 4, 5])

    with pytest.raises(
        SheetError, match="breit.xlsx, Blatt „Sheet“, Zeile 2: Die Zeile hat mehr als 4 Spalten"
    ):
        read(xlsx(wide), kind="directory", filename="breit.xlsx")


def test_size_limits_are_per_kind_of_upload(settings):
    settings.SHEET_LIMITS = {"directory": {"max_bytes": 1000}}
    with pytest.raises(SheetError, match="gross.csv: Die Datei ist 2 kB groß; erlaubt sind höchstens 1 kB."):
        read(b"a\n" + b"x\n" * 1000, kind="directory", filename="gross.csv")
    read(b"a\n" + b"x\n" * 1000, kind="concept", filename="gross.csv")


def test_django_uploads_are_read_by_their_name():
    upload = SimpleUploadedFile("liste.csv", TEXT.encode())
    assert read(upload, kind="directory").sheets[0].file == "liste.csv"


def test_written_files_read_back_the_same():
    rows = [["Müller; Söhne", datetime.date(2024, 1, 2), 3, "=SUMME(A1)", "-"]]
    headers = ["Name", "Datum", "Zahl", "Formel", "Strich"]
    csv_data = write_csv(headers, rows)
    assert csv_data.startswith(b"\xef\xbb\xbf")
    assert table(csv_data, "x.csv").rows[0].values == {
        "Name": "Müller; Söhne",
        "Datum": "02.01.2024",
        "Zahl": "3",
        "Formel": "=SUMME(A1)",
        "Strich": "-",
    }
    xlsx_data = write_xlsx([Out("Daten", headers, rows)])
    assert table(xlsx_data, "x.xlsx").rows[0].values == {
        "Name": "Müller; Söhne",
        "Datum": datetime.date(2024, 1, 2),
        "Zahl": 3,
        "Formel": "=SUMME(A1)",
        "Strich": "-",
    }


def test_location_names_file_sheet_row_and_column():
    where = sheets.location("a.xlsx", "Blatt 1", 4, "E-Mail")
    assert where == "a.xlsx, Blatt „Blatt 1“, Zeile 4, Spalte „E-Mail“"
