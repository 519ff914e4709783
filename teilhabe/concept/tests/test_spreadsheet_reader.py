"""The concept sheet reader copes with messy municipal spreadsheets and explains what it cannot read."""

import datetime as dt

from teilhabe.concept.spreadsheet import read_concept_sheet
from teilhabe.concept.tests.sheets import STANDARD_HEADER, csv_bytes, tidy_rows, write_xlsx, xlsx_bytes


def read(rows, merges=(), name="konzept.xlsx", **kwargs):
    return read_concept_sheet(xlsx_bytes(rows, merges, **kwargs), filename=name)


def numbers(items):
    return [item.number for item in items]


def test_it_reads_a_tidy_sheet_into_fields_goals_and_measures(tmp_path):
    sheet = read_concept_sheet(write_xlsx(tmp_path / "konzept.xlsx", tidy_rows()))
    assert sheet.ok, sheet.errors
    assert [(f.number, f.title) for f in sheet.fields] == [
        ("1", "Sprache und Bildung"),
        ("2", "Arbeit und Ausbildung"),
    ]
    assert [(g.number, g.field_number) for g in sheet.goals] == [("1.1", "1"), ("1.2", "1"), ("2.1", "2")]
    assert numbers(sheet.measures) == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    first = sheet.measures[0]
    assert first.row == 2
    assert first.title == "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek"
    assert (first.field_number, first.goal_number) == ("1", "1.1")
    assert first.lead == ["Kulturamt"]
    assert first.status == "in Umsetzung"
    assert first.timeframe.start == dt.date(2024, 3, 1)
    assert first.timeframe.ongoing is True
    assert sheet.header_row == 1
    assert sheet.columns["measure"].letter == "F"


def test_it_finds_the_header_below_title_rows_and_accepts_other_wordings():
    rows = [
        ["Integrationskonzept der Stadt Musterstadt"],
        ["Umsetzungsstand, Zwischenstand Oktober 2023"],
        [],
        [
            "  HF ",
            "Ziel-Nr.",
            "ZIEL",
            "Maßnahmen-\nNr.",
            "Massnahme ",
            "federführend",
            "Kooperationspartner",
            "Zeitrahmen",
            "Umsetzungsstand",
            "Priorität",
            "Indikator",
        ],
        [
            "1 Sprache und Bildung",
            "1.1",
            "Frühe Sprachförderung",
            "1.1.1",
            "Vorlesenachmittage  ",
            " Kulturamt ",
            "Caritas",
            "seit 2022",
            "dauerhaft umgesetzt",
            "hoch",
            "Zahl der Termine",
        ],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert sheet.header_row == 4
    assert sheet.title_lines == [
        "Integrationskonzept der Stadt Musterstadt",
        "Umsetzungsstand, Zwischenstand Oktober 2023",
    ]
    measure = sheet.measures[0]
    assert (measure.number, measure.title) == ("1.1.1", "Vorlesenachmittage")
    assert sheet.fields[0].title == "Sprache und Bildung"
    assert measure.lead == ["Kulturamt"]
    assert measure.involved == ["Caritas"]
    assert measure.timeframe.start == dt.date(2022, 1, 1)
    assert measure.timeframe.ongoing
    assert measure.status == "dauerhaft umgesetzt"
    assert (measure.priority, measure.indicator) == ("hoch", "Zahl der Termine")


def test_merged_field_and_goal_cells_apply_to_every_row_of_the_range():
    rows = [
        ["Handlungsfeld", "Ziel", "Nr.", "Maßnahme", "Verantwortlich"],
        ["1. Sprache und Bildung", "1.1 Frühe Sprachförderung", "1.1.1", "Vorlesenachmittage", "Kulturamt"],
        [None, None, "1.1.2", "Sprachcafés", "Amt für Integration"],
        [None, "1.2 Eltern einbeziehen", "1.2.1", "Elternabende mit Dolmetschern", "Amt für Schulen"],
        [],
        ["2. Arbeit und Ausbildung", "2.1 Arbeitsmarkt", "2.1.1", "Jobbörse für Geflüchtete", "Jobcenter"],
        [None, None, "2.1.2", "Bewerbungstraining", "Jobcenter"],
    ]
    sheet = read(rows, merges=["A2:A4", "B2:B3", "A6:A7", "B6:B7"])
    assert sheet.ok, sheet.errors
    assert [(m.number, m.field_number, m.goal_number) for m in sheet.measures] == [
        ("1.1.1", "1", "1.1"),
        ("1.1.2", "1", "1.1"),
        ("1.2.1", "1", "1.2"),
        ("2.1.1", "2", "2.1"),
        ("2.1.2", "2", "2.1"),
    ]
    assert [m.row for m in sheet.measures] == [2, 3, 4, 6, 7]
    assert [g.title for g in sheet.goals] == ["Frühe Sprachförderung", "Eltern einbeziehen", "Arbeitsmarkt"]


def test_blank_field_and_goal_cells_carry_the_value_from_above_without_merging():
    rows = [
        ["Nr. Handlungsfeld", "Handlungsfeld", "Ziel-Nr.", "Ziel", "Maßnahme"],
        [1, "Sprache", 1.1, "Frühe Förderung", "1.1.1 Vorlesen"],
        [None, None, None, None, "1.1.2 Sprachcafé"],
        [None, None, 1.2, "Eltern", "1.2.1 Elternabende"],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert [(m.number, m.title, m.goal_number) for m in sheet.measures] == [
        ("1.1.1", "Vorlesen", "1.1"),
        ("1.1.2", "Sprachcafé", "1.1"),
        ("1.2.1", "Elternabende", "1.2"),
    ]


def test_fields_and_goals_given_only_in_heading_rows_above_the_measures():
    rows = [
        ["Nr.", "Maßnahme", "Federführung", "Zeitraum"],
        ["Handlungsfeld 1: Sprache und Bildung"],
        ["Ziel 1.1 – Frühe Sprachförderung stärken"],
        [1, "Vorlesenachmittage", "Kulturamt", "2023-2025"],
        [2, "Sprachcafés", "Amt für Integration", "laufend"],
        ["1.2 Eltern einbeziehen"],
        ["1.2.1", "Elternabende", "Amt für Schulen", "ab 2024"],
        [None],
        ["HF 2: Arbeit und Ausbildung"],
        ["Ziel 1: Arbeitsmarkt öffnen"],
        [1, "Jobbörse für Geflüchtete", "Jobcenter", "03/2024"],
    ]
    sheet = read(rows, merges=["A2:D2", "A3:D3", "A6:D6"])
    assert sheet.ok, sheet.errors
    assert [(f.number, f.title) for f in sheet.fields] == [
        ("1", "Sprache und Bildung"),
        ("2", "Arbeit und Ausbildung"),
    ]
    assert [(g.number, g.title) for g in sheet.goals] == [
        ("1.1", "Frühe Sprachförderung stärken"),
        ("1.2", "Eltern einbeziehen"),
        ("2.1", "Arbeitsmarkt öffnen"),
    ]
    assert numbers(sheet.measures) == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    assert sheet.measures[0].timeframe.end == dt.date(2025, 12, 31)
    assert sheet.measures[3].timeframe.start == dt.date(2024, 3, 1)


def test_number_and_title_may_come_in_separate_or_combined_columns_in_one_sheet():
    rows = [
        ["HF-Nr.", "Handlungsfeld", "Ziel", "Maßnahme"],
        ["3", "3 Gesundheit und Pflege", "Ziel 3.1: Pflege erklären", "3.1.1 Vorträge zur häuslichen Pflege"],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert sheet.fields[0].title == "Gesundheit und Pflege"
    assert sheet.goals[0].title == "Pflege erklären"
    assert sheet.measures[0].title == "Vorträge zur häuslichen Pflege"


def test_dates_written_as_text_or_as_excel_dates_become_a_timeframe():
    rows = [
        ["Handlungsfeld", "Ziel", "Nr.", "Maßnahme", "Beginn", "Ende"],
        ["1 Sprache", "1.1 Früh", "1.1.1", "A", "01.03.2024", "31.12.2025"],
        [None, None, "1.1.2", "B", "2024", None],
        [None, None, "1.1.3", "C", "ab 2023", "laufend"],
        [None, None, "1.1.4", "D", "seit 2022", None],
        [None, None, "1.1.5", "E", "fortlaufend", None],
        [None, None, "1.1.6", "F", dt.datetime(2024, 5, 1), dt.datetime(2024, 6, 30)],
        [None, None, "1.1.7", "G", 2023, 2026],
        [None, None, "1.1.8", "H", "März 2024", "Q4 2024"],
        [None, None, "1.1.9", "I", "mittelfristig", None],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    frames = {m.number: m.timeframe for m in sheet.measures}
    assert (frames["1.1.1"].start, frames["1.1.1"].end) == (dt.date(2024, 3, 1), dt.date(2025, 12, 31))
    assert (frames["1.1.2"].start, frames["1.1.2"].end) == (dt.date(2024, 1, 1), None)
    assert (frames["1.1.3"].start, frames["1.1.3"].ongoing) == (dt.date(2023, 1, 1), True)
    assert (frames["1.1.4"].start, frames["1.1.4"].ongoing) == (dt.date(2022, 1, 1), True)
    assert (frames["1.1.5"].start, frames["1.1.5"].ongoing) == (None, True)
    assert (frames["1.1.6"].start, frames["1.1.6"].end) == (dt.date(2024, 5, 1), dt.date(2024, 6, 30))
    assert (frames["1.1.7"].start, frames["1.1.7"].end) == (dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    assert (frames["1.1.8"].start, frames["1.1.8"].end) == (dt.date(2024, 3, 1), dt.date(2024, 12, 31))
    assert frames["1.1.9"].horizon_only and frames["1.1.9"].text == "mittelfristig"
    assert any("mittelfristig" in str(w) for w in sheet.warnings)


def test_several_organisations_in_one_cell_are_split_on_commas_semicolons_slashes_and_line_breaks():
    rows = [
        ["Handlungsfeld", "Ziel", "Maßnahme", "Federführung", "Beteiligte"],
        [
            "1 Gesundheit",
            "1.1 Pflege",
            "1.1.1 Vorträge",
            "Amt für Integration",
            "Caritas, Diakonie; Jobcenter / Klinikum\nUkrainischer Verein ,  Caritas",
        ],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert sheet.measures[0].involved == [
        "Caritas",
        "Diakonie",
        "Jobcenter",
        "Klinikum",
        "Ukrainischer Verein",
    ]


def test_a_two_row_header_with_number_and_title_under_a_merged_heading():
    rows = [
        ["Handlungsfeld", None, "Ziel", None, "Maßnahme", None, "Federführung"],
        ["Nr.", "Titel", "Nr.", "Titel", "Nr.", "Bezeichnung", None],
        [1, "Sprache", "1.1", "Früh", "1.1.1", "Vorlesen", "Kulturamt"],
    ]
    sheet = read(rows, merges=["A1:B1", "C1:D1", "E1:F1", "G1:G2"])
    assert sheet.ok, sheet.errors
    assert {role: column.letter for role, column in sheet.columns.items()} == {
        "field_number": "A",
        "field": "B",
        "goal_number": "C",
        "goal": "D",
        "measure_number": "E",
        "measure": "F",
        "lead": "G",
    }
    assert (sheet.measures[0].number, sheet.measures[0].title, sheet.measures[0].lead) == (
        "1.1.1",
        "Vorlesen",
        ["Kulturamt"],
    )


def test_goals_without_numbers_are_numbered_in_order_with_a_warning():
    rows = [
        ["Handlungsfeld", "Ziel", "Nr.", "Maßnahme"],
        ["1 Sprache", "Frühe Förderung", "1", "Vorlesen"],
        [None, "Eltern einbeziehen", "1", "Elternabende"],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert [(g.number, g.title) for g in sheet.goals] == [
        ("1.1", "Frühe Förderung"),
        ("1.2", "Eltern einbeziehen"),
    ]
    assert numbers(sheet.measures) == ["1.1.1", "1.2.1"]
    assert any("erhält die Nummer 1.2" in str(w) for w in sheet.warnings)


def test_repeated_headers_blank_rows_and_footnotes_are_skipped():
    rows = tidy_rows()[:3] + [
        [],
        STANDARD_HEADER,
        tidy_rows()[3],
        [None, None, None],
        ["* Stand: 01.10.2023"],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert numbers(sheet.measures) == ["1.1.1", "1.1.2", "1.2.1"]
    assert any("Stand: 01.10.2023" in str(w) and "Zeile 8" in str(w) for w in sheet.warnings)


def test_it_picks_the_worksheet_that_holds_the_table():
    workbook_rows = tidy_rows()
    data = xlsx_bytes(
        [["Hinweise zum Ausfüllen"], ["Bitte eine Zeile je Maßnahme."]],
        title="Hinweise",
        extra_sheets=[("Maßnahmen", workbook_rows)],
    )
    sheet = read_concept_sheet(data, filename="konzept.xlsx")
    assert sheet.ok, sheet.errors
    assert sheet.sheet_name == "Maßnahmen"
    assert len(sheet.measures) == 4


def test_it_reads_csv_with_semicolons_and_a_byte_order_mark():
    sheet = read_concept_sheet(csv_bytes(tidy_rows()), filename="konzept.csv")
    assert sheet.ok, sheet.errors
    assert numbers(sheet.measures) == ["1.1.1", "1.1.2", "1.2.1", "2.1.1"]
    assert sheet.measures[1].involved == ["Ukrainischer Verein", "Caritas"]


def test_it_reads_csv_saved_by_a_german_excel_in_windows_encoding_with_commas():
    sheet = read_concept_sheet(
        csv_bytes(tidy_rows(), delimiter=",", encoding="cp1252"), filename="konzept.csv"
    )
    assert sheet.ok, sheet.errors
    assert sheet.fields[0].title == "Sprache und Bildung"
    assert sheet.measures[0].title == "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek"


# ---------------------------------------------------------------------------------------------------------
# Errors: each names file, row and column in German


def errors(sheet):
    return [str(error) for error in sheet.errors]


def test_a_measure_without_number_is_reported_with_row_and_column():
    rows = [["Konzept"]] * 2 + [["Handlungsfeld", "Ziel", "Maßnahme", "Federführung"]]
    rows += [["1 Sprache", "1.1 Früh", f"1.1.{i} Maßnahme {i}", "Kulturamt"] for i in range(1, 11)]
    rows += [[None, None, "Vorlesenachmittage", "Kulturamt"]]
    sheet = read(rows)
    assert errors(sheet) == ["konzept.xlsx, Zeile 14, Spalte C (Maßnahme): Nummer fehlt"]


def test_a_missing_title_a_duplicate_number_and_a_bad_date_are_all_reported_at_once():
    rows = tidy_rows()
    rows[2][5] = None  # title of 1.1.2
    rows[3][4] = "1.1.1"  # duplicate of row 2 (and it does not fit goal 1.2 either)
    rows[4][8] = "31.02.2024"
    sheet = read(rows)
    assert errors(sheet) == [
        "konzept.xlsx, Zeile 3, Spalte F (Maßnahme): Titel der Maßnahme 1.1.2 fehlt.",
        "konzept.xlsx, Zeile 4, Spalte E (Maßnahme Nr.): Die Nummer der Maßnahme 1.1.1 passt nicht zu Ziel 1.2.",
        "konzept.xlsx, Zeile 5, Spalte I (Beginn): „31.02.2024“ ist kein gültiges Datum.",
    ]


def test_a_duplicate_measure_number_names_the_first_row():
    rows = tidy_rows()
    rows[2][4] = "1.1.1"
    assert errors(read(rows)) == [
        "konzept.xlsx, Zeile 3, Spalte E (Maßnahme Nr.): Die Maßnahme 1.1.1 kommt doppelt vor (zuerst in Zeile 2)."
    ]


def test_an_unreadable_date_says_what_is_possible():
    rows = tidy_rows()
    rows[1][9] = "nach Absprache"
    (message,) = errors(read(rows))
    assert message.startswith(
        "konzept.xlsx, Zeile 2, Spalte J (Ende): „nach Absprache“ ist kein erkennbares Datum."
    )
    assert "laufend" in message


def test_an_end_before_the_start_is_an_error():
    rows = tidy_rows()
    rows[2][8], rows[2][9] = "2025", "2024"
    assert errors(read(rows)) == ["konzept.xlsx, Zeile 3, Spalte J (Ende): Das Ende liegt vor dem Beginn."]


def test_a_field_with_two_different_titles_is_an_error():
    rows = tidy_rows()
    rows[3][1] = "Bildung"
    assert errors(read(rows)) == [
        "konzept.xlsx, Zeile 4, Spalte B (Handlungsfeld): Nummer 1 hat hier den Titel „Bildung“, "
        "in Zeile 2 aber „Sprache und Bildung“."
    ]


def test_a_goal_numbered_for_another_field_is_an_error():
    rows = tidy_rows()
    rows[4][2] = "1.5"
    assert "Die Nummer des Ziels 1.5 passt nicht zu Handlungsfeld 2." in errors(read(rows))[0]


def test_a_measure_before_any_goal_is_an_error():
    rows = [["Handlungsfeld", "Ziel", "Nr.", "Maßnahme"], ["1 Sprache", None, "1", "Vorlesen"]]
    assert errors(read(rows)) == [
        "konzept.xlsx, Zeile 2, Spalte B (Ziel): Für Maßnahme 1 ist kein Ziel angegeben."
    ]


def test_a_number_excel_turned_into_a_date_is_explained():
    rows = tidy_rows()
    rows[2][4] = dt.datetime(2024, 3, 2)
    (message,) = errors(read(rows))
    assert message.startswith(
        "konzept.xlsx, Zeile 3, Spalte E (Maßnahme Nr.): Excel hat die Nummer in ein Datum"
    )


def test_text_in_a_number_column_is_an_error():
    rows = tidy_rows()
    rows[2][4] = "neu"
    assert errors(read(rows)) == [
        "konzept.xlsx, Zeile 3, Spalte E (Maßnahme Nr.): „neu“ ist keine gültige Nummer (erwartet z. B. 2 oder 2.3 oder 2.3.1)."
    ]


def test_details_without_a_measure_are_an_error():
    rows = tidy_rows() + [[None, None, None, None, None, None, "Kulturamt"]]
    assert errors(read(rows)) == [
        "konzept.xlsx, Zeile 6, Spalte F (Maßnahme): Titel und Nummer der Maßnahme fehlen."
    ]


def test_a_sheet_without_a_recognisable_header_is_rejected():
    sheet = read([["Name", "Telefon"], ["Kulturamt", "123"]])
    (message,) = errors(sheet)
    assert message.startswith("konzept.xlsx: Keine Kopfzeile gefunden.")
    assert "Maßnahmen" in message  # names the worksheets it looked at


def test_a_sheet_without_a_measure_title_column_is_rejected():
    sheet = read([["Handlungsfeld", "Ziel", "Maßnahme Nr.", "Federführung"], ["1 A", "1.1 B", "1.1.1", "X"]])
    (message,) = errors(sheet)
    assert message.startswith("konzept.xlsx, Zeile 1: Die Spalte „Maßnahme“ (Titel der Maßnahme) fehlt.")


def test_an_old_excel_file_is_rejected_with_advice():
    sheet = read_concept_sheet(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, filename="alt.xls")
    assert errors(sheet)[0].startswith("alt.xls: Die Datei ist im alten Excel-Format (.xls).")


def test_a_broken_xlsx_and_an_empty_file_are_rejected():
    assert (
        "keine Excel-Datei (.xlsx)" in errors(read_concept_sheet(b"PK\x03\x04broken", filename="x.xlsx"))[0]
    )
    assert errors(read_concept_sheet(b"", filename="leer.csv")) == ["leer.csv: Die Datei ist leer."]


def test_a_sheet_with_header_but_no_measures_is_an_error():
    heading = ["Handlungsfeld 1: Sprache und Bildung"] + [None] * (len(STANDARD_HEADER) - 1)
    assert errors(read([STANDARD_HEADER, heading])) == ["konzept.xlsx: Die Tabelle enthält keine Maßnahmen."]


def test_a_sheet_with_only_a_header_row_has_no_data_rows():
    assert errors(read([STANDARD_HEADER])) == ["konzept.xlsx: Die Datei enthält keine Datenzeilen."]
    csv = ";".join(STANDARD_HEADER).encode("utf-8-sig") + b"\r\n;;;\r\n"
    assert errors(read_concept_sheet(csv, filename="nur-kopf.csv")) == [
        "nur-kopf.csv: Die Datei enthält keine Datenzeilen."
    ]


def test_a_bare_number_column_in_front_takes_its_level_from_its_values():
    rows = [
        ["Nr.", "Handlungsfeld", "Ziel", "Maßnahme"],
        ["1.1.1", "1 Sprache", "1.1 Früh", "Vorlesen"],
        ["1.1.2", None, None, "Sprachcafé"],
    ]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    assert sheet.columns["measure_number"].letter == "A"
    assert [(m.number, m.title) for m in sheet.measures] == [("1.1.1", "Vorlesen"), ("1.1.2", "Sprachcafé")]


def test_formatting_far_below_the_table_does_not_make_reading_slow():
    import io
    import time

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in tidy_rows():
        sheet.append(row)
    sheet.cell(1_000_000, 3).number_format = "@"  # a column formatted down to the bottom
    buffer = io.BytesIO()
    workbook.save(buffer)
    started = time.perf_counter()
    result = read_concept_sheet(buffer.getvalue(), filename="konzept.xlsx")
    assert result.ok and len(result.measures) == 4
    assert time.perf_counter() - started < 5


def test_columns_it_does_not_know_are_named_in_a_warning():
    rows = tidy_rows()
    rows[0] = rows[0] + ["Interne Notiz", None, "Ansprechperson"]
    sheet = read(rows)
    assert sheet.ok
    assert (
        "konzept.xlsx, Zeile 1: Diese Spalten werden nicht gelesen: L „Interne Notiz“, N „Ansprechperson“."
        in [str(w) for w in sheet.warnings]
    )


def test_more_ways_to_write_a_running_timeframe():
    rows = [["Handlungsfeld", "Ziel", "Maßnahme", "Zeitraum"]]
    texts = ["2023 ff.", "laufend seit 2021", "fortlaufend ab 03/2024", "2022 - offen"]
    rows += [["1 Sprache", "1.1 Früh", f"1.1.{i} M{i}", text] for i, text in enumerate(texts, start=1)]
    sheet = read(rows)
    assert sheet.ok, sheet.errors
    frames = [(m.timeframe.start, m.timeframe.end, m.timeframe.ongoing) for m in sheet.measures]
    assert frames == [
        (dt.date(2023, 1, 1), None, False),
        (dt.date(2021, 1, 1), None, True),
        (dt.date(2024, 3, 1), None, True),
        (dt.date(2022, 1, 1), None, True),
    ]
