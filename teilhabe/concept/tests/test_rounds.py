"""Reporting rounds as a service: current status follows the latest accepted report, closed rounds are
frozen at every level, two rounds can be compared."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.services import reporting
from teilhabe.concept.services.comparison import compare_rounds
from teilhabe.concept.tests.monitoring import accepted_round, build_concept, statuses


@pytest.fixture
def concept(municipality, department):
    return build_concept(municipality, fields=1, goals=1, measures=3, leads=[department])


@pytest.fixture
def vocabulary(municipality):
    return statuses(municipality)


def submit_and_accept(a_round, measure, status, user):
    report = reporting.save_report(a_round, measure, user, reporting.ReportInput(status=status), submit=True)
    return reporting.accept_report(report, user)


def test_current_status_is_the_latest_accepted_report_by_due_date(concept, vocabulary, office_user):
    measure = m.Measure.objects.filter(concept=concept).first()
    later = reporting.open_round(concept, "Mai 2024", datetime.date(2024, 5, 31), allow_past=True)
    submit_and_accept(later, measure, vocabulary["umgesetzt"], office_user)
    reporting.close_round(later, office_user)
    earlier = reporting.open_round(concept, "Oktober 2023", datetime.date(2023, 10, 31), allow_past=True)
    submit_and_accept(earlier, measure, vocabulary["in Vorbereitung"], office_user)
    measure.refresh_from_db()
    assert measure.current_status == vocabulary["umgesetzt"]
    assert measure.current_report.round == later


def test_a_submitted_but_not_accepted_report_does_not_change_the_current_status(
    concept, vocabulary, office_user
):
    measure = m.Measure.objects.filter(concept=concept).first()
    a_round = reporting.open_round(concept, "Runde", datetime.date(2024, 5, 31), allow_past=True)
    reporting.save_report(
        a_round, measure, office_user, reporting.ReportInput(status=vocabulary["umgesetzt"]), submit=True
    )
    measure.refresh_from_db()
    assert measure.current_status is None


def test_a_closed_round_refuses_every_change(concept, vocabulary, office_user):
    first, second, _third = m.Measure.objects.filter(concept=concept).order_by("sort_key")
    a_round = reporting.open_round(concept, "Runde", datetime.date(2024, 5, 31), allow_past=True)
    report = submit_and_accept(a_round, first, vocabulary["umgesetzt"], office_user)
    reporting.close_round(a_round, office_user)
    a_round.refresh_from_db()
    report.refresh_from_db()

    with pytest.raises(m.RoundClosedError):
        reporting.save_report(
            a_round,
            second,
            office_user,
            reporting.ReportInput(status=vocabulary["umgesetzt"]),
            is_office=True,
        )
    with pytest.raises(m.RoundClosedError):
        reporting.send_back(report, office_user, "nein")
    with pytest.raises(m.RoundClosedError):
        reporting.close_round(a_round, office_user)
    report.done = "nachträglich"
    with pytest.raises(m.RoundClosedError):
        report.save()
    with pytest.raises(m.RoundClosedError):
        report.delete()
    with pytest.raises(m.RoundClosedError):
        m.StatusReport.objects.create(
            municipality=concept.municipality, round=a_round, measure=second, status=vocabulary["entfallen"]
        )
    a_round.title = "umbenannt"
    with pytest.raises(m.RoundClosedError):
        a_round.save()
    with pytest.raises(m.RoundClosedError):
        a_round.delete()
    assert m.ReportingRound.objects.get(pk=a_round.pk).title == "Runde"
    assert m.StatusReport.objects.filter(round=a_round).count() == 1


def test_a_measure_with_reports_in_closed_rounds_cannot_be_deleted(
    office_client, concept, vocabulary, office_user
):
    measure = m.Measure.objects.filter(concept=concept).first()
    accepted_round(concept, "Runde", datetime.date(2024, 5, 31), lambda _m: vocabulary["umgesetzt"])
    response = office_client.post(reverse("concept:measure_delete", args=["musterstadt", measure.pk]))
    assert response.status_code == 409
    assert m.Measure.objects.filter(pk=measure.pk).exists()


def test_comparing_two_rounds_lists_what_moved_from_what_to_what(office_client, concept, vocabulary):
    def in_october(measure):
        return vocabulary["in Vorbereitung"]

    def in_may(measure):
        return {"1.1.1": vocabulary["umgesetzt"], "1.1.2": vocabulary["zurückgestellt"]}.get(measure.number)

    october = accepted_round(concept, "Oktober 2023", datetime.date(2023, 10, 31), in_october)
    may = accepted_round(concept, "Mai 2024", datetime.date(2024, 5, 31), in_may)
    comparison = compare_rounds(may, october)  # order does not matter
    assert comparison.earlier == october
    moves = {
        move.measure.number: (move.before.name, move.after.name, move.direction) for move in comparison.moves
    }
    assert moves == {
        "1.1.1": ("in Vorbereitung", "umgesetzt", "up"),
        "1.1.2": ("in Vorbereitung", "zurückgestellt", "down"),
    }
    assert comparison.unchanged == 1  # 1.1.3 was not reported in May: its October status carries over

    page = office_client.get(
        reverse("concept:compare", args=["musterstadt", concept.pk]) + f"?von={october.pk}&bis={may.pk}"
    )
    html = page.content.decode()
    assert page.context["comparison"].forward[0].measure.number == "1.1.1"
    assert "vorangekommen" in html
    assert "zurückgestellt" in html


def test_comparing_a_round_with_itself_is_refused(office_client, concept, vocabulary):
    october = accepted_round(
        concept, "Oktober 2023", datetime.date(2023, 10, 31), lambda _m: vocabulary["umgesetzt"]
    )
    page = office_client.get(
        reverse("concept:compare", args=["musterstadt", concept.pk]) + f"?von={october.pk}&bis={october.pk}"
    )
    assert page.context["comparison"] is None
    assert "zwei verschiedene Runden" in page.content.decode()


def test_reopening_an_accepted_report_falls_back_to_the_previous_accepted_status(
    concept, vocabulary, office_user
):
    measure = m.Measure.objects.filter(concept=concept).first()
    accepted_round(
        concept, "Oktober 2023", datetime.date(2023, 10, 31), lambda _m: vocabulary["in Umsetzung"]
    )
    may = reporting.open_round(concept, "Mai 2024", datetime.date(2024, 5, 31), allow_past=True)
    submit_and_accept(may, measure, vocabulary["umgesetzt"], office_user)
    measure.refresh_from_db()
    assert measure.current_status == vocabulary["umgesetzt"]
    reporting.save_report(
        may, measure, office_user, reporting.ReportInput(status=vocabulary["umgesetzt"]), is_office=True
    )
    measure.refresh_from_db()
    assert measure.current_status == vocabulary["in Umsetzung"]
    assert measure.current_report.round.title == "Oktober 2023"
