"""The start page tells an editor which open rounds still wait for their reports, and the office how many
handed-in reports wait for review: the first thing each of them has to do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import build_concept, statuses

HOME = reverse("municipalities:home", args=["musterstadt"])


@pytest.fixture
def concept(municipality, department, partner):
    # four measures, the Kulturamt (department) and the Caritas (partner) leading two each
    return build_concept(municipality, fields=1, goals=1, measures=4, leads=[department, partner])


def open_round(concept, title="Zwischenstand Oktober 2030", due=datetime.date(2030, 10, 31)):
    return m.ReportingRound.objects.create(
        municipality=concept.municipality, concept=concept, title=title, due_date=due
    )


def report(a_round, measure, state):
    status = statuses(a_round.municipality)["in Umsetzung"]
    return m.StatusReport.objects.create(
        municipality=a_round.municipality, round=a_round, measure=measure, status=status, state=state
    )


def home(client, user):
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_the_open_rounds_with_what_is_still_to_report(
    client, concept, department, department_user
):
    a_round = open_round(concept)
    mine = list(m.Measure.objects.filter(concept=concept, lead=department).order_by("sort_key"))
    report(a_round, mine[0], m.StatusReport.State.RETURNED)
    content = home(client, department_user)
    assert "Ihre Sachstandsmeldungen" in content
    assert "Zwischenstand Oktober 2030" in content
    assert "Meldefrist 31.10.2030" in content
    assert "2 Meldungen offen, davon 1 zurückgegeben" in content
    assert reverse("concept:my_reports", args=["musterstadt"]) in content


def test_nothing_is_said_once_everything_is_handed_in_or_the_round_is_closed(
    client, concept, department, department_user
):
    closed = open_round(concept, title="Zwischenstand April 2030", due=datetime.date(2030, 4, 30))
    closed.closed_at = timezone.now()
    closed.save()  # (nothing reported in it)
    a_round = open_round(concept)
    for measure in m.Measure.objects.filter(concept=concept, lead=department):
        report(a_round, measure, m.StatusReport.State.SUBMITTED)
    content = home(client, department_user)
    assert "Ihre Sachstandsmeldungen" not in content
    assert "Zwischenstand" not in content


def test_a_partner_sees_only_the_measures_of_its_own_organisation(client, concept, partner_user, partner):
    a_round = open_round(concept)
    theirs = m.Measure.objects.filter(concept=concept, lead=partner).first()
    report(a_round, theirs, m.StatusReport.State.SUBMITTED)
    assert "1 Meldung offen" in home(client, partner_user)


def test_the_office_sees_how_many_reports_wait_for_review_and_the_board_sees_none(
    client, concept, department, office_user, board_user, other_municipality
):
    a_round = open_round(concept)
    measures = list(m.Measure.objects.filter(concept=concept).order_by("sort_key"))
    report(a_round, measures[0], m.StatusReport.State.SUBMITTED)
    report(a_round, measures[1], m.StatusReport.State.SUBMITTED)
    report(a_round, measures[2], m.StatusReport.State.DRAFT)
    # another municipality's waiting report is not counted
    elsewhere = build_concept(other_municipality, fields=1, goals=1, measures=1)
    report(open_round(elsewhere), m.Measure.objects.get(concept=elsewhere), m.StatusReport.State.SUBMITTED)
    content = home(client, office_user)
    assert "2 eingereichte Meldungen warten auf Ihre Prüfung." in content
    assert "Sachstandsmeldungen zu prüfen" not in home(client, board_user)


def test_the_section_costs_a_bounded_number_of_queries(
    client, municipality, department, department_user, django_assert_max_num_queries
):
    for number in range(1, 4):
        concept = build_concept(
            municipality, fields=2, goals=2, measures=5, leads=[department], title="Konzept %d" % number
        )
        open_round(concept, title="Runde %d" % number, due=datetime.date(2030, number, 28))
    client.force_login(department_user)
    with django_assert_max_num_queries(25):
        response = client.get(HOME)
    assert response.content.decode().count("20 Meldungen offen") == 3


def test_a_passed_deadline_is_marked_and_the_section_speaks_english_too(client, concept, department_user):
    open_round(concept, title="Zwischenstand Januar 2020", due=datetime.date(2020, 1, 31))
    assert "Meldefrist 31.01.2020 (überfällig)" in home(client, department_user)
    department_user.language = "en"
    department_user.save()
    content = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your status reports" in content
