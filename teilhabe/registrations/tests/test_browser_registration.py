"""A member of the public registers, cancels by the link, and the first on the waiting list moves up: in
Debian's chromium, with the mails from Django's outbox."""

import re

import pytest
from django.core import mail

from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import registering
from teilhabe.registrations.tests.helpers import open_event, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_on_the_public_page_cancel_by_the_link_and_the_waiting_list_moves_up(
    page, live_server, municipality
):
    fair = open_event(municipality, capacity=2)
    registering.register(fair, person("Ben"))
    page.goto(f"{live_server.url}/{municipality.slug}/oeffentlich/aktivitaeten/")
    feed = page.locator('link[rel="alternate"][type="text/calendar"]')
    assert feed.count() == 1
    page.get_by_role("link", name="Jobbörse für Geflüchtete").click()

    page.get_by_label("Name oder Pseudonym").fill("Ada")
    page.get_by_label("E-Mail").fill("ada@example.org")
    page.get_by_label("Anzahl Personen").fill("1")
    page.get_by_role("button", name="Anmelden").click()
    # without consent: the summary names the field, nothing is saved
    assert "Ohne Einwilligung" in page.get_by_role("alert").inner_text()
    assert not Registration.objects.filter(name="Ada").exists()
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r".*/angemeldet/$"))
    assert "Ihre Anmeldung für „Jobbörse für Geflüchtete“ ist eingegangen" in page.content()

    registering.register(fair, person("Cem"))  # now it is full: Cem waits
    assert Registration.objects.get(name="Cem").status == "waiting"
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert confirmation.attachments[0][0] == "termin.ics"
    path = re.search(r"https?://[^/\s]+(/\S+/abmelden/\S+/)", confirmation.body).group(1)

    page.goto(live_server.url + path)
    assert Registration.objects.get(name="Ada").status == "confirmed"  # opening the link changes nothing
    page.get_by_role("button", name="Ja, abmelden").click()
    assert "Sie sind abgemeldet" in page.get_by_role("status").inner_text()
    assert Registration.objects.get(name="Ada").status == "cancelled"
    assert Registration.objects.get(name="Cem").status == "confirmed"
    told = [m for m in mail.outbox if m.to == ["cem@example.org"]]
    assert "Platz ist frei" in told[-1].subject and told[-1].attachments[0][0] == "termin.ics"
