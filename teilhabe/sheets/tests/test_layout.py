import datetime

import pytest

from teilhabe import sheets
from teilhabe.sheets import CellError, Col, Layout, SheetError


def parse_date(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(sheets.layout.text(value), "%d.%m.%Y").date()
    except ValueError:
        raise CellError("„%s“ ist kein Datum." % value) from None


LAYOUT = Layout(
    "Aktivitäten",
    (
        Col("title", "Titel", english="Title", required=True, help="Was stattfindet", width=30),
        Col("state", "Status", english="State", field="status", parse=sheets.choice({"offen": "open"})),
        Col("date", "Datum", parse=parse_date, aliases=("Termin",)),
    ),
)


def table(text: str):
    return sheets.read(text.encode(), kind="directory", filename="aktivitaeten.csv").sheets[0].table()


def test_headers_are_matched_in_any_spelling_and_english():
    bound = LAYOUT.bind(table("TITLE;status ;termin;Farbe\nSprachcafé;offen;01.03.2026;rot\n"))
    assert bound.headers == {"title": "TITLE", "state": "status", "date": "termin"}
    assert bound.unknown == ["Farbe"]
    assert bound.missing() == []
    assert bound.values(bound.rows[0]) == {
        "title": "Sprachcafé",
        "status": "open",
        "date": datetime.date(2026, 3, 1),
    }


def test_a_bad_cell_is_named_by_file_row_and_column():
    bound = LAYOUT.bind(table("Titel;Status;Datum\nA;offen;gestern\nB;zu;02.03.2026\n"))
    problems: list[str] = []
    assert bound.values(bound.rows[0], problems) == {"title": "A", "status": "open"}
    bound.values(bound.rows[1], problems)
    assert problems == [
        "aktivitaeten.csv, Zeile 2, Spalte „Datum“: „gestern“ ist kein Datum.",
        "aktivitaeten.csv, Zeile 3, Spalte „Status“: „zu“ ist kein erlaubter Wert.",
    ]
    with pytest.raises(SheetError) as raised:
        bound.values(bound.rows[0])
    assert str(raised.value) == "aktivitaeten.csv, Zeile 2, Spalte „Datum“: „gestern“ ist kein Datum."
    assert raised.value.row == 2 and raised.value.column == "Datum"


def test_missing_required_columns_and_columns_the_file_lacks():
    bound = LAYOUT.bind(table("Datum\n01.03.2026\n"))
    assert [col.header for col in bound.missing()] == ["Titel"]
    assert bound.values(bound.rows[0]) == {"date": datetime.date(2026, 3, 1)}  # absent columns: left alone


def test_the_declaration_feeds_exports_forms_and_the_template():
    assert LAYOUT.headers() == ["Titel", "Status", "Datum"]
    assert LAYOUT.fields() == ["title", "status", "date"]
    assert LAYOUT.fields(exclude=["date"]) == ["title", "status"]
    assert [(c.header, c.width) for c in LAYOUT.out_columns()] == [
        ("Titel", 30),
        ("Status", None),
        ("Datum", None),
    ]
    assert LAYOUT.out_row({"date": "x", "title": "t"}) == ["t", None, "x"]
    assert [c.key for c in LAYOUT.required()] == ["title"]


def test_a_header_meaning_two_columns_is_refused_when_declared():
    with pytest.raises(ValueError, match="both"):
        Layout("x", (Col("a", "Name"), Col("b", "Titel", aliases=("name",))))


@pytest.mark.parametrize(
    "data, name",
    [(b"Titel;Status\n", "leer.csv"), (b"\xef\xbb\xbfTitel;Status\r\n;\r\n", "leer.csv")],
)
def test_header_only_csv_has_no_data_rows(data, name):
    tables = [sheet.table() for sheet in sheets.read(data, kind="directory", filename=name).sheets]
    with pytest.raises(SheetError) as raised:
        sheets.require_data_rows(tables, name)
    assert str(raised.value) == "leer.csv: Die Datei enthält keine Datenzeilen."


def test_header_only_xlsx_has_no_data_rows():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Titel", "Status"])
    data = sheets.workbook_bytes(workbook)
    tables = [sheet.table() for sheet in sheets.read(data, kind="directory", filename="leer.xlsx").sheets]
    with pytest.raises(SheetError, match="^leer.xlsx: Die Datei enthält keine Datenzeilen.$"):
        sheets.require_data_rows(tables, "leer.xlsx")


def test_no_data_rows_in_english(settings):
    from django.utils import translation

    with translation.override("en"):
        assert str(sheets.no_data_rows("empty.csv")) == "empty.csv: The file contains no data rows."
