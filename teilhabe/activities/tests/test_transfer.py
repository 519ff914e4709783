"""Export of a year's activities and import back: a round trip changes nothing; bad rows are refused with
file, row and column; the upload runs as a preview job and a confirmed import job."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from teilhabe.activities.layout import ACTIVITIES
from teilhabe.activities.models import Activity, TargetGroup, Venue
from teilhabe.activities.services.activities import add_partner, change_state
from teilhabe.activities.tests.helpers import activity, url
from teilhabe.activities.transfer import export_csv, export_xlsx, import_activities, template_xlsx
from teilhabe.concept import samples as concept_samples
from teilhabe.jobs.models import Job
from teilhabe.sheets import write_csv

D = datetime.date


def snapshot(municipality) -> list[dict]:
    """Everything the layout carries, per activity, to compare before and after a round trip."""
    rows = []
    for a in Activity.objects.for_municipality(municipality).order_by("pk"):
        rows.append(
            {
                **{
                    name: getattr(a, name)
                    for name in (
                        "title",
                        "kind",
                        "state",
                        "summary",
                        "description",
                        "starts_on",
                        "ends_on",
                        "start_time",
                        "end_time",
                        "recurrence",
                        "exdates",
                        "venue_id",
                        "languages",
                        "focus_id",
                        "participants_expected",
                        "participants_actual",
                        "participants_by_group",
                        "costs",
                        "funding_note",
                        "outcomes",
                        "first_on",
                        "last_on",
                    )
                },  # fmt: skip
                "groups": sorted(a.target_groups.values_list("pk", flat=True)),
                "measures": sorted(a.measures.values_list("pk", flat=True)),
                "partners": sorted(a.partners.values_list("organisation_id", "role")),
                "arose_from": sorted(a.arose_from.values_list("pk", flat=True)),
                "history": list(a.state_changes.values_list("state", "reached_on")),
                "dates": a.dates.count(),
            }
        )
    return rows


@pytest.fixture
def year_of_activities(municipality, partner, department):
    measure = concept_samples.measure(municipality)
    measure.concept.is_current = True
    measure.concept.save()
    focus = concept_samples.focus(municipality)
    focus.concept = measure.concept
    focus.save()
    haus = Venue.objects.create(municipality=municipality, name="Haus International", step_free=True)
    nurses = TargetGroup.objects.create(municipality=municipality, name="internationale Pflegekräfte")
    women = TargetGroup.objects.create(municipality=municipality, name="neu zugewanderte Frauen")
    fair = activity(
        municipality,
        "Jobbörse für Geflüchtete",
        state_reached_on=D(2024, 1, 10),
        kind="event",
        summary="Arbeitgeber treffen Geflüchtete",
        description="Zeile eins\nZeile zwei; mit Semikolon",
        starts_on=D(2024, 3, 4),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(14, 30),
        venue=haus,
        languages=["de", "uk", "ar"],
        target_groups=[women],
        measures=[measure],
        focus=focus,
        participants_expected=200,
        participants_actual=240,
        participants_by_group={"female": 100, "male": 140, "age_27_64": 200},
        costs=Decimal("1250.50"),
        funding_note="Eigenmittel",
        outcomes='=HYPERLINK("http://boese.example") zwölf Vermittlungen',
    )
    add_partner(fair, partner, "lead", None)
    add_partner(fair, department, "partner", None)
    change_state(fair, "done", None, reached_on=D(2024, 3, 5))
    yoga = activity(
        municipality,
        "Lachyoga-Workshop",
        kind="training",
        starts_on=D(2024, 5, 7),
        recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20240625",
        exdates=[D(2024, 5, 21), D(2024, 5, 28)],
        start_time=datetime.time(18, 0),
        target_groups=[nurses, women],
    )
    add_partner(yoga, partner, "host", None)
    twice = activity(municipality, "Sprachcafé", starts_on=D(2024, 9, 1), ends_on=D(2024, 9, 3))
    again = activity(
        municipality,
        "Sprachcafé",
        starts_on=D(2024, 10, 1),
        arose_from=[twice, fair],
        state_reached_on=D(2024, 8, 1),
    )
    change_state(again, "cancelled", None, reached_on=D(2024, 9, 20))
    activity(municipality, "Anderes Jahr", starts_on=D(2023, 6, 1))
    return [fair, yoga, twice, again]


def test_the_years_activities_export_to_xlsx_and_import_back_unchanged(municipality, year_of_activities):
    before = snapshot(municipality)
    data = export_xlsx(municipality, 2024)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == ACTIVITIES.headers()
    assert sheet.max_row == 1 + 4  # the activity of 2023 is not in the file
    result = import_activities(municipality, data, filename="aktivitaeten.xlsx")
    assert result.ok, result.errors
    assert result.applied and not result.created and not result.updated and result.unchanged == 4
    assert snapshot(municipality) == before


def test_an_english_export_has_english_headers_and_imports_back_unchanged(municipality, year_of_activities):
    before = snapshot(municipality)
    with translation.override("en"):
        data = export_xlsx(municipality, 2024)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Activities 2024"]
    header = [c.value for c in book.active[1]]
    assert header[:3] == ["No.", "Title", "Kind"] and "Measures" in header and "Maßnahmen" not in header
    with translation.override("de"):
        result = import_activities(municipality, data, filename="activities.xlsx")
    assert result.ok, result.errors
    assert result.unchanged == 4 and not result.updated and not result.created
    assert snapshot(municipality) == before


def test_the_csv_export_imports_back_unchanged_in_both_encodings(municipality, year_of_activities):
    before = snapshot(municipality)
    for encoding in ("utf-8-sig", "cp1252"):
        data = export_csv(municipality, 2024, encoding=encoding)
        result = import_activities(municipality, data, filename="aktivitaeten.csv")
        assert result.ok, result.errors
        assert result.unchanged == 4 and not result.updated and not result.created
    assert snapshot(municipality) == before


def test_an_edited_export_changes_what_was_edited_and_creates_new_rows(
    municipality, year_of_activities, partner
):
    fair = year_of_activities[0]
    workbook = load_workbook(io.BytesIO(export_xlsx(municipality, 2024)))
    sheet = workbook.active
    column = {cell.value: cell.column for cell in sheet[1]}
    sheet.cell(2, column["Teilnehmende tatsächlich"], 250)
    sheet.cell(2, column["Förderer"], partner.name)
    new_row = sheet.max_row + 1
    sheet.cell(new_row, column["Titel"], "Tag der offenen Tür")
    sheet.cell(new_row, column["Stand"], "durchgeführt")
    sheet.cell(new_row, column["Datum"], datetime.datetime(2024, 11, 2))
    sheet.cell(new_row, column["Ort"], "Rathaus")
    sheet.cell(new_row, column["Zielgruppen"], "Eltern von Schulkindern; internationale Pflegekräfte")
    sheet.cell(new_row, column["entstanden aus"], "Lachyoga-Workshop")
    out = io.BytesIO()
    workbook.save(out)
    preview = import_activities(municipality, out.getvalue(), filename="bearbeitet.xlsx", dry_run=True)
    assert preview.ok, preview.errors
    assert not preview.applied and Activity.objects.count() == 5
    assert preview.updated == [
        {"row": 2, "title": fair.title, "changes": ["Teilnehmende tatsächlich", "Förderer"]}
    ]
    assert preview.created == [f"Zeile {new_row}: Tag der offenen Tür"]
    assert any("Rathaus" in w for w in preview.warnings)
    result = import_activities(municipality, out.getvalue(), filename="bearbeitet.xlsx")
    assert result.ok and result.applied
    fair.refresh_from_db()
    assert fair.participants_actual == 250
    assert set(fair.partners.values_list("role", flat=True)) == {"lead", "partner", "funder"}
    door = Activity.objects.get(title="Tag der offenen Tür")
    assert door.state == "done" and door.venue.name == "Rathaus"
    assert sorted(g.name for g in door.target_groups.all()) == [
        "Eltern von Schulkindern",
        "internationale Pflegekräfte",
    ]
    assert list(door.arose_from.values_list("title", flat=True)) == ["Lachyoga-Workshop"]
    assert TargetGroup.objects.filter(name="internationale Pflegekräfte").count() == 1


def test_a_state_the_transitions_do_not_allow_directly_goes_through_planned(municipality):
    idea = activity(
        municipality, "Kinderfest 2025", state="idea", starts_on=D(2024, 6, 1), state_reached_on=D(2024, 1, 1)
    )
    data = write_csv(
        ["Nr.", "Titel", "Stand", "Stand seit"], [[idea.pk, idea.title, "durchgeführt", "02.06.2024"]]
    )
    result = import_activities(municipality, data, filename="stand.csv")
    assert result.ok, result.errors
    idea.refresh_from_db()
    assert idea.state == "done"
    assert [c.state for c in idea.state_changes.all()] == ["idea", "planned", "done"]


def _import(municipality, headers, *rows):
    return import_activities(municipality, write_csv(headers, rows), filename="liste.csv")


BAD_ROWS = [
    (["Titel", "Art"], ["Sprachcafé", "Party"], "liste.csv, Zeile 2, Spalte „Art“: „Party“ ist keine bekannte Art"),
    (["Titel", "Stand"], ["X", "fertig"], "Zeile 2, Spalte „Stand“: „fertig“ ist kein bekannter Stand"),
    (["Titel", "Datum"], ["X", "31.02.2024"], "Zeile 2, Spalte „Datum“: „31.02.2024“ ist kein Datum"),
    (["Titel", "Uhrzeit von"], ["X", "halb drei"], "Zeile 2, Spalte „Uhrzeit von“: „halb drei“ ist keine Uhrzeit"),
    (["Titel", "Sprachen"], ["X", "Klingonisch"], "Zeile 2, Spalte „Sprachen“: „Klingonisch“ ist keine bekannte Sprache"),
    (["Titel", "Federführung"], ["X", "Unbekannter Verein"], "Zeile 2, Spalte „Federführung“: „Unbekannter Verein“ gibt es nicht im Adressbuch"),
    (["Titel", "Maßnahmen"], ["X", "9.9.9"], "Zeile 2, Spalte „Maßnahmen“: Eine Maßnahme „9.9.9“ gibt es"),
    (["Titel", "Teilnehmende tatsächlich"], ["X", "-3"], "Zeile 2, Spalte „Teilnehmende tatsächlich“: „-3“ ist keine ganze Zahl"),
    (["Titel", "Kosten"], ["X", "viel"], "Zeile 2, Spalte „Kosten“: „viel“ ist kein Betrag"),
    (["Titel", "Nr."], ["X", "999999"], "Zeile 2, Spalte „Nr.“: Eine Aktivität Nr. 999999 gibt es nicht"),
    (["Titel", "Datum"], ["", "01.01.2024"], "Zeile 2, Spalte „Titel“: Der Titel fehlt."),
    (["Titel", "Titel2"], ["x" * 301, ""], "Zeile 2, Spalte „Titel“: "),
    (["Titel", "Datum", "letzter Tag"], ["X", "05.03.2024", "01.03.2024"], "Zeile 2, Spalte „letzter Tag“: Der letzte Tag liegt vor dem Beginn."),
    (["Titel", "Datum", "Wiederholung"], ["X", "05.03.2024", "FREQ=SOMETIMES"], "Zeile 2, Spalte „Wiederholung“: Die Wiederholungsregel"),
    (["Titel", "Stand"], ["X", "durchgeführt"], "Zeile 2, Spalte „Stand“: Eine durchgeführte Aktivität braucht ein Datum."),
    (["Titel", "entstanden aus"], ["X", "Gibt es nicht"], "Zeile 2, Spalte „entstanden aus“: Eine Aktivität „Gibt es nicht“ gibt es nicht."),
]  # fmt: skip


@pytest.mark.parametrize("headers,row,expected", BAD_ROWS)
def test_a_bad_row_is_refused_naming_file_row_and_column_and_nothing_is_saved(
    municipality, headers, row, expected
):
    concept_samples.measure(municipality)
    good = ["Gute Zeile"] + [""] * (len(headers) - 1)
    result = _import(municipality, headers, good, row)
    errors = [e.replace("Zeile 3", "Zeile 2") for e in result.errors]
    assert any(expected in error for error in errors), result.errors
    assert not result.applied and not Activity.objects.exists()
    assert not Venue.objects.exists()


def test_every_error_of_a_file_is_listed_not_only_the_first(municipality):
    result = _import(
        municipality,
        ["Titel", "Art", "Datum"],
        ["A", "Party", "gestern"],
        ["B", "Reihe", ""],
        ["", "", ""],
    )
    assert len(result.errors) == 2
    assert "Zeile 2, Spalte „Art“" in result.errors[0] and "Zeile 2, Spalte „Datum“" in result.errors[1]


def test_a_file_without_a_title_column_or_rows_is_refused(municipality):
    assert "Spalte „Titel“" in _import(municipality, ["Name"], ["x"]).errors[0]
    assert "keine Datenzeilen" in _import(municipality, ["Titel"]).errors[0]
    result = import_activities(municipality, b"\x89PNG\r\n\x1a\n....", filename="bild.xlsx")
    assert "bild.xlsx" in result.errors[0]


def test_a_number_twice_in_one_file_is_an_error(municipality):
    fair = activity(municipality)
    result = _import(municipality, ["Nr.", "Titel"], [fair.pk, "A"], [fair.pk, "B"])
    assert result.errors == [f"liste.csv, Zeile 3, Spalte „Nr.“: Die Nr. {fair.pk} steht schon in Zeile 2."]


def test_another_municipalitys_activity_number_is_unknown(municipality, other_municipality):
    theirs = activity(other_municipality, "Fremde Aktivität")
    result = _import(municipality, ["Nr.", "Titel"], [theirs.pk, "Übernommen"])
    assert "gibt es nicht" in result.errors[0]
    theirs.refresh_from_db()
    assert theirs.title == "Fremde Aktivität"


def test_the_template_imports_its_example_row(municipality):
    sheet = load_workbook(io.BytesIO(template_xlsx()))
    assert sheet.sheetnames == ["Aktivitäten", "Hinweise"]
    result = import_activities(municipality, template_xlsx(), filename="vorlage.xlsx")
    assert result.ok, result.errors
    created = Activity.objects.get()
    assert created.recurrence and created.exdates == ["2025-04-22"] and created.dates.count() > 10


def test_upload_preview_and_confirm_run_as_jobs(client, municipality, office_user, year_of_activities):
    client.force_login(office_user)
    workbook = load_workbook(io.BytesIO(export_xlsx(municipality, 2024)))
    workbook.active.cell(3, 2, "Lachyoga für alle")
    out = io.BytesIO()
    workbook.save(out)
    response = client.post(
        url("import", municipality), {"file": SimpleUploadedFile("aktivitaeten.xlsx", out.getvalue())}
    )
    preview = Job.objects.get(kind="activities.import_preview")
    assert response.status_code == 302 and preview.state == Job.State.SUCCEEDED
    page = client.get(reverse("jobs:detail", args=[municipality.slug, preview.pk])).content.decode()
    assert "Lachyoga für alle" in page and "Import bestätigen und speichern" in page
    assert not Activity.objects.filter(title="Lachyoga für alle").exists()
    client.post(url("import_confirm", municipality), {"job": preview.pk})
    confirmed = Job.objects.get(kind="activities.import")
    assert confirmed.state == Job.State.SUCCEEDED, confirmed.result
    assert Activity.objects.filter(title="Lachyoga für alle").exists()


def test_a_refused_upload_shows_the_errors_on_the_job_page(client, municipality, office_user):
    client.force_login(office_user)
    data = write_csv(["Titel", "Art"], [["Sprachcafé", "Party"]])
    client.post(url("import", municipality), {"file": SimpleUploadedFile("liste.csv", data)})
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    page = client.get(reverse("jobs:detail", args=[municipality.slug, job.pk])).content.decode()
    assert "liste.csv, Zeile 2, Spalte „Art“" in page and "Import bestätigen" not in page


def test_export_pages_and_files(client, municipality, board_user, year_of_activities):
    client.force_login(board_user)
    page = client.get(url("export", municipality) + "?jahr=2024").content.decode()
    assert "2024: 4 Aktivitäten" in page and "Tabelle importieren" not in page
    response = client.get(url("export_xlsx", municipality) + "?jahr=2024")
    assert response.status_code == 200
    assert f"{municipality.slug}-2024.xlsx" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 5
    csv = client.get(url("export_csv", municipality) + "?jahr=2024&kodierung=windows-1252")
    assert csv["Content-Type"] == "text/csv; charset=windows-1252"
    assert "Jobbörse".encode("cp1252") in csv.content


def test_the_commands_export_and_import(municipality, year_of_activities, tmp_path, capsys):
    target = tmp_path / "aktivitaeten.xlsx"
    call_command("export_activities", str(target), municipality=municipality.slug, year=2024)
    before = snapshot(municipality)
    call_command("import_activities", str(target), municipality=municipality.slug)
    assert "0 neu, 0 geändert, 4 unverändert." in capsys.readouterr().out
    assert snapshot(municipality) == before


def test_a_new_row_gets_its_history_and_dates_like_a_form(municipality):
    """The import saves through the named actions (save_activity): the first history row, the dates."""
    _import(
        municipality,
        ["Titel", "Stand", "Stand seit", "Datum"],
        ["Neu", "geplant", "01.02.2024", "03.02.2024"],
    )
    created = Activity.objects.get()
    assert list(created.state_changes.values_list("state", "reached_on")) == [("planned", D(2024, 2, 1))]
    assert created.dates.count() == 1
