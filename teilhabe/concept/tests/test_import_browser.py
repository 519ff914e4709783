"""The import as office staff use it, in Debian's chromium: upload a messy sheet, read the preview, confirm."""

import pytest

from teilhabe.concept.models import Concept, Measure
from teilhabe.concept.tests.sheets import write_xlsx
from teilhabe.concept.tests.test_importing import directory  # noqa: F401 (fixture)
from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSY = [
    ["Integrationskonzept der Stadt Musterstadt"],
    ["Kurzname: KIK"],
    [],
    ["HF", "Ziel", "Nr.", "Massnahme ", "federführend", "Kooperationspartner", "Zeitrahmen"],
    [
        "1 Sprache und Bildung",
        "1.1 Frühe Sprachförderung",
        "1",
        "Vorlesenachmittage",
        "KA",
        "Caritas",
        "seit 2022",
    ],
    [None, None, "2", "Sprachcafés", "Amt für Integration", "Ukr. Verein / caritas", "ab 2023"],
    [],
    ["2 Arbeit", "2.1 Arbeitsmarkt", "1", "Jobbörse für Geflüchtete", "Jobcenter", "", "03/2024"],
]


@pytest.mark.usefixtures("directory")
def test_office_staff_upload_a_messy_sheet_see_the_preview_and_confirm(
    page,
    live_server,
    office_user,
    municipality,
    tmp_path,
):
    path = write_xlsx(tmp_path / "kik.xlsx", MESSY, merges=["A5:A6", "B5:B6"])
    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{live_server.url}/{municipality.slug}/konzept/import/")
    page.get_by_label("Tabelle (XLSX oder CSV)").set_input_files(str(path))
    page.get_by_label("Importieren in").select_option(label="ein neues Konzept")
    with page.expect_navigation():
        page.get_by_role("button", name="Tabelle prüfen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Konzept-Import: Vorschau"
    assert "als neues Konzept „Integrationskonzept der Stadt Musterstadt“ (KIK)" in page.content()
    assert "Maßnahmen: 3 neu, 0 geändert, 0 unverändert." in page.content()
    assert not Concept.objects.exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Import bestätigen und speichern").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Konzept-Import"
    assert "Die Tabelle „kik.xlsx“ wurde importiert." in page.content()
    concept = Concept.objects.get()
    assert sorted(Measure.objects.filter(concept=concept).values_list("number", flat=True)) == [
        "1.1.1",
        "1.1.2",
        "2.1.1",
    ]


@pytest.mark.usefixtures("directory")
def test_errors_are_shown_first_and_no_confirm_button_is_offered(
    page,
    live_server,
    office_user,
    municipality,
    tmp_path,
):
    rows = [list(row) for row in MESSY]
    rows[5][2] = None  # no number
    rows[7][4] = "Volkshochschule"
    path = write_xlsx(tmp_path / "kik.xlsx", rows)
    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{live_server.url}/{municipality.slug}/konzept/import/")
    page.get_by_label("Tabelle (XLSX oder CSV)").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Tabelle prüfen").click()
    assert "enthält Fehler; es wurde nichts gespeichert" in page.get_by_role("alert").first.inner_text()
    alert = page.locator(".error-summary").inner_text()
    assert "Zeile 6, Spalte C (Nr.): Nummer fehlt" in alert
    assert "„Volkshochschule“ (Zeile 8)" in alert
    assert page.get_by_role("button", name="Import bestätigen und speichern").count() == 0
    assert not Concept.objects.exists()
