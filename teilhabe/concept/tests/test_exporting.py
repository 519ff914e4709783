"""Exports in the importer's layout: XLSX and CSV, current status and closed rounds; the round trip."""

import datetime as dt
import io

import openpyxl
import pytest
from django.utils import translation

from teilhabe.concept.exporting import concept_export, round_export, to_csv, to_xlsx
from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import FieldOfAction, Focus, Goal, Measure, Status
from teilhabe.concept.services import reporting
from teilhabe.concept.tests.sheets import tidy_rows, xlsx_bytes
from teilhabe.concept.tests.test_importing import directory  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(municipality, directory):  # noqa: F811
    rows = [
        row + extra
        for row, extra in zip(
            tidy_rows(),
            [
                [
                    "Priorität",
                    "Schlagworte",
                    "Schwerpunkt",
                    "Indikator",
                    "Kosten / Finanzierung",
                    "Beschreibung",
                ],
                ["hoch", "Kinder, Lesen", "2024", "Zahl der Termine", "500 € je Jahr", "Einmal im Monat."],
                ["", "", "", "", "", ""],
                ["mittel", "", "2024, 2025", "", "", ""],
                ["", "Arbeit", "", "", "Förderprogramm", ""],
            ],
            strict=True,
        )
    ]
    rows.append(
        [
            "2",
            "Arbeit und Ausbildung",
            "2.1",
            "Zugang zum Arbeitsmarkt erleichtern",
            "2.1.2",
            "Bewerbungswerkstatt",
            "Jobcenter",
            "",
            "mittelfristig",
            "",
            "nicht begonnen",
            "niedrig",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    result = import_concept(
        municipality,
        xlsx_bytes(rows),
        None,
        title="Integrationskonzept",
        short_name="KIK",
        filename="start.xlsx",
    )
    assert result.saved, [str(e) for e in result.errors]
    return result.concept


def snapshot(concept):
    """Everything an import can change, in comparable form."""
    measures = Measure.objects.filter(concept=concept).order_by("sort_key")
    return {
        "fields": list(
            FieldOfAction.objects.filter(concept=concept).order_by("number").values_list("number", "title")
        ),
        "goals": list(
            Goal.objects.filter(field_of_action__concept=concept)
            .order_by("sort_key")
            .values_list("field_of_action__number", "number", "title")
        ),
        "measures": [
            (
                m.number,
                m.title,
                m.description,
                m.goal.number,
                m.lead_id and m.lead.name,
                sorted(o.name for o in m.involved.all()),
                m.start,
                m.end,
                m.ongoing,
                m.timeframe_note,
                m.priority,
                m.cost_note,
                m.success_indicator,
                sorted(t.name for t in m.tags.all()),
                sorted(f.year for f in m.foci.all()),
                m.current_status_id and m.current_status.name,
            )
            for m in measures
        ],
    }


def test_the_xlsx_export_has_title_lines_a_frozen_filtered_header_and_real_dates(concept):
    data = to_xlsx(concept_export(concept, today=dt.date(2024, 6, 1)))
    workbook = openpyxl.load_workbook(__import__("io").BytesIO(data))
    sheet = workbook["Maßnahmen"]
    assert sheet["A1"].value == "Integrationskonzept"
    assert sheet["A2"].value == "Kurzname: KIK"
    assert sheet["A3"].value.startswith("Umsetzungsstand vom 01.06.2024")
    assert [c.value for c in sheet[5]][:6] == [
        "Handlungsfeld Nr.",
        "Handlungsfeld",
        "Ziel Nr.",
        "Ziel",
        "Maßnahme Nr.",
        "Maßnahme",
    ]
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:R10"
    assert sheet.column_dimensions["F"].width == 44
    first = {sheet.cell(5, col).value: sheet.cell(6, col).value for col in range(1, 19)}
    assert first["Maßnahme Nr."] == "1.1.1"
    assert first["Beginn"] == dt.datetime(2024, 3, 1)
    assert first["Ende"] == "laufend"
    assert first["Federführung"] == "Kulturamt"
    assert first["Beteiligte"] == "Integrationsbeirat"
    assert first["Priorität"] == "hoch"
    assert first["Status"] == "in Umsetzung"
    assert workbook["Listen"].sheet_state == "hidden"


def test_the_csv_export_is_utf8_with_bom_and_semicolons(concept):
    data = to_csv(concept_export(concept))
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[:3] == ["Handlungsfeld Nr.", "Handlungsfeld", "Ziel Nr."]
    assert lines[1].startswith("1;Sprache und Bildung;1.1;Frühe Sprachförderung stärken;1.1.1;")
    assert ";01.03.2024;laufend;" in lines[1]
    assert len(lines) == 6


@pytest.mark.parametrize("writer", [to_xlsx, to_csv], ids=["xlsx", "csv"])
def test_an_export_imports_back_into_the_same_concept_without_changes(municipality, concept, writer):
    before = snapshot(concept)
    data = writer(concept_export(concept))
    result = import_concept(municipality, data, concept, filename="export." + writer.__name__[3:])
    assert result.ok, [str(e) for e in result.errors]
    assert result.changes == []
    assert result.unchanged == {"field": 2, "goal": 3, "measure": 5}
    assert snapshot(concept) == before


@pytest.mark.parametrize("reader_language", ["de", "en"])
@pytest.mark.parametrize("writer", [to_xlsx, to_csv], ids=["xlsx", "csv"])
def test_an_english_export_has_english_headers_and_imports_back_in_either_language(
    municipality, concept, writer, reader_language
):
    before = snapshot(concept)
    with translation.override("en"):
        data = writer(concept_export(concept))
    if writer is to_csv:
        header = data.decode("utf-8-sig").splitlines()[0]
    else:
        book = openpyxl.load_workbook(io.BytesIO(data))
        assert book.sheetnames[0] == "Measures"
        rows = book.active.iter_rows(values_only=True)
        header = ";".join(str(v) for v in next(r for r in rows if r[0] and "no." in str(r[0])) if v)
    assert header.startswith("Field of action no.;Field of action;Goal no.;Goal;Measure no.;Measure;")
    assert "Maßnahme" not in header and "Handlungsfeld" not in header
    with translation.override(reader_language):
        result = import_concept(municipality, data, concept, filename="export." + writer.__name__[3:])
    assert result.ok, [str(e) for e in result.errors]
    assert result.changes == []
    assert snapshot(concept) == before


@pytest.mark.parametrize("writer", [to_xlsx, to_csv], ids=["xlsx", "csv"])
def test_an_export_imported_as_a_new_concept_recreates_the_same_structure(municipality, concept, writer):
    data = writer(concept_export(concept))
    result = import_concept(
        municipality, data, None, filename="export." + writer.__name__[3:], title="Kopie", short_name="KOPIE"
    )
    assert result.saved, [str(e) for e in result.errors]
    assert snapshot(result.concept) == snapshot(concept)
    assert Focus.objects.filter(concept=result.concept).count() == 2


def test_a_new_concept_from_an_xlsx_export_takes_its_title_and_short_name(municipality, concept):
    result = import_concept(municipality, to_xlsx(concept_export(concept)), None, filename="export.xlsx")
    assert (result.concept.title, result.concept.short_name) == ("Integrationskonzept", "KIK")


def test_the_status_after_reports_exports_and_still_round_trips(municipality, concept, office_user):
    in_progress = Status.objects.get(municipality=municipality, name="umgesetzt")
    measure = Measure.objects.get(concept=concept, number="1.1.1")
    a_round = reporting.open_round(
        concept, "Zwischenstand Oktober 2023", dt.date(2023, 10, 31), allow_past=True
    )
    reporting.save_report(
        a_round,
        measure,
        office_user,
        reporting.ReportInput(in_progress, done="Zwölf Termine."),
        is_office=True,
        accept=True,
    )
    before = snapshot(concept)
    export = concept_export(concept)
    row = next(r for r in export.rows if r["measure_number"] == "1.1.1")
    assert (row["status"], row["status_note"]) == ("umgesetzt", "Zwölf Termine.")
    result = import_concept(municipality, to_xlsx(export), concept, filename="export.xlsx")
    assert result.changes == []
    assert snapshot(concept) == before


def test_a_closed_round_exports_exactly_as_it_was_closed(municipality, concept, office_user):
    statuses = {s.name: s for s in Status.objects.filter(municipality=municipality)}
    measure = Measure.objects.get(concept=concept, number="1.1.1")
    a_round = reporting.open_round(
        concept, "Zwischenstand Oktober 2023", dt.date(2023, 10, 31), allow_past=True
    )
    reporting.save_report(
        a_round,
        measure,
        office_user,
        reporting.ReportInput(
            statuses["in Umsetzung"],
            done="Sechs Termine.",
            next_steps="Mehr Sprachen.",
            obstacles="Räume fehlen.",
        ),
        is_office=True,
        accept=True,
    )
    reporting.close_round(a_round, office_user)
    # Later changes to the measure and the vocabulary do not change the closed round's export.
    measure.title = "Umbenannt"
    measure.save()
    Status.objects.filter(pk=statuses["in Umsetzung"].pk).update(name="läuft")
    a_round.refresh_from_db()
    export = round_export(a_round)
    assert export.title_lines[2].startswith(
        "Berichtsrunde „Zwischenstand Oktober 2023“, Meldefrist 31.10.2023"
    )
    (row,) = export.rows
    assert (row["measure_number"], row["measure"], row["status"]) == (
        "1.1.1",
        "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek",
        "in Umsetzung",
    )
    assert (row["status_note"], row["next_steps"], row["obstacles"]) == (
        "Sechs Termine.",
        "Mehr Sprachen.",
        "Räume fehlen.",
    )
    sheet = openpyxl.load_workbook(__import__("io").BytesIO(to_xlsx(export)))["Maßnahmen"]
    assert [c.value for c in sheet[5]][-4:] == [
        "Nächste Schritte",
        "Hindernisse",
        "Gemeldet von",
        "Gemeldet am",
    ]
    assert "Sechs Termine." in to_csv(export).decode("utf-8-sig")


def test_exports_use_a_bounded_number_of_queries(concept, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        to_xlsx(concept_export(concept))


def test_a_round_export_still_imports_into_its_concept_without_changes(municipality, concept, office_user):
    statuses = {s.name: s for s in Status.objects.filter(municipality=municipality)}
    a_round = reporting.open_round(concept, "Zwischenstand Mai 2024", dt.date(2024, 5, 31), allow_past=True)
    for measure in Measure.objects.filter(concept=concept):
        reporting.save_report(
            a_round,
            measure,
            office_user,
            reporting.ReportInput(statuses["umgesetzt"], done="Ok."),
            is_office=True,
            accept=True,
        )
    reporting.close_round(a_round, office_user)
    a_round.refresh_from_db()
    before = snapshot(concept)
    result = import_concept(municipality, to_xlsx(round_export(a_round)), concept, filename="runde.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert result.changes == []
    assert snapshot(concept) == before


def test_the_xlsx_export_prints_readably(concept):
    """Landscape on A4, one page wide, the header row repeated on every page, wrapped cells with row heights
    that fit their text (LibreOffice showed overlapping rows and clipped headers without them)."""
    measure = Measure.objects.filter(concept=concept).first()
    measure.description = "Eine lange Beschreibung, die in der Spalte umbrechen muss. " * 6
    measure.save()
    export = concept_export(concept)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(export))).active
    header_row = len(export.title_lines) + 2
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert all(cell.alignment.wrap_text for cell in sheet[header_row])
    assert sheet.row_dimensions[header_row].height >= 15
    description_column = [c.value for c in sheet[header_row]].index("Beschreibung") + 1
    heights = {}
    for row in range(header_row + 1, sheet.max_row + 1):
        cell = sheet.cell(row, description_column)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        heights[row] = sheet.row_dimensions[row].height
        assert heights[row] and heights[row] >= 15
    long_row = next(
        r for r in heights if (sheet.cell(r, description_column).value or "").startswith("Eine lange")
    )
    width = sheet.column_dimensions[openpyxl.utils.get_column_letter(description_column)].width
    lines = len(sheet.cell(long_row, description_column).value) / width
    assert heights[long_row] >= 15 * lines  # tall enough for every wrapped line
    assert heights[long_row] > min(heights.values())
