import datetime

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from teilhabe.activities.models import Activity
from teilhabe.concept.samples import measure as sample_measure
from teilhabe.networks.models import Idea, Task
from teilhabe.networks.services import ideas, invitations, tasks
from teilhabe.networks.services.meetings import clean_minutes, save_meeting
from teilhabe.networks.tests.helpers import contact, meeting, member, network, organisation

D = datetime.date


def test_minutes_are_sanitised(municipality):
    communities = network(municipality)
    hostile = (
        '<p onclick="x()" style="color:red">Klimaschutz <strong>wichtig</strong></p>'
        '<script>alert(1)</script><img src="https://tracker.example/p.gif">'
        '<a href="javascript:alert(1)">böse</a> <a href="https://klima.example">gut</a>'
    )
    saved = save_meeting(communities, None, {"date": D(2024, 6, 1), "minutes": hostile})
    assert "<script" not in saved.minutes and "onclick" not in saved.minutes
    assert "style=" not in saved.minutes and "<img" not in saved.minutes
    assert "javascript:" not in saved.minutes
    assert "<strong>wichtig</strong>" in saved.minutes and 'href="https://klima.example"' in saved.minutes
    assert (
        clean_minutes("Erster Absatz\n\nZweiter & dritter")
        == "<p>Erster Absatz</p><p>Zweiter &amp; dritter</p>"
    )


def test_topics_are_a_clean_list(municipality):
    saved = meeting(network(municipality), topics="Klimaschutz, Kultur;  kultur ,")
    assert saved.topics == ["Klimaschutz", "Kultur"]


def _members(municipality, communities):
    ukr = organisation(municipality, "Ukrainischer Verein", email="info@ukr.example")
    tev = organisation(municipality, "Türkischer Elternverein", email="info@tev.example")
    iryna = contact(municipality, ukr, "Iryna Melnyk", "iryna@ukr.example", languages=["uk", "en"])
    withdrawn = contact(municipality, tev, "Ohne Einwilligung", "ohne@tev.example", consent=False)
    member(communities, organisation=ukr, role="Mitglied")
    member(communities, contact=iryna, role="Sprecherin")
    member(communities, contact=withdrawn)
    member(communities, organisation=tev)


def test_the_invitation_goes_once_to_each_member_with_an_ics_that_parses(municipality, office_user):
    communities = network(municipality)
    _members(municipality, communities)
    session = meeting(
        communities,
        start_time=datetime.time(18, 0),
        end_time=datetime.time(20, 0),
        place="Altstadthaus",
        agenda="1. Klimaschutz\n2. Kultur",
    )
    invitations.send_invitation(session, office_user)
    addresses = sorted(m.to[0] for m in mail.outbox)
    # the organisations' general addresses and the consenting contact; no address twice, the contact
    # without consent is written to at their organisation's address (already on the list)
    assert addresses == ["info@tev.example", "info@ukr.example", "iryna@ukr.example"]
    english = next(m for m in mail.outbox if m.to == ["iryna@ukr.example"])
    assert "Invitation" in english.subject
    german = next(m for m in mail.outbox if m.to == ["info@ukr.example"])
    assert "Einladung" in german.subject and "1. Klimaschutz" in german.body
    name, content, mimetype = german.attachments[0]
    assert name == "einladung.ics" and mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Netzwerktreffen"
    start = event.decoded("dtstart")
    assert start.replace(tzinfo=None) == datetime.datetime(2024, 6, 12, 18, 0)
    assert str(start.tzinfo) == "Europe/Berlin" and calendar.walk("VTIMEZONE")
    assert str(event["location"]) == "Altstadthaus"
    assert session.invited.count() == 4

    mail.outbox.clear()
    assert invitations.send_invitation(session, office_user) is None
    assert mail.outbox == []
    session = save_meeting(communities, office_user, {"date": D(2024, 6, 19)}, meeting=session)
    invitations.send_invitation(session, office_user)  # moved: a new invitation
    assert len(mail.outbox) == 3


def test_the_minutes_go_once(municipality, office_user):
    communities = network(municipality)
    _members(municipality, communities)
    session = meeting(communities, minutes="<p>Sprachcafé vereinbart</p>", decisions="Sprachcafé ab Juli")
    tasks.save_task(municipality, office_user, {"title": "Raum anfragen", "meeting": session})
    invitations.send_minutes(session, office_user)
    assert len(mail.outbox) == 3
    assert "Sprachcafé vereinbart" in mail.outbox[0].body and "Raum anfragen" in mail.outbox[0].body
    assert "<p>Sprachcafé vereinbart</p>" in mail.outbox[0].alternatives[0][0]
    assert invitations.send_minutes(session, office_user) is None and len(mail.outbox) == 3


def test_overdue_tasks_and_the_users_own(municipality, office_user):
    communities = network(municipality)
    session = meeting(communities)
    today = D(2024, 7, 1)
    late = tasks.save_task(
        municipality, None, {"title": "Protokoll", "meeting": session, "due_on": D(2024, 6, 30)}
    )
    mine = tasks.save_task(
        municipality, None, {"title": "Raum", "assignee_user": office_user, "due_on": D(2024, 6, 1)}
    )
    tasks.save_task(municipality, None, {"title": "Später", "meeting": session, "due_on": today})
    assert late.network == communities
    assert set(tasks.overdue(Task.objects.all(), today)) == {late, mine}
    tasks.set_done(late, office_user, today=today)
    assert list(tasks.overdue(Task.objects.all(), today)) == [mine]
    assert late.done_on == today
    assert tasks.for_user(municipality, office_user, today) == ([mine], 1)


def test_a_task_needs_a_title_and_the_own_municipality(municipality, other_municipality):
    with pytest.raises(ValidationError):
        tasks.save_task(municipality, None, {"title": " "})
    elsewhere = network(other_municipality)
    with pytest.raises(ValidationError):
        tasks.save_task(municipality, None, {"title": "x", "network": elsewhere})


def test_reminders_go_once_per_task(municipality, office_user):
    today = D(2024, 7, 1)
    task = tasks.save_task(
        municipality,
        None,
        {"title": "Bericht schreiben", "assignee_user": office_user, "due_on": today, "remind": True},
    )
    tasks.save_task(
        municipality, None, {"title": "ohne Erinnerung", "assignee_user": office_user, "due_on": today}
    )
    tasks.save_task(
        municipality,
        None,
        {"title": "später", "assignee_user": office_user, "due_on": D(2024, 7, 2), "remind": True},
    )
    call_command("send_task_reminders", "--today", today.isoformat())
    assert [m.to for m in mail.outbox] == [[office_user.email]]
    assert "Bericht schreiben" in mail.outbox[0].subject and f"/aufgaben/{task.pk}/" in mail.outbox[0].body
    call_command("send_task_reminders", "--today", D(2024, 7, 3).isoformat())
    assert len(mail.outbox) == 2  # the later task now; the first never twice


def test_an_idea_becomes_a_planned_activity_linked_both_ways(municipality, office_user, partner):
    communities = network(municipality)
    idea = ideas.save_idea(
        municipality,
        office_user,
        {"title": "Gemeinsames Fußballturnier", "network": communities, "proposed_by_organisation": partner},
    )
    assert idea.state == Idea.State.NEW
    idea = ideas.take_up_as_activity(idea, office_user, {"starts_on": D(2025, 5, 10)})
    activity = Activity.objects.get()
    assert idea.state == Idea.State.TAKEN_UP and idea.activity == activity
    assert activity.state == "planned" and activity.title == "Gemeinsames Fußballturnier"
    assert list(activity.source_ideas.all()) == [idea]
    assert [p.organisation for p in activity.partners.all()] == [partner]
    with pytest.raises(ValidationError):
        ideas.take_up_as_activity(idea, office_user)


def test_an_idea_becomes_a_measure_linked_both_ways(municipality, office_user):
    existing = sample_measure(municipality)
    idea = ideas.save_idea(municipality, office_user, {"title": "Gemeinsames Kinderfest 2025"})
    with pytest.raises(ValidationError) as error:
        ideas.take_up_as_measure(idea, office_user, existing.goal, existing.number)
    assert "gibt es im Konzept schon" in str(error.value)
    idea = ideas.take_up_as_measure(idea, office_user, existing.goal, "9.9.9")
    assert idea.measure.title == "Gemeinsames Kinderfest 2025" and idea.measure.concept == existing.concept
    assert list(idea.measure.source_ideas.all()) == [idea] and idea.state == "taken_up"


def test_members_are_of_the_own_municipality(municipality, other_municipality):
    elsewhere = organisation(other_municipality, "Fremd")
    with pytest.raises(ValidationError):
        member(network(municipality), organisation=elsewhere)
