"""Who may open which concept page: office edits everything, editors report only on their organisation's
measures, the advisory board reads, members of another municipality get 404."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses

SLUG = "musterstadt"


@pytest.fixture
def world(municipality, department, partner):
    concept = build_concept(municipality, fields=1, goals=1, measures=2, leads=[department, partner])
    vocabulary = statuses(municipality)
    own, foreign = m.Measure.objects.filter(concept=concept).order_by("sort_key")
    a_round = m.ReportingRound.objects.create(
        municipality=municipality, concept=concept, title="Runde", due_date=datetime.date(2030, 1, 1)
    )
    report = m.StatusReport.objects.create(
        municipality=municipality,
        round=a_round,
        measure=foreign,
        status=vocabulary["in Umsetzung"],
        state="submitted",
    )
    focus = m.Focus.objects.create(municipality=municipality, concept=concept, year=2024, title="Teilhabe")
    status = vocabulary["entfallen"]
    return {
        "concept_id": concept.pk,
        "field_id": own.field_of_action_id,
        "goal_id": own.goal_id,
        "measure_id": own.pk,
        "foreign_measure_id": foreign.pk,
        "round_id": a_round.pk,
        "report_id": report.pk,
        "focus_id": focus.pk,
        "status_id": status.pk,
    }


READ_PAGES = [
    ("index", []),
    ("dashboard", ["concept_id"]),
    ("measure_list", ["concept_id"]),
    ("measure_detail", ["measure_id"]),
    ("matrix", ["concept_id"]),
    ("round_list", ["concept_id"]),
    ("round_detail", ["round_id"]),
    ("compare", ["concept_id"]),
]
OFFICE_PAGES = [
    ("concept_create", []),
    ("concept_edit", ["concept_id"]),
    ("structure", ["concept_id"]),
    ("field_create", ["concept_id"]),
    ("field_edit", ["field_id"]),
    ("field_delete", ["field_id"]),
    ("goal_create", ["concept_id"]),
    ("goal_edit", ["goal_id"]),
    ("goal_delete", ["goal_id"]),
    ("measure_create", ["concept_id"]),
    ("measure_edit", ["measure_id"]),
    ("measure_delete", ["measure_id"]),
    ("focus_create", ["concept_id"]),
    ("focus_edit", ["focus_id"]),
    ("focus_delete", ["focus_id"]),
    ("status_list", []),
    ("status_create", []),
    ("status_edit", ["status_id"]),
    ("status_delete", ["status_id"]),
    ("round_create", ["concept_id"]),
    ("round_edit", ["round_id"]),
    ("round_close", ["round_id"]),
    ("report_review", ["report_id"]),
]


def url(name, world, kwargs):
    return reverse(f"concept:{name}", args=[SLUG, *[world[k] for k in kwargs]])


@pytest.mark.parametrize("name,kwargs", READ_PAGES)
def test_every_member_can_read_the_monitoring_pages(client, role_users, world, name, kwargs):
    for role, user in role_users.items():
        client.force_login(user)
        response = client.get(url(name, world, kwargs), follow=True)
        assert response.status_code == 200, (name, role)


@pytest.mark.parametrize("name,kwargs", READ_PAGES + OFFICE_PAGES)
def test_members_of_another_municipality_get_404(client, outsider, world, name, kwargs):
    client.force_login(outsider)
    assert client.get(url(name, world, kwargs)).status_code == 404


@pytest.mark.parametrize("name,kwargs", OFFICE_PAGES)
def test_only_the_office_may_edit(client, role_users, world, name, kwargs):
    for role, user in role_users.items():
        client.force_login(user)
        expected = 200 if role == OFFICE else 403
        assert client.get(url(name, world, kwargs)).status_code == expected, (name, role)
        if role != OFFICE:
            assert client.post(url(name, world, kwargs), {}).status_code == 403, (name, role)


def test_editors_report_only_on_their_own_measures(client, role_users, world):
    own = reverse("concept:report_edit", args=[SLUG, world["round_id"], world["measure_id"]])
    foreign = reverse("concept:report_edit", args=[SLUG, world["round_id"], world["foreign_measure_id"]])
    client.force_login(role_users[DEPARTMENT_EDITOR])
    assert client.get(own).status_code == 200
    assert client.get(foreign).status_code == 403
    assert client.post(foreign, {"status": world["status_id"], "aktion": "einreichen"}).status_code == 403
    client.force_login(role_users[PARTNER_EDITOR])
    assert client.get(own).status_code == 403
    assert client.get(foreign).status_code == 200  # the partner leads this one


def test_the_advisory_board_cannot_report_or_review(client, role_users, world):
    client.force_login(role_users[ADVISORY_BOARD])
    own = reverse("concept:report_edit", args=[SLUG, world["round_id"], world["measure_id"]])
    assert client.get(own).status_code == 403
    assert client.get(reverse("concept:my_reports", args=[SLUG])).status_code == 403
    assert client.post(url("report_review", world, ["report_id"]), {"aktion": "annehmen"}).status_code == 403


def test_editors_cannot_accept_reports(client, role_users, world):
    client.force_login(role_users[PARTNER_EDITOR])
    response = client.post(url("report_review", world, ["report_id"]), {"aktion": "annehmen"})
    assert response.status_code == 403
    assert m.StatusReport.objects.get(pk=world["report_id"]).state == "submitted"
    # nor via the report form's office-only button
    foreign = reverse("concept:report_edit", args=[SLUG, world["round_id"], world["foreign_measure_id"]])
    m.StatusReport.objects.filter(pk=world["report_id"]).update(state="returned")
    client.post(foreign, {"status": world["status_id"], "aktion": "annehmen"})
    assert m.StatusReport.objects.get(pk=world["report_id"]).state != "accepted"


def test_an_involved_organisation_may_report_too(client, municipality, world, partner_user, partner):
    own = m.Measure.objects.get(pk=world["measure_id"])
    own.involved.add(partner)
    client.force_login(partner_user)
    assert (
        client.get(reverse("concept:report_edit", args=[SLUG, world["round_id"], own.pk])).status_code == 200
    )
    assert own.title in client.get(reverse("concept:my_reports", args=[SLUG])).content.decode()


def test_office_sees_the_review_queue_as_its_todo_list(client, office_user, world):
    client.force_login(office_user)
    page = client.get(reverse("concept:my_reports", args=[SLUG]))
    assert page.status_code == 200
    assert list(page.context["waiting"]) == [m.StatusReport.objects.get(pk=world["report_id"])]


def test_an_editor_without_organisation_is_told_whom_to_ask(client, municipality, world):
    from teilhabe.conftest import make_member

    client.force_login(make_member(municipality, DEPARTMENT_EDITOR, "ohne@example.org"))
    page = client.get(reverse("concept:my_reports", args=[SLUG]))
    assert page.status_code == 200
    assert "keine Organisation zugeordnet" in page.content.decode()
