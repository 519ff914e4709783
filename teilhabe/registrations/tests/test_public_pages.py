"""The public activity pages: list, activity page with its form, thanks, the cancellation link; and the
whole flow through the pages with Django's mail outbox."""

import re

import icalendar
import pytest
from django.core import mail

from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import tokens
from teilhabe.registrations.tests.helpers import CONSENT, open_event, person, public_url

pytestmark = pytest.mark.django_db


def _form(name, email, **more):
    return {**{k: v for k, v in person(name, email).items() if k != "consent"}, "consent": "on", **more}


def test_register_confirm_cancel_by_link_and_the_first_waiting_moves_up(client, municipality):
    fair = open_event(municipality, capacity=1)
    page = client.get(public_url("detail", municipality, fair.pk))
    assert page.status_code == 200 and CONSENT in page.content.decode()
    response = client.post(public_url("detail", municipality, fair.pk), _form("Ada", "ada@example.org"))
    assert response.status_code == 302 and response.url == public_url("thanks", municipality, fair.pk)
    for name in ("Ben", "Cem"):
        response = client.post(
            public_url("detail", municipality, fair.pk), _form(name, f"{name.lower()}@example.org")
        )
        assert response.url.endswith("?warteliste=1")
    assert len(mail.outbox) == 3
    confirmation = mail.outbox[0]
    assert confirmation.to == ["ada@example.org"]
    calendar = icalendar.Calendar.from_ical(confirmation.attachments[0][1])
    assert calendar.walk("VEVENT")[0].decoded("DTSTART").date() == fair.starts_on
    link = re.search(r"https?://\S+/abmelden/\S+/", confirmation.body).group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]

    shown = client.get("/" + path)  # mail scanners open links: a GET changes nothing
    assert shown.status_code == 200 and "Ja, abmelden" in shown.content.decode()
    assert Registration.objects.get(email="ada@example.org").status == "confirmed"
    assert len(mail.outbox) == 3

    done = client.post("/" + path, follow=True)
    assert "Sie sind abgemeldet" in done.content.decode()
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Ada": "cancelled", "Ben": "confirmed", "Cem": "waiting"}
    told = mail.outbox[-1]
    assert told.to == ["ben@example.org"] and "Platz ist frei" in told.subject
    assert told.attachments[0][0] == "termin.ics"


def test_a_forged_or_other_municipalitys_link_is_not_found(client, municipality, other_municipality):
    fair = open_event(municipality)
    client.post(public_url("detail", municipality, fair.pk), _form("Ada", "ada@example.org"))
    registration = Registration.objects.get()
    token = tokens.cancel_token(registration)
    assert client.get(public_url("cancel", municipality, token + "x")).status_code == 404
    assert client.get(public_url("cancel", other_municipality, token)).status_code == 404
    assert client.post(public_url("cancel", other_municipality, token)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_the_honeypot_saves_nothing_and_sends_nothing(client, municipality):
    fair = open_event(municipality)
    response = client.post(
        public_url("detail", municipality, fair.pk), _form("Bot", "bot@example.org", website="http://spam")
    )
    assert response.status_code == 302
    assert not Registration.objects.exists() and mail.outbox == []


def test_errors_are_shown_in_the_summary_and_nothing_is_saved(client, municipality):
    fair = open_event(municipality)
    data = _form("Ada", "")
    data.pop("consent")
    response = client.post(public_url("detail", municipality, fair.pk), data)
    body = response.content.decode()
    assert response.status_code == 200 and "error-summary" in body
    assert "E-Mail-Adresse oder eine Telefonnummer" in body and not Registration.objects.exists()


def test_a_phone_only_registration_is_saved_without_mail(client, municipality):
    fair = open_event(municipality)
    response = client.post(
        public_url("detail", municipality, fair.pk), _form("Ada", "", phone="0831 123456"), follow=True
    )
    assert "keine E-Mail-Adresse angegeben" in response.content.decode()
    assert Registration.objects.get().phone == "0831 123456" and mail.outbox == []


def test_public_pages_show_nothing_personal_and_only_public_activities(client, municipality):
    fair = open_event(municipality, capacity=1)
    hidden = open_event(municipality, title="Internes Treffen", public=False)
    idea = open_event(municipality, title="Nur eine Idee", state="idea")
    client.post(public_url("detail", municipality, fair.pk), _form("Ada Geheim", "ada.geheim@example.org"))
    listing = client.get(public_url("list", municipality)).content.decode()
    assert "Jobbörse für Geflüchtete" in listing and "Internes Treffen" not in listing
    assert "Nur eine Idee" not in listing
    assert 'rel="alternate" type="text/calendar"' in listing
    page = client.get(public_url("detail", municipality, fair.pk)).content.decode()
    assert "Ada Geheim" not in page and "ada.geheim" not in page
    assert "Alle Plätze sind vergeben" in page
    assert client.get(public_url("detail", municipality, hidden.pk)).status_code == 404
    assert client.get(public_url("detail", municipality, idea.pk)).status_code == 404


def test_only_released_pictures_are_served_publicly(client, municipality):
    from teilhabe.activities.services.uploads import add_picture, update_picture
    from teilhabe.activities.tests.helpers import image_file

    fair = open_event(municipality)
    picture = add_picture(fair, None, image_file(size=(400, 300)), credit="© Stadt", alt_text="Stände")
    url = public_url("picture", municipality, picture.pk)
    assert client.get(url).status_code == 404
    update_picture(
        picture,
        None,
        credit="© Stadt",
        alt_text="Stände",
        shows_people=False,
        people_consent=False,
        public=True,
    )
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    page = client.get(public_url("detail", municipality, fair.pk)).content.decode()
    assert url in page and "© Stadt" in page and 'alt="Stände"' in page


def test_public_list_stays_within_a_fixed_number_of_queries(
    client, municipality, django_assert_max_num_queries
):
    for number in range(3):
        open_event(municipality, title=f"Termin {number}")
    with django_assert_max_num_queries(12):
        assert client.get(public_url("list", municipality)).status_code == 200
    for number in range(3, 40):
        open_event(municipality, title=f"Termin {number}")
    with django_assert_max_num_queries(12):
        assert client.get(public_url("list", municipality)).status_code == 200


def test_a_series_with_registration_per_date_asks_for_the_date(client, municipality):
    import datetime

    from django.utils import timezone

    from teilhabe.registrations.services.setup import save_registration_settings

    course = open_event(
        municipality,
        title="Sprachcafé",
        starts_on=timezone.localdate() + datetime.timedelta(days=3),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    save_registration_settings(course, None, {"per_date": True})
    second = list(course.dates.all())[1]
    page = client.get(public_url("detail", municipality, course.pk)).content.decode()
    assert 'name="activity_date"' in page
    missing = client.post(public_url("detail", municipality, course.pk), _form("Ada", "ada@example.org"))
    assert missing.status_code == 200 and not Registration.objects.exists()
    client.post(
        public_url("detail", municipality, course.pk),
        _form("Ada", "ada@example.org", activity_date=second.pk),
    )
    assert Registration.objects.get().activity_date == second
    event = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event.decoded("DTSTART").date() == second.date


def test_the_mails_follow_the_language_chosen_where_the_interface_has_it(client, municipality):
    fair = open_event(municipality)
    client.post(public_url("detail", municipality, fair.pk), _form("Ada", "ada@example.org", language="en"))
    client.post(
        public_url("detail", municipality, fair.pk), _form("Oksana", "oksana@example.org", language="uk")
    )
    english, german = mail.outbox
    assert english.subject.startswith("Registration confirmed") and "Hello Ada" in english.body
    assert german.subject.startswith("Anmeldung bestätigt")  # Ukrainian: the page's language (German)
