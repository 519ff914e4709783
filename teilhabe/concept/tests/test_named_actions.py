"""Changes go through named actions: each object saved on its own (so the audit trail sees it), the round
rules enforced in one place, and the workflow's e-mails sent."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from teilhabe.concept import models as m
from teilhabe.concept.services import reporting, rounds, structure
from teilhabe.concept.tests.monitoring import accepted_round, build_concept, statuses
from teilhabe.conftest import make_member

SLUG = "musterstadt"


def url(name, *args):
    return reverse(f"concept:{name}", args=[SLUG, *args])


def future(days=30):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def concept(municipality, department, partner):
    return build_concept(municipality, fields=2, goals=1, measures=2, leads=[department, partner])


def entries_for(obj):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
    ).order_by("pk")


def test_a_new_current_concept_makes_the_old_one_not_current_and_the_audit_trail_says_so(municipality):
    old = structure.create_concept(municipality, {"title": "Alt", "short_name": "ALT", "is_current": True})
    new = structure.create_concept(municipality, {"title": "Neu", "short_name": "NEU", "is_current": True})
    old.refresh_from_db()
    assert new.is_current and not old.is_current
    change = entries_for(old).last()
    assert change.action == LogEntry.Action.UPDATE
    assert change.changes_dict["is_current"] == ["True", "False"]
    assert m.Status.objects.filter(municipality=municipality).count() == len(m.DEFAULT_STATUSES)


def test_measures_moving_with_their_goal_are_each_in_the_audit_trail(office_client, concept):
    first, second = m.FieldOfAction.objects.filter(concept=concept).order_by("number")
    goal = m.Goal.objects.filter(field_of_action=first).first()
    moved = list(goal.measures.all())
    assert moved
    response = office_client.post(
        url("goal_edit", goal.pk),
        {"field_of_action": second.pk, "number": goal.number, "title": goal.title, "description": ""},
    )
    assert response.status_code == 302
    for measure in moved:
        measure.refresh_from_db()
        assert measure.field_of_action == second
        assert entries_for(measure).last().changes_dict["field_of_action"][1] == str(second.pk)


def test_a_concept_has_at_most_one_open_round(concept):
    reporting.open_round(concept, "Herbst", future())
    with pytest.raises(reporting.ReportingError, match="noch offen"):
        reporting.open_round(concept, "Winter", future(60))
    assert m.ReportingRound.objects.filter(concept=concept).count() == 1


def test_the_round_form_refuses_a_second_open_round_and_a_past_due_date(office_client, concept):
    past = office_client.post(url("round_create", concept.pk), {"title": "Alt", "due_date": "2020-01-31"})
    assert past.status_code == 200
    assert "Vergangenheit" in past.content.decode()
    office_client.post(url("round_create", concept.pk), {"title": "Herbst", "due_date": future().isoformat()})
    second = office_client.post(
        url("round_create", concept.pk), {"title": "Winter", "due_date": future(60).isoformat()}
    )
    assert "„Herbst“ ist noch offen" in second.content.decode()
    assert list(m.ReportingRound.objects.values_list("title", flat=True)) == ["Herbst"]
    a_round = m.ReportingRound.objects.get()
    office_client.post(url("round_edit", a_round.pk), {"title": "Herbst", "due_date": "2020-01-31"})
    a_round.refresh_from_db()
    assert a_round.due_date == future()


def test_opening_a_round_tells_the_responsible_editors_who_want_it(
    django_capture_on_commit_callbacks, concept, municipality, department, department_user, partner
):
    partner_user = make_member(municipality, "partner_editor", "partner@example.org", partner)
    partner_user.notify_round_opened = False
    partner_user.save()
    idle = make_member(municipality, "department_editor", "idle@example.org", None)
    with django_capture_on_commit_callbacks(execute=True):
        reporting.open_round(concept, "Zwischenstand Herbst", future())
    assert [message.to for message in mail.outbox] == [[department_user.email]]
    assert "Zwischenstand Herbst" in mail.outbox[0].subject
    assert reverse("concept:my_reports", args=[SLUG]) in mail.outbox[0].body
    assert idle.email not in str([message.to for message in mail.outbox])


def test_editors_switch_the_round_mail_off_in_their_profile(client, department_user):
    client.force_login(department_user)
    response = client.post(reverse("accounts:profile"), {"aktion": "benachrichtigungen"})
    assert response.status_code == 302
    department_user.refresh_from_db()
    assert department_user.notify_round_opened is False


def test_sending_a_report_back_mails_its_author_with_the_comment(
    django_capture_on_commit_callbacks, office_client, concept, department, department_user
):
    vocabulary = statuses(concept.municipality)
    a_round = reporting.open_round(concept, "Herbst", future(), notify=False)
    measure = m.Measure.objects.filter(concept=concept, lead=department).first()
    report = reporting.save_report(
        a_round, measure, department_user, reporting.ReportInput(vocabulary["in Umsetzung"]), submit=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        office_client.post(
            url("report_review", report.pk), {"aktion": "zurueck", "comment": "Bitte Teilnehmerzahl nennen."}
        )
    report.refresh_from_db()
    assert report.state == m.StatusReport.State.RETURNED
    assert [message.to for message in mail.outbox] == [[department_user.email]]
    assert measure.number in mail.outbox[0].subject
    assert "Bitte Teilnehmerzahl nennen." in mail.outbox[0].body


def test_round_rows_count_each_state_once_and_filter(concept, office_user):
    vocabulary = statuses(concept.municipality)
    a_round = reporting.open_round(concept, "Herbst", future(), notify=False)
    first, *_rest = m.Measure.objects.filter(concept=concept).order_by("sort_key")
    reporting.save_report(a_round, first, office_user, reporting.ReportInput(vocabulary["umgesetzt"]))
    result = rounds.round_rows(a_round)
    assert result.counts["draft"] == 1
    assert result.counts["missing"] == m.Measure.objects.filter(concept=concept).count() - 1
    drafts = rounds.round_rows(a_round, "draft")
    assert [row["measure"] for row in drafts.rows] == [first]
    assert [label for _s, label, _n in drafts.filters][0] == "noch keine Meldung"


def test_compare_without_a_choice_shows_the_two_latest_closed_rounds(client, office_user, concept):
    client.force_login(office_user)
    vocabulary = statuses(concept.municipality)
    empty = client.get(url("compare", concept.pk))
    assert empty.context["comparison"] is None
    assert "bisher sind 0 abgeschlossen" in empty.content.decode()
    for title, due in (("A", datetime.date(2023, 1, 31)), ("B", datetime.date(2023, 6, 30))):
        accepted_round(concept, title, due, lambda _m: vocabulary["in Umsetzung"])
    reporting.open_round(concept, "C offen", future(), notify=False)
    page = client.get(url("compare", concept.pk))
    assert page.context["comparison"].earlier.title == "A"
    assert page.context["comparison"].later.title == "B"
