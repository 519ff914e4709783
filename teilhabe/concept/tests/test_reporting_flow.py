"""The whole reporting flow through the pages: the office opens a round, a department editor sees only their
measures, reports and submits, the office accepts or sends back, the dashboard changes, closing freezes."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses

SLUG = "musterstadt"


@pytest.fixture
def concept(municipality, department, partner):
    # measures alternate between the Kulturamt (department) and the Caritas (partner) as lead
    return build_concept(municipality, fields=1, goals=1, measures=4, leads=[department, partner])


def url(name, *args):
    return reverse(f"concept:{name}", args=[SLUG, *args])


def test_the_whole_flow_from_opening_a_round_to_a_changed_dashboard(
    client, concept, office_user, department_user, department
):
    vocabulary = statuses(concept.municipality)
    client.force_login(office_user)
    response = client.post(
        url("round_create", concept.pk), {"title": "Zwischenstand Oktober 2023", "due_date": "2030-10-31"}
    )
    a_round = m.ReportingRound.objects.get(concept=concept)
    assert response.status_code == 302

    client.force_login(department_user)
    todo = client.get(url("my_reports"))
    mine = list(m.Measure.objects.filter(concept=concept, lead=department).order_by("sort_key"))
    others = m.Measure.objects.filter(concept=concept).exclude(lead=department)
    assert todo.status_code == 200
    for measure in mine:
        assert measure.title in todo.content.decode()
    for measure in others:
        assert measure.title not in todo.content.decode()

    dashboard = client.get(url("dashboard", concept.pk))
    assert dashboard.context["my_open_items"] == 2
    assert "noch 2 Sachstandsmeldungen offen" in dashboard.content.decode()

    measure = mine[0]
    in_progress = vocabulary["in Umsetzung"]
    form = {"status": in_progress.pk, "done": "Sprachcafé eröffnet", "next_steps": "", "obstacles": ""}
    client.post(url("report_edit", a_round.pk, measure.pk), {**form, "aktion": "entwurf"})
    report = m.StatusReport.objects.get(round=a_round, measure=measure)
    assert report.state == "draft"
    client.post(url("report_edit", a_round.pk, measure.pk), {**form, "aktion": "einreichen"})
    report.refresh_from_db()
    assert report.state == "submitted"
    assert report.reported_by == department_user
    assert report.reported_at is not None
    assert client.get(url("dashboard", concept.pk)).context["my_open_items"] == 1

    client.force_login(office_user)
    before = client.get(url("dashboard", concept.pk)).content.decode()
    assert "in Umsetzung" in before
    response = client.post(url("report_review", report.pk), {"aktion": "annehmen"})
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.current_status == in_progress
    assert measure.current_report == report
    dashboard = client.get(url("dashboard", concept.pk))
    started = dashboard.context["overview"].overall.started
    assert started == 1
    assert dashboard.context["overview"].overall.total == 4


def test_a_returned_report_shows_the_comment_and_can_be_resubmitted(
    client, concept, office_user, department_user, department
):
    vocabulary = statuses(concept.municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=concept.municipality, concept=concept, title="Runde", due_date=datetime.date(2030, 5, 1)
    )
    measure = m.Measure.objects.filter(concept=concept, lead=department).first()
    form = {"status": vocabulary["umgesetzt"].pk, "done": "fertig", "aktion": "einreichen"}
    client.force_login(department_user)
    client.post(url("report_edit", a_round.pk, measure.pk), form)
    report = m.StatusReport.objects.get(round=a_round, measure=measure)

    client.force_login(office_user)
    missing_comment = client.post(url("report_review", report.pk), {"aktion": "zurueck", "comment": ""})
    assert missing_comment.status_code == 200
    report.refresh_from_db()
    assert report.state == "submitted"
    client.post(
        url("report_review", report.pk), {"aktion": "zurueck", "comment": "Bitte Teilnehmerzahlen ergänzen."}
    )
    report.refresh_from_db()
    assert report.state == "returned"

    client.force_login(department_user)
    page = client.get(url("report_edit", a_round.pk, measure.pk)).content.decode()
    assert "Bitte Teilnehmerzahlen ergänzen." in page
    assert "zurückgegeben" in client.get(url("my_reports")).content.decode()
    client.post(url("report_edit", a_round.pk, measure.pk), {**form, "done": "fertig, 40 Teilnehmende"})
    report.refresh_from_db()
    assert report.state == "submitted"
    assert report.done == "fertig, 40 Teilnehmende"
    measure.refresh_from_db()
    assert measure.current_status is None  # not yet accepted


def test_a_submitted_report_cannot_be_changed_by_the_editor_until_it_is_returned(
    client, concept, department_user, department
):
    vocabulary = statuses(concept.municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=concept.municipality, concept=concept, title="Runde", due_date=datetime.date(2030, 5, 1)
    )
    measure = m.Measure.objects.filter(concept=concept, lead=department).first()
    client.force_login(department_user)
    form = {"status": vocabulary["in Umsetzung"].pk, "done": "a", "aktion": "einreichen"}
    client.post(url("report_edit", a_round.pk, measure.pk), form)
    response = client.post(url("report_edit", a_round.pk, measure.pk), {**form, "done": "b"})
    assert response.status_code == 403
    assert m.StatusReport.objects.get(round=a_round, measure=measure).done == "a"


def test_office_can_report_for_any_measure_and_accept_in_one_step(client, concept, office_user, partner):
    vocabulary = statuses(concept.municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=concept.municipality, concept=concept, title="Runde", due_date=datetime.date(2030, 5, 1)
    )
    measure = m.Measure.objects.filter(concept=concept, lead=partner).first()
    client.force_login(office_user)
    client.post(
        url("report_edit", a_round.pk, measure.pk),
        {"status": vocabulary["umgesetzt"].pk, "done": "erledigt", "aktion": "annehmen"},
    )
    measure.refresh_from_db()
    assert measure.current_status == vocabulary["umgesetzt"]
    assert measure.current_report.state == "accepted"


def test_closing_a_round_freezes_it(client, concept, office_user, department_user, department):
    vocabulary = statuses(concept.municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=concept.municipality,
        concept=concept,
        title="Mai 2024",
        due_date=datetime.date(2024, 5, 31),
    )
    measure = m.Measure.objects.filter(concept=concept, lead=department).first()
    client.force_login(department_user)
    form = {"status": vocabulary["in Umsetzung"].pk, "done": "läuft", "aktion": "einreichen"}
    client.post(url("report_edit", a_round.pk, measure.pk), form)
    report = m.StatusReport.objects.get(round=a_round, measure=measure)
    client.force_login(office_user)
    client.post(url("report_review", report.pk), {"aktion": "annehmen"})

    confirm = client.get(url("round_close", a_round.pk))
    assert confirm.status_code == 200
    assert "endgültig" in confirm.content.decode()
    client.post(url("round_close", a_round.pk))
    a_round.refresh_from_db()
    report.refresh_from_db()
    assert a_round.is_closed
    assert a_round.closed_by == office_user
    assert report.snapshot["status"]["name"] == "in Umsetzung"
    assert report.snapshot["measure"]["number"] == measure.number
    assert a_round.summary["started"] == 1
    assert a_round.summary["measures"] == 4

    # pages refuse every change
    client.force_login(department_user)
    other = m.Measure.objects.filter(concept=concept, lead=department).exclude(pk=measure.pk).first()
    assert client.post(url("report_edit", a_round.pk, other.pk), form).status_code == 403
    assert not m.StatusReport.objects.filter(round=a_round, measure=other).exists()
    client.force_login(office_user)
    assert (
        client.post(url("report_edit", a_round.pk, measure.pk), {**form, "aktion": "annehmen"}).status_code
        == 403
    )
    assert client.get(url("round_edit", a_round.pk)).status_code == 403
    client.post(url("report_review", report.pk), {"aktion": "zurueck", "comment": "nein"})
    report.refresh_from_db()
    assert report.state == "accepted"
    # the closed round stays readable as closed
    page = client.get(url("round_detail", a_round.pk))
    assert page.status_code == 200
    assert "abgeschlossen" in page.content.decode()
    assert "Stand beim Abschluss" in page.content.decode()

    # and a renamed status does not change what the closed round shows
    in_progress = vocabulary["in Umsetzung"]
    in_progress.name = "läuft"
    in_progress.save()
    assert "in Umsetzung" in client.get(url("round_detail", a_round.pk)).content.decode()
