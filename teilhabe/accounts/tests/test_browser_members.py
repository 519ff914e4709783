"""User management as an office clerk does it, in Debian's chromium: invite, accept, deactivate."""

import re

import pytest
from django.core import mail

from teilhabe.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_office_clerk_invites_a_colleague_who_sets_a_password_and_is_later_deactivated(
    browser, page, live_server, office_user, department, municipality
):
    browser_login(page, live_server, "amt@example.org")
    page.wait_for_url(f"{live_server.url}/musterstadt/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Benutzer").click()
    page.get_by_role("link", name="Person einladen").click()
    page.get_by_label("Vorname").fill("Nora")
    page.get_by_label("Nachname").fill("Neu")
    page.get_by_label("E-Mail-Adresse").fill("nora@example.org")
    page.get_by_label("Rolle").select_option(label="Redaktion Fachamt")
    page.get_by_role("button", name="Einladung senden").click()
    # An editor without organisation is refused with an error summary naming the field.
    assert "Bitte wählen Sie das Amt" in page.get_by_role("alert").inner_text()
    page.get_by_label("Organisation").select_option(label="Kulturamt (Amt / Dienststelle)")
    page.get_by_role("button", name="Einladung senden").click()
    page.wait_for_url(f"{live_server.url}/musterstadt/konto/benutzer/")
    assert "Die Einladung an nora@example.org ist verschickt" in page.get_by_role("status").inner_text()
    row = page.get_by_role("row").filter(has_text="nora@example.org")
    assert "eingeladen" in row.inner_text() and "Kulturamt" in row.inner_text()

    link = re.search(r"https?://\S+/konto/einladung/\S+", mail.outbox[0].body).group(0)
    invitee = browser.new_context(locale="de-DE").new_page()
    invitee.goto(link)
    invitee.locator("input[name=new_password1]").fill("Sonnenblume-1987")
    invitee.get_by_label("Neues Passwort bestätigen").fill("Sonnenblume-1987")
    invitee.get_by_role("button", name="Passwort speichern und loslegen").click()
    invitee.wait_for_url(f"{live_server.url}/musterstadt/")
    assert "Willkommen bei Teilhabe" in invitee.get_by_role("status").inner_text()

    page.reload()
    row = page.get_by_role("row").filter(has_text="nora@example.org")
    row.get_by_role("button", name="Deaktivieren").click()
    page.wait_for_load_state()
    assert "ist deaktiviert" in page.get_by_role("status").inner_text()
    response = invitee.goto(f"{live_server.url}/musterstadt/")
    assert response.status == 404
    invitee.context.close()
