"""Capacity, waiting list and cancellation through the named actions, with Django's mail outbox."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import registering, tokens
from teilhabe.registrations.services.setup import save_registration_settings
from teilhabe.registrations.tests.helpers import CONSENT, open_event, person

pytestmark = pytest.mark.django_db


def _ics(message):
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("termin.ics", "text/calendar")
    return icalendar.Calendar.from_ical(content)


def test_beyond_the_capacity_people_wait_and_move_up_in_order_when_someone_cancels(municipality):
    fair = open_event(municipality, capacity=2)
    ada = registering.register(fair, person("Ada")).registration
    ben = registering.register(fair, person("Ben")).registration
    cem = registering.register(fair, person("Cem")).registration
    dua = registering.register(fair, person("Dua")).registration
    assert [r.status for r in (ada, ben, cem, dua)] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert [m.to for m in mail.outbox] == [[f"{n}@example.org"] for n in ("ada", "ben", "cem", "dua")]
    confirmation = mail.outbox[0]
    assert "Anmeldung bestätigt" in confirmation.subject
    assert tokens.cancel_url(ada) in confirmation.body
    event = _ics(confirmation).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Jobbörse für Geflüchtete"
    assert event.decoded("DTSTART").date() == fair.starts_on
    assert "Warteliste" in mail.outbox[2].subject and not mail.outbox[2].attachments

    registering.cancel(ben)
    cem.refresh_from_db()
    dua.refresh_from_db()
    assert (cem.status, dua.status) == ("confirmed", "waiting")
    assert cem.moved_up_at is not None
    told = mail.outbox[-1]
    assert told.to == ["cem@example.org"] and "Platz ist frei" in told.subject
    assert _ics(told).walk("VEVENT")[0].decoded("DTSTART").date() == fair.starts_on
    assert len(mail.outbox) == 5

    registering.cancel(ben)  # twice: nothing more happens
    assert len(mail.outbox) == 5


def test_a_party_that_does_not_fit_keeps_its_place_and_nobody_overtakes(municipality):
    fair = open_event(municipality, capacity=3)
    first = registering.register(fair, person("Ada", people=2)).registration
    registering.register(fair, person("Ben", people=1))
    family = registering.register(fair, person("Cem", people=3)).registration
    single = registering.register(fair, person("Dua", people=1)).registration
    assert (family.status, single.status) == ("waiting", "waiting")  # Dua queues behind Cem
    registering.cancel(first)  # 2 seats free: Cem's 3 do not fit, Dua must not overtake
    family.refresh_from_db()
    single.refresh_from_db()
    assert (family.status, single.status) == ("waiting", "waiting")
    save_registration_settings(fair, None, {"capacity": 5})  # more seats: both move up
    family.refresh_from_db()
    single.refresh_from_db()
    assert (family.status, single.status) == ("confirmed", "confirmed")


def test_the_consent_is_recorded_verbatim_with_its_time(municipality):
    fair = open_event(municipality)
    before = timezone.now()
    registration = registering.register(fair, person("Ada")).registration
    assert registration.consent_text == CONSENT
    assert before <= registration.consented_at <= timezone.now()
    save_registration_settings(fair, None, {"consent_text": "Neuer Text"})
    registration.refresh_from_db()
    assert registration.consent_text == CONSENT


@pytest.mark.parametrize(
    "values, field",
    [
        ({"consent": False}, "consent"),
        ({"name": " "}, "name"),
        ({"email": "", "phone": ""}, "email"),
        ({"people": 6}, "people"),
    ],
)
def test_incomplete_registrations_are_refused_by_field(municipality, values, field):
    fair = open_event(municipality)
    with pytest.raises(ValidationError) as error:
        registering.register(fair, {**person("Ada"), **values})
    assert field in error.value.message_dict
    assert not Registration.objects.exists()


def test_no_registration_after_the_closing_time_or_when_closed(municipality):
    fair = open_event(municipality)
    save_registration_settings(fair, None, {"closes_at": timezone.now() - datetime.timedelta(minutes=1)})
    with pytest.raises(ValidationError, match="Anmeldeschluss"):
        registering.register(fair, person("Ada"))
    save_registration_settings(fair, None, {"closes_at": None, "is_open": False})
    with pytest.raises(ValidationError, match="keine Anmeldung"):
        registering.register(fair, person("Ada"))


def test_registering_twice_saves_once_and_mails_at_most_once_an_hour(municipality):
    fair = open_event(municipality)
    registering.register(fair, person("Ada"))
    again = registering.register(fair, person("Ada"))
    assert again.again and Registration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_one_address_is_rate_limited(municipality, settings):
    fair = open_event(municipality, capacity=None)
    for number in range(registering.LIMIT_PER_ADDRESS):
        # different parties under one address (e.g. one person registering several families)
        registering.register(
            fair, person(f"P{number}", email=f"p{number}@example.org"), client_address="203.0.113.9"
        )
    second = open_event(municipality, capacity=None, title="Zweite Jobbörse")
    for number in range(registering.LIMIT_PER_ADDRESS - 1):
        registering.register(second, person("Ada", email="ada@example.org") | {"name": f"A{number}"})
        Registration.objects.filter(activity=second).update(status="cancelled")
    registering.register(second, person("Ada"))
    with pytest.raises(registering.RateLimited):
        Registration.objects.filter(activity=second).update(status="cancelled")
        registering.register(second, person("Ada"))


def test_one_network_address_is_rate_limited(municipality, monkeypatch):
    monkeypatch.setattr(registering, "LIMIT_PER_CLIENT", 3)
    fair = open_event(municipality, capacity=None)
    for number in range(3):
        registering.register(fair, person(f"P{number}"), client_address="198.51.100.7")
    with pytest.raises(registering.RateLimited):
        registering.register(fair, person("P9"), client_address="198.51.100.7")
    registering.register(fair, person("P9"), client_address="198.51.100.8")  # another address is fine
    stored = Registration.objects.values_list("client_hash", flat=True)
    assert all(value and "198.51" not in value for value in stored)  # a keyed hash, not the address


def test_a_series_with_registration_per_date_counts_each_date_apart(municipality):
    start = timezone.localdate() + datetime.timedelta(days=7)
    course = open_event(
        municipality,
        capacity=1,
        title="Sprachcafé",
        starts_on=start,
        recurrence="FREQ=WEEKLY;COUNT=4",
    )
    save_registration_settings(course, None, {"per_date": True})
    first, second = list(course.dates.all()[:2])
    a = registering.register(course, person("Ada"), activity_date=first).registration
    b = registering.register(course, person("Ben"), activity_date=second).registration
    c = registering.register(course, person("Cem"), activity_date=first).registration
    assert (a.status, b.status, c.status) == ("confirmed", "confirmed", "waiting")
    event = _ics(mail.outbox[0]).walk("VEVENT")[0]
    assert event.decoded("DTSTART").date() == first.date and "RRULE" not in event
    with pytest.raises(ValidationError, match="Termin"):
        registering.register(course, person("Dua"))


def test_calling_an_activity_off_tells_everyone_registered_or_waiting_once(municipality):
    from teilhabe.activities.services.activities import change_state

    fair = open_event(municipality, capacity=1)
    registering.register(fair, person("Ada"))
    registering.register(fair, person("Ben"))
    gone = registering.register(fair, person("Cem")).registration
    registering.register(fair, person("Dua", email="", phone="0831 1234"))
    registering.cancel(gone)
    mail.outbox.clear()

    change_state(fair, "cancelled", None)

    told = sorted(m.to[0] for m in mail.outbox)
    assert told == ["ada@example.org", "ben@example.org"]
    assert all(m.subject == "Abgesagt: Jobbörse für Geflüchtete" for m in mail.outbox)
    assert "fällt „Jobbörse für Geflüchtete“ aus" in mail.outbox[0].body

    change_state(fair, "planned", None)
    change_state(fair, "cancelled", None)  # called off again: nobody is told twice
    assert len(mail.outbox) == 2


def test_the_call_off_notice_is_in_the_persons_language(municipality):
    from teilhabe.activities.services.activities import change_state

    fair = open_event(municipality, capacity=5)
    registering.register(fair, person("Ada", language="en"))
    mail.outbox.clear()
    change_state(fair, "cancelled", None)
    assert mail.outbox[0].subject == "Cancelled: Jobbörse für Geflüchtete"
    assert "has been cancelled" in mail.outbox[0].body
