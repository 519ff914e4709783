"""The office deletes a meeting or an idea (a confirmation page, POST deletes, the audit trail records it, what
hung on it stays); a task is edited and marked done only by the office or by its own organisation's editors."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import OFFICE, PARTNER_EDITOR
from teilhabe.directory.models import Organisation
from teilhabe.networks.models import Idea, Meeting, Task
from teilhabe.networks.services import ideas, tasks
from teilhabe.networks.tests.helpers import contact, meeting, member, network, url

pytestmark = pytest.mark.django_db

D = datetime.date


def deletions(model, pk):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_pk=str(pk),
        action=LogEntry.Action.DELETE,
    )


def test_the_office_deletes_a_meeting_after_confirming_and_its_tasks_and_ideas_stay(
    client, municipality, office_user
):
    communities = network(municipality)
    session = meeting(communities)
    task = tasks.save_task(municipality, None, {"title": "Raum buchen", "meeting": session})
    idea = ideas.save_idea(
        municipality, None, {"title": "Fußballturnier", "network": communities, "meeting": session}
    )
    client.force_login(office_user)
    page = client.get(url("meeting_detail", municipality, session.pk)).content.decode()
    assert url("meeting_delete", municipality, session.pk) in page
    confirm = client.get(url("meeting_delete", municipality, session.pk))
    html = confirm.content.decode()
    assert confirm.status_code == 200 and "wirklich löschen" in html
    assert (
        "Die Aufgabe dieses Treffens bleibt erhalten" in html and "Die Idee aus diesem Treffen bleibt" in html
    )
    assert Meeting.objects.filter(pk=session.pk).exists()  # the GET only asks
    response = client.post(url("meeting_delete", municipality, session.pk))
    assert response.status_code == 302 and response["Location"] == communities.get_absolute_url()
    assert not Meeting.objects.filter(pk=session.pk).exists()
    task.refresh_from_db()
    idea.refresh_from_db()
    assert task.meeting is None and idea.meeting is None
    assert deletions(Meeting, session.pk).get().actor == office_user
    # The tasks and ideas losing their meeting are in the audit trail too (not a silent SET NULL).
    for obj in (task, idea):
        change = (
            LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
        )
        assert "meeting" in change.changes_dict


def test_the_office_deletes_an_idea_and_the_activity_it_became_stays(client, municipality, office_user):
    idea = ideas.save_idea(municipality, None, {"title": "Sprachcafé"})
    idea = ideas.take_up_as_activity(idea, None)
    activity = idea.activity
    client.force_login(office_user)
    assert (
        url("idea_delete", municipality, idea.pk)
        in client.get(url("idea_detail", municipality, idea.pk)).content.decode()
    )
    html = client.get(url("idea_delete", municipality, idea.pk)).content.decode()
    assert "Die Aktivität „Sprachcafé“, die daraus entstanden ist, bleibt bestehen." in html
    response = client.post(url("idea_delete", municipality, idea.pk))
    assert response.status_code == 302 and response["Location"] == f"/{municipality.slug}/netzwerke/ideen/"
    assert not Idea.objects.filter(pk=idea.pk).exists()
    activity.refresh_from_db()  # still there
    assert deletions(Idea, idea.pk).get().actor == office_user


def test_only_the_office_deletes_and_another_municipalitys_meeting_is_not_found(
    client, municipality, other_municipality, partner, partner_user, office_user
):
    communities = network(municipality)
    member(communities, organisation=partner)  # the partner may contribute, but not delete
    session = meeting(communities)
    idea = ideas.save_idea(municipality, None, {"title": "Kinderfest", "network": communities})
    client.force_login(partner_user)
    assert (
        url("meeting_delete", municipality, session.pk)
        not in client.get(url("meeting_detail", municipality, session.pk)).content.decode()
    )
    for name, pk in (("meeting_delete", session.pk), ("idea_delete", idea.pk)):
        assert client.get(url(name, municipality, pk)).status_code == 403
        assert client.post(url(name, municipality, pk)).status_code == 403
    assert Meeting.objects.filter(pk=session.pk).exists() and Idea.objects.filter(pk=idea.pk).exists()
    foreign = meeting(network(other_municipality, name="Anderswo"))
    client.force_login(office_user)
    assert client.post(url("meeting_delete", municipality, foreign.pk)).status_code == 404
    assert Meeting.objects.filter(pk=foreign.pk).exists()


@pytest.fixture
def shared(municipality, partner, department):
    """A network both the Caritas (partner) and the Kulturamt (department) belong to."""
    communities = network(municipality)
    member(communities, organisation=partner)
    member(communities, organisation=department)
    return communities


def test_a_task_is_edited_only_by_the_office_and_its_own_organisation(
    client, municipality, shared, partner, department, partner_user, department_user, office_user
):
    caritas_contact = contact(municipality, partner, "Eva Caritas", "eva@caritas.example")
    theirs = tasks.save_task(
        municipality, None, {"title": "Raum buchen", "network": shared, "assignee_contact": caritas_contact}
    )
    assigned = tasks.save_task(
        municipality, None, {"title": "Flyer", "network": shared, "assignee_user": department_user}
    )
    entered = tasks.save_task(municipality, partner_user, {"title": "Protokoll", "network": shared})
    allowed = {
        partner_user: {theirs, entered},  # the Caritas' contact's task, and one a Caritas editor entered
        department_user: {assigned},  # assigned to a Kulturamt account
        office_user: {theirs, assigned, entered},
    }
    for user, editable in allowed.items():
        client.force_login(user)
        detail = client.get(url("detail", municipality, shared.pk)).content.decode()
        for task in (theirs, assigned, entered):
            status = client.get(url("task_edit", municipality, task.pk)).status_code
            assert status == (200 if task in editable else 403), (user, task.title, status)
            assert (url("task_edit", municipality, task.pk) in detail) == (task in editable), (
                user,
                task.title,
            )
        for task in {theirs, assigned, entered} - editable:
            assert client.post(url("task_done", municipality, task.pk)).status_code == 403
    assert not Task.objects.filter(done=True).exists()
    client.force_login(department_user)
    client.post(url("task_done", municipality, assigned.pk))
    assigned.refresh_from_db()
    assert assigned.done


def test_an_editor_of_another_organisation_may_not_edit_through_its_own_membership_elsewhere(
    client, municipality, other_municipality, shared, partner_user
):
    """The organisation counts in the task's municipality only: an account assigned here but a Caritas
    member elsewhere gives the Caritas here no right."""
    elsewhere = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Caritas")
    helper = User.objects.create_user(username="helfer@example.org", email="helfer@example.org")
    Membership.objects.create(user=helper, municipality=municipality, role=OFFICE)
    Membership.objects.create(
        user=helper, municipality=other_municipality, role=PARTNER_EDITOR, organisation=elsewhere
    )
    task = tasks.save_task(
        municipality, None, {"title": "Aufbau", "network": shared, "assignee_user": helper}
    )
    client.force_login(partner_user)
    assert client.get(url("task_edit", municipality, task.pk)).status_code == 403
