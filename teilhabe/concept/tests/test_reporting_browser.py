"""The reporting flow in Debian's chromium: an editor reports from "Meine Meldungen", the office accepts,
the dashboard shows the new status."""

import datetime
import re

import pytest

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses
from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_reports_and_the_office_accepts(
    page, live_server, municipality, department, partner, department_user, office_user
):
    concept = build_concept(municipality, fields=1, goals=1, measures=2, leads=[department, partner])
    statuses(municipality)
    m.ReportingRound.objects.create(
        municipality=municipality,
        concept=concept,
        title="Zwischenstand Oktober",
        due_date=datetime.date(2030, 10, 31),
    )
    base = f"{live_server.url}/{municipality.slug}/konzept"

    browser_login(page, live_server, "kulturamt@example.org")
    page.goto(f"{base}/meine-meldungen/")
    rows = page.get_by_role("row")
    assert rows.filter(has_text="Maßnahme 1.1.1").count() == 1
    assert rows.filter(has_text="Maßnahme 1.1.2").count() == 0  # led by the partner
    page.get_by_role("link", name=re.compile(r"Melden\W+1\.1\.1")).click()
    page.get_by_label("Status").select_option(label="umgesetzt")
    page.get_by_label("Was wurde umgesetzt?").fill("Sprachcafé läuft, 40 Teilnehmende")
    page.get_by_role("button", name="Einreichen").click()
    assert "eingereicht" in page.get_by_role("status").inner_text()
    page.get_by_role("button", name="Abmelden").click()

    browser_login(page, live_server, "amt@example.org")
    page.goto(f"{base}/meine-meldungen/")
    page.get_by_role("link", name=re.compile(r"Prüfen\W+1\.1\.1")).click()
    assert "40 Teilnehmende" in page.get_by_role("main").inner_text()
    page.get_by_role("button", name="Annehmen").click()
    page.goto(f"{base}/{concept.pk}/")
    table = page.get_by_role("table", name="Anzahl und Anteil der Maßnahmen je Status")
    assert "50\u202f%" in table.get_by_role("row").last.inner_text()  # 1 of 2 measures implemented
    assert page.locator("figure svg").count() >= 1
