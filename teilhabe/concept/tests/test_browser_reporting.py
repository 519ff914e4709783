"""The reporting flow as people do it, in Debian's chromium: a department reports, the office accepts,
the dashboard moves."""

import datetime
import re

import pytest

from teilhabe.concept import models as m
from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_round(municipality, department, partner):
    m.ensure_default_statuses(municipality)
    concept = m.Concept.objects.create(
        municipality=municipality, title="Integrationskonzept", short_name="KIK"
    )
    field = m.FieldOfAction.objects.create(
        municipality=municipality, concept=concept, number=1, title="Sprache"
    )
    goal = m.Goal.objects.create(
        municipality=municipality, field_of_action=field, number="1.1", title="Lesen"
    )
    m.Measure.objects.create(
        municipality=municipality, goal=goal, number="1.1.1", title="Vorlesenachmittage", lead=department
    )
    m.Measure.objects.create(
        municipality=municipality, goal=goal, number="1.1.2", title="Sprachcafé mit Vereinen", lead=partner
    )
    return m.ReportingRound.objects.create(
        municipality=municipality,
        concept=concept,
        title="Zwischenstand Oktober",
        due_date=datetime.date(2030, 10, 31),
    )


def test_a_department_reports_and_the_office_accepts(
    browser, live_server, open_round, department_user, office_user, municipality
):
    base = f"{live_server.url}/{municipality.slug}/konzept"
    editor = browser.new_context(locale="de-DE").new_page()
    browser_login(editor, live_server, "kulturamt@example.org")
    editor.goto(f"{base}/meine-meldungen/")
    assert editor.get_by_text("Vorlesenachmittage").count() == 1
    assert editor.get_by_text("Sprachcafé mit Vereinen").count() == 0  # not the Kulturamt's measure
    editor.get_by_role("link", name="Melden").first.click()
    editor.get_by_label("Status").select_option(label="umgesetzt")
    editor.get_by_label("Was wurde umgesetzt?").fill("Monatlich in der Stadtbibliothek, mit dem Beirat.")
    with editor.expect_navigation():
        editor.get_by_role("button", name="Einreichen").click()
    assert editor.get_by_role("alert").count() == 0, editor.get_by_role("alert").first.inner_text()
    assert m.StatusReport.objects.get().state == m.StatusReport.State.SUBMITTED

    office = browser.new_context(locale="de-DE").new_page()
    browser_login(office, live_server, "amt@example.org")
    office.goto(f"{base}/{open_round.concept_id}/")
    implemented_before = office.locator(".stat", has_text="umgesetzt").first.inner_text()
    office.goto(f"{base}/meine-meldungen/")
    office.get_by_role("row", name=re.compile("1.1.1 Vorlesenachmittage")).get_by_role(
        "link", name=re.compile("Prüfen")
    ).click()
    assert "Monatlich in der Stadtbibliothek" in office.content()
    with office.expect_navigation():
        office.get_by_role("button", name="Annehmen").click()

    office.goto(f"{base}/{open_round.concept_id}/")
    implemented_after = office.locator(".stat", has_text="umgesetzt").first.inner_text()
    assert implemented_before != implemented_after
    assert "50\u202f%" in implemented_after
    measure = m.Measure.objects.get(number="1.1.1")
    assert measure.current_status.name == "umgesetzt"


def test_the_measure_list_filters_by_organisation_without_reloading(
    page, live_server, open_round, office_user, municipality, department
):
    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{live_server.url}/{municipality.slug}/konzept/{open_round.concept_id}/massnahmen/")
    page.evaluate("window.notReloaded = true")
    assert page.get_by_role("link", name="Sprachcafé mit Vereinen").count() == 1
    page.get_by_label("Organisation", exact=True).select_option(label=department.name)
    page.get_by_role("link", name="Sprachcafé mit Vereinen").wait_for(state="detached")
    assert page.get_by_role("link", name="Vorlesenachmittage").count() == 1
    assert "1 Maßnahme entspricht der Auswahl" in page.get_by_role("status").inner_text()
    assert page.evaluate("window.notReloaded") is True


def test_the_dashboard_fits_a_phone_screen(browser, live_server, open_round, board_user, municipality):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE").new_page()
    browser_login(phone, live_server, "beirat@example.org")
    for path in ["", "massnahmen/", "matrix/"]:
        phone.goto(f"{live_server.url}/{municipality.slug}/konzept/{open_round.concept_id}/{path}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
