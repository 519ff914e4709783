"""`teilhabe send_round_reminders`: e-mails responsible editors with open items before the due date, once per
round and day, nobody without open items."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from teilhabe.concept import models as m
from teilhabe.concept.services import reporting
from teilhabe.concept.tests.monitoring import build_concept, statuses
from teilhabe.conftest import make_member

TODAY = datetime.date(2030, 10, 24)


@pytest.fixture
def setup(municipality, department, partner, department_user, partner_user, board_user, office_user):
    concept = build_concept(municipality, fields=1, goals=1, measures=2, leads=[department])
    a_round = m.ReportingRound.objects.create(
        municipality=municipality,
        concept=concept,
        title="Zwischenstand Oktober 2030",
        due_date=TODAY + datetime.timedelta(days=7),
    )
    return concept, a_round


def run(*args):
    call_command("send_round_reminders", "--today", TODAY.isoformat(), *args)


def test_it_reminds_editors_with_open_items_in_german_with_a_link(setup, department_user):
    run("--days", "7,1")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [department_user.email]
    assert "Erinnerung" in message.subject
    assert "Zwischenstand Oktober 2030" in message.subject
    assert "31.10.2030" in message.body or "31. Oktober 2030" in message.body
    assert "1.1.1 Maßnahme 1.1.1" in message.body
    assert "/musterstadt/konzept/meine-meldungen/" in message.body


def test_it_does_not_remind_twice_on_the_same_day(setup):
    run()
    run()
    assert len(mail.outbox) == 1
    assert m.RoundReminder.objects.count() == 1


def test_it_reminds_again_on_another_reminder_day(setup):
    run()
    call_command("send_round_reminders", "--today", (TODAY + datetime.timedelta(days=6)).isoformat())
    assert len(mail.outbox) == 2


def test_it_sends_nothing_on_days_not_asked_for(setup):
    call_command("send_round_reminders", "--today", (TODAY + datetime.timedelta(days=2)).isoformat())
    assert mail.outbox == []


def test_editors_without_open_items_get_nothing(setup, department_user, municipality):
    concept, a_round = setup
    vocabulary = statuses(municipality)
    for measure in m.Measure.objects.filter(concept=concept):
        reporting.save_report(
            a_round,
            measure,
            department_user,
            reporting.ReportInput(status=vocabulary["umgesetzt"]),
            submit=True,
        )
    run()
    assert mail.outbox == []


def test_drafts_and_returned_reports_still_count_as_open(setup, department_user, municipality):
    concept, a_round = setup
    vocabulary = statuses(municipality)
    first, second = m.Measure.objects.filter(concept=concept).order_by("sort_key")
    reporting.save_report(
        a_round, first, department_user, reporting.ReportInput(status=vocabulary["umgesetzt"])
    )
    reporting.save_report(
        a_round, second, department_user, reporting.ReportInput(status=vocabulary["umgesetzt"]), submit=True
    )
    run()
    assert len(mail.outbox) == 1
    assert "Entwurf" in mail.outbox[0].body
    assert "1.1.2" not in mail.outbox[0].body


def test_closed_rounds_and_inactive_members_are_left_alone(setup, department_user, municipality, department):
    concept, a_round = setup
    department_user.memberships.update(is_active=False)
    no_address = make_member(municipality, "department_editor", "ohne-adresse", department)
    assert no_address.email == "ohne-adresse"
    type(no_address).objects.filter(pk=no_address.pk).update(email="")
    run()
    assert mail.outbox == []
    department_user.memberships.update(is_active=True)
    reporting.close_round(a_round, None)
    run()
    assert mail.outbox == []


def test_a_dry_run_sends_nothing_but_says_who(setup, capsys):
    run("--dry-run")
    assert mail.outbox == []
    assert "würde erinnern kulturamt@example.org" in capsys.readouterr().out
    assert m.RoundReminder.objects.count() == 0
