"""The cron commands: reminders the day before (never twice) and the anonymisation after the retention period."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import registering
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


def test_the_demo_is_idempotent_with_a_full_event_and_two_waiting(municipality):
    from teilhabe.registrations import demo

    demo.load_demo(municipality)
    demo.load_demo(municipality)
    rows = Registration.objects.filter(activity__title=demo.TITLE)
    assert rows.filter(status="waiting").count() == 2
    assert sum(r.people for r in rows.filter(status="confirmed")) == 4
    assert rows.first().activity.first_on > timezone.localdate()
