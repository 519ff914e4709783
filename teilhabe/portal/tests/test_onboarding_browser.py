"""A new municipality's first hour in Debian's chromium, from `add_municipality` to an accepted first report.

The office accepts the invitation, sets a password, walks the guide, imports a concept sheet that names twelve
organisations none of which exist (ten created, two mapped to organisations entered in the guide), invites a
department editor and opens a round; the editor reports; the office accepts. With TEILHABE_SCREENSHOTS=1 it
writes the screenshots of docs/onboarding.md to docs/onboarding/ (tracked files: not on every run)."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from teilhabe.concept.models import Measure, StatusReport
from teilhabe.concept.tests.sheets import STANDARD_HEADER, write_xlsx
from teilhabe.directory.models import Organisation
from teilhabe.municipalities.models import Municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "onboarding"
PASSWORD = "Sonnenblume-1987"


def row(number, lead, involved):
    return ["1", "Sprache und Bildung", "1.1", "Sprache fördern", number, f"Maßnahme {number}", lead, involved,
            "", "", ""]  # fmt: skip


# Twelve organisations (one in two spellings), none in the directory; two are close to names the office
# enters in the guide ("Amt für Jugendarbeit", "Caritasverband").
SHEET = [
    ["Integrationskonzept der Stadt Neustadt"],
    ["Kurzname: IKN"],
    STANDARD_HEADER,
    row("1.1.1", "Kulturamt", "Stadtbibliothek; Ukrainischer Verein"),
    row("1.1.2", "Kultur-Amt", "Büro OB"),
    row("1.1.3", "Volkshochschule", "Syrische Community"),
    row("1.1.4", "Jobcenter", "Caritas-Verband"),
    row("1.1.5", "Amt f. Jugendarbeit", "Diakonie; Klinikum Musterstadt"),
    row("1.1.6", "Referat für Bildung", ""),
]


def shot(page, name):
    """Refresh a screenshot of docs/onboarding.md, only when asked to (TEILHABE_SCREENSHOTS=1)."""
    if os.environ.get("TEILHABE_SCREENSHOTS") != "1":
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def invitation_link(to):
    links = [re.search(r"https?://\S+/konto/einladung/\S+", m.body) for m in mail.outbox if m.to == [to]]
    return [link.group(0) for link in links if link][-1]


def set_password(page, link):
    page.goto(link)
    page.locator("input[name=new_password1]").fill(PASSWORD)
    page.get_by_label("Neues Passwort bestätigen").fill(PASSWORD)
    page.get_by_role("button", name="Passwort speichern und loslegen").click()
    page.wait_for_load_state()


def test_the_first_hour_of_a_new_office(page, browser, live_server, tmp_path, settings):
    settings.SITE_URL = live_server.url
    csv = tmp_path / "kommunen.csv"
    csv.write_text("Name;AGS;Bundesland;E-Mail\nStadt Neustadt;09162000;BY;integration@neustadt.example\n")
    call_command("add_municipality", "--from", str(csv))
    municipality = Municipality.objects.get(ags="09162000")
    base = f"{live_server.url}/{municipality.slug}"

    # The office accepts the invitation and lands on the start page with the guide.
    set_password(page, invitation_link("integration@neustadt.example"))
    assert page.url == f"{base}/"
    assert "0 von 6 erledigt" in page.get_by_role("main").inner_text()
    shot(page, "01-start")
    page.get_by_role("link", name="Weiter: Kontakt und Logo").click()

    # 1. Contact details
    page.get_by_label("E-Mail", exact=True).fill("integration@neustadt.example")
    page.get_by_label("Öffnungszeiten").fill("Mo–Do 9–12 Uhr, Do 14–17 Uhr")
    page.get_by_role("button", name="Speichern und weiter").click()
    # 2. Status vocabulary: keep the defaults
    assert page.get_by_role("heading", level=1).inner_text() == "Umsetzungsstände"
    page.get_by_role("button", name="Erledigt, weiter").click()
    # 3. Departments and partners, pasted
    page.get_by_label("Namen, einer je Zeile").fill("Amt für Jugendarbeit")
    page.get_by_label("Art").select_option(label="Amt / Dienststelle")
    page.get_by_role("button", name="Organisationen anlegen").click()
    page.get_by_label("Namen, einer je Zeile").fill("Caritasverband")
    page.get_by_label("Art").select_option(label="Kooperationspartner")
    page.get_by_role("button", name="Organisationen anlegen").click()
    assert Organisation.objects.filter(municipality=municipality).count() == 2
    shot(page, "02-guide-organisations")

    # 4. The concept: the sheet names twelve unknown organisations
    page.goto(f"{base}/einrichtung/concept/")
    page.get_by_role("link", name="Konzept-Tabelle importieren").click()
    path = write_xlsx(tmp_path / "konzept-neustadt.xlsx", SHEET)
    page.get_by_label("Tabelle (XLSX oder CSV)").set_input_files(str(path))
    page.get_by_label("Importieren in").select_option(label="ein neues Konzept")
    page.get_by_role("button", name="Tabelle prüfen").click()
    page.wait_for_load_state()
    main = page.get_by_role("main")
    assert "12 Organisationen kennt das Adressbuch noch nicht" in main.inner_text()
    assert "Schreibweisen: „Kulturamt“, „Kultur-Amt“" in main.inner_text()
    assert page.get_by_label("Zuordnen zu „Amt für Jugendarbeit“ (Vorschlag)").is_checked()
    assert page.get_by_label("Zuordnen zu „Caritasverband“ (Vorschlag)").is_checked()
    shot(page, "03-import-decisions")
    page.get_by_role("button", name="Entscheidungen übernehmen und importieren").click()
    page.wait_for_load_state()
    assert "wurde importiert" in page.get_by_role("main").inner_text()
    shot(page, "04-import-done")
    organisations = Organisation.objects.filter(municipality=municipality)
    assert organisations.count() == 12  # 2 entered in the guide + 10 created; 2 names mapped
    kinds = dict(organisations.values_list("name", "kind"))
    assert kinds["Kulturamt"] == kinds["Büro OB"] == kinds["Stadtbibliothek"] == "department"
    assert kinds["Jobcenter"] == kinds["Diakonie"] == "partner"
    assert kinds["Ukrainischer Verein"] == kinds["Syrische Community"] == "community"
    measures = {m.number: m for m in Measure.objects.filter(municipality=municipality).select_related("lead")}
    assert measures["1.1.5"].lead.name == "Amt für Jugendarbeit"

    # 5. The team: a department editor for the Kulturamt
    page.goto(f"{base}/einrichtung/team/")
    page.get_by_role("link", name="Person einladen").click()
    page.get_by_label("Vorname").fill("Nora")
    page.get_by_label("Nachname").fill("Neu")
    page.get_by_label("E-Mail-Adresse").fill("kultur@neustadt.example")
    page.get_by_label("Rolle").select_option(label="Redaktion Fachamt")
    page.get_by_label("Organisation").select_option(label="Kulturamt (Amt / Dienststelle)")
    page.get_by_role("button", name="Einladung senden").click()
    assert "ist verschickt" in page.get_by_role("status").inner_text()

    # 6. The first reporting round
    page.goto(f"{base}/einrichtung/round/")
    page.get_by_role("link", name="Berichtsrunde eröffnen").click()
    page.get_by_label("Titel").fill("Zwischenstand Oktober 2030")
    page.get_by_label("Meldefrist").fill("2030-10-31")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    page.goto(f"{base}/einrichtung/")
    assert "6 von 6 Schritten erledigt" in page.get_by_role("main").inner_text()
    shot(page, "05-guide-done")

    # The editor reports
    editor = browser.new_context(locale="de-DE").new_page()
    set_password(editor, invitation_link("kultur@neustadt.example"))
    editor.goto(f"{base}/konzept/meine-meldungen/")
    editor.get_by_role("link", name=re.compile(r"Melden\W+1\.1\.1")).click()
    editor.get_by_label("Status").select_option(label="umgesetzt")
    editor.get_by_label("Was wurde umgesetzt?").fill("Vorlesenachmittage laufen monatlich.")
    editor.get_by_role("button", name="Einreichen").click()
    assert "eingereicht" in editor.get_by_role("status").inner_text()
    editor.context.close()

    # The office accepts
    page.goto(f"{base}/konzept/meine-meldungen/")
    page.get_by_role("link", name=re.compile(r"Prüfen\W+1\.1\.1")).click()
    page.get_by_role("button", name="Annehmen").click()
    page.wait_for_load_state()
    report = StatusReport.objects.get(measure=measures["1.1.1"])
    assert report.state == StatusReport.State.ACCEPTED
    page.goto(f"{base}/konzept/")
    shot(page, "06-dashboard")
