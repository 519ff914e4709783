"""The cron commands: reminders the day before (never twice) and the anonymisation after the retention period."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format

from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import registering
from teilhabe.registrations.services.reminders import send_reminders
from teilhabe.registrations.services.retention import purge_participants
from teilhabe.registrations.services.setup import save_policy
from teilhabe.registrations.tests.helpers import open_event, person

pytestmark = pytest.mark.django_db


def test_reminders_go_the_day_before_once_and_not_to_the_waiting_list(municipality):
    tomorrow = open_event(municipality, capacity=1, days_ahead=1)
    later = open_event(municipality, capacity=5, days_ahead=3, title="Später")
    registering.register(tomorrow, person("Ada"))
    registering.register(tomorrow, person("Ben"))  # waiting
    registering.register(later, person("Cem"))
    mail.outbox.clear()
    call_command("send_event_reminders", verbosity=0)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert "Erinnerung" in mail.outbox[0].subject and mail.outbox[0].attachments
    call_command("send_event_reminders", verbosity=0)
    assert len(mail.outbox) == 1


def test_participant_data_is_anonymised_after_the_retention_period(municipality, other_municipality):
    fair = open_event(municipality)
    registering.register(fair, person("Ada", accessibility_needs="Gebärdensprache"))
    event_day = fair.first_on
    save_policy(municipality, None, {"retention_days": 30})
    assert purge_participants(today=event_day + datetime.timedelta(days=30)) == 0
    assert purge_participants(today=event_day + datetime.timedelta(days=31)) == 1
    ada = Registration.objects.get()
    assert (ada.email, ada.accessibility_needs, ada.client_hash) == ("", "", "")
    assert ada.people == 1 and ada.status == "confirmed"  # the counts stay
    assert purge_participants(today=event_day + datetime.timedelta(days=400)) == 0


def test_the_default_retention_is_90_days(municipality):
    fair = open_event(municipality)
    registering.register(fair, person("Ada"))
    assert purge_participants(today=fair.first_on + datetime.timedelta(days=90)) == 0
    assert purge_participants(today=fair.first_on + datetime.timedelta(days=91)) == 1
    call_command("purge_participants", verbosity=0)


def _weekly_without_end(municipality):
    series = open_event(municipality, capacity=10, days_ahead=3, title="Sprachcafé", recurrence="FREQ=WEEKLY")
    assert series.last_on is None
    return series


def test_a_weekly_series_without_end_keeps_its_participants_while_it_runs(municipality):
    series = _weekly_without_end(municipality)
    registering.register(series, person("Ada"))
    assert purge_participants(today=series.first_on + datetime.timedelta(days=3650)) == 0
    assert Registration.objects.get().email == "ada@example.org"


def test_a_series_without_end_forgets_a_person_the_retention_period_after_they_cancelled(municipality):
    series = _weekly_without_end(municipality)
    ada = registering.register(series, person("Ada")).registration
    registering.register(series, person("Ben"))
    registering.cancel(ada)
    left = timezone.localdate()
    save_policy(municipality, None, {"retention_days": 30})
    assert purge_participants(today=left + datetime.timedelta(days=30)) == 0
    assert purge_participants(today=left + datetime.timedelta(days=31)) == 1
    emails = dict(Registration.objects.values_list("status", "email"))
    assert emails == {"cancelled": "", "confirmed": "ben@example.org"}


@pytest.mark.parametrize("state", ["done", "cancelled"])
def test_a_series_without_end_forgets_everyone_the_retention_period_after_it_ended(municipality, state):
    from teilhabe.activities.services.activities import change_state

    series = _weekly_without_end(municipality)
    registering.register(series, person("Ada"))
    ended = series.first_on + datetime.timedelta(days=70)
    change_state(series, state, None, reached_on=ended)
    assert purge_participants(today=ended + datetime.timedelta(days=90)) == 0
    assert purge_participants(today=ended + datetime.timedelta(days=91)) == 1
    assert Registration.objects.get().email == ""


def test_a_series_taken_up_again_keeps_its_participants(municipality):
    """Cancelled by mistake and planned again: the end no longer counts."""
    from teilhabe.activities.services.activities import change_state

    series = _weekly_without_end(municipality)
    registering.register(series, person("Ada"))
    change_state(series, "cancelled", None, reached_on=series.first_on)
    change_state(series, "planned", None, reached_on=series.first_on + datetime.timedelta(days=1))
    assert purge_participants(today=series.first_on + datetime.timedelta(days=400)) == 0


def test_the_demo_is_idempotent_with_a_full_event_and_two_waiting(municipality):
    from teilhabe.registrations import demo

    demo.load_demo(municipality)
    demo.load_demo(municipality)
    rows = Registration.objects.filter(activity__title=demo.TITLE)
    assert rows.filter(status="waiting").count() == 2
    assert sum(r.people for r in rows.filter(status="confirmed")) == 4
    assert rows.first().activity.first_on > timezone.localdate()


def at_eight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))


def test_a_registration_for_a_whole_series_is_reminded_before_each_date_that_takes_place(municipality):
    """Weekly, four dates, the third excepted: a reminder the day before the first, second and fourth date,
    each naming its own date, never twice on one day, none before the excepted date."""
    first = timezone.localdate() + datetime.timedelta(days=3)
    week = datetime.timedelta(days=7)
    series = open_event(
        municipality,
        capacity=10,
        days_ahead=3,
        title="Sprachcafé",
        recurrence="FREQ=WEEKLY;COUNT=4",
        exdates=[first + 2 * week],
    )
    registering.register(series, person("Ada"))
    assert Registration.objects.get().activity_date is None  # the whole series
    mail.outbox.clear()
    sent = {}
    day = timezone.localdate()
    while day <= first + 4 * week:
        count = send_reminders(at_eight(day))
        assert send_reminders(at_eight(day) + datetime.timedelta(hours=2)) == 0  # not twice on one day
        if count:
            sent[day + datetime.timedelta(days=1)] = mail.outbox[-1]
        day += datetime.timedelta(days=1)
    assert sorted(sent) == [first, first + week, first + 3 * week]
    for date, message in sent.items():
        assert message.to == ["ada@example.org"]
        with translation.override("de"):
            assert date_format(date, "DATE_FORMAT") in message.body  # the date it is about
        ((_name, ics, _type),) = [a for a in message.attachments if a[0] == "termin.ics"]
        ics = ics if isinstance(ics, str) else ics.decode()
        assert f"DTSTART;TZID=Europe/Berlin:{date:%Y%m%d}" in ics and "RRULE" not in ics  # that date only


def test_a_registration_for_one_date_of_a_series_is_reminded_of_that_date_only(municipality):
    from teilhabe.registrations.services.setup import save_registration_settings

    series = open_event(municipality, capacity=10, days_ahead=3, recurrence="FREQ=WEEKLY;COUNT=3")
    save_registration_settings(series, None, {"is_open": True, "per_date": True, "capacity": 10})
    second = series.dates.order_by("date")[1]
    registering.register(series, person("Ben"), activity_date=second)
    mail.outbox.clear()
    reminded = [
        day
        for day in (second.date - datetime.timedelta(days=n) for n in range(14, -8, -1))
        if send_reminders(at_eight(day))
    ]
    assert reminded == [second.date - datetime.timedelta(days=1)] and len(mail.outbox) == 1
