"""The Umsetzungsstand dashboard: numbers per status overall and per field as chart and table, the trend
across closed rounds, the focus, overdue measures and measures without a report in the last round."""

import datetime

import pytest
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.services import progress
from teilhabe.concept.tests.monitoring import accepted_round, build_concept, statuses


@pytest.fixture
def concept(municipality, department):
    return build_concept(municipality, fields=2, goals=1, measures=5, leads=[department])


def dashboard(client, concept):
    response = client.get(reverse("concept:dashboard", args=["musterstadt", concept.pk]))
    assert response.status_code == 200
    return response


def test_it_counts_measures_per_status_overall_and_per_field(client, board_user, concept, municipality):
    vocabulary = statuses(municipality)
    m.Measure.objects.filter(concept=concept, number__startswith="1.").update(
        current_status=vocabulary["umgesetzt"]
    )
    m.Measure.objects.filter(concept=concept, number="2.1.1").update(
        current_status=vocabulary["in Umsetzung"]
    )
    client.force_login(board_user)
    overview = dashboard(client, concept).context["overview"]
    assert overview.overall.total == 10
    assert overview.overall.implemented == 5
    assert overview.overall.started == 6
    assert overview.overall.share_implemented == 50.0
    first, second = overview.per_field
    assert (first.total, first.implemented) == (5, 5)
    cells = {cell.label: cell.count for cell in second.cells}
    assert cells["in Umsetzung"] == 1
    assert cells["noch kein Status"] == 4


def test_it_shows_the_chart_as_an_svg_with_a_text_alternative_and_the_table(
    client, board_user, concept, municipality
):
    vocabulary = statuses(municipality)
    m.Measure.objects.filter(concept=concept).update(current_status=vocabulary["in Vorbereitung"])
    client.force_login(board_user)
    html = dashboard(client, concept).content.decode()
    assert "<svg" in html
    assert 'role="img"' in html and "10 Maßnahmen, davon 0\u202f% begonnen" in html
    assert "<table" in html and "Anzahl und Anteil der Maßnahmen je Status" in html


def test_the_chart_is_cached_by_its_numbers(concept, municipality):
    from teilhabe.concept.services import charts

    overview = progress.status_overview(concept)
    first = charts.status_chart(overview)
    assert charts.status_chart(overview) == first
    m.Measure.objects.filter(concept=concept, number="1.1.1").update(
        current_status=statuses(municipality)["umgesetzt"]
    )
    changed = charts.status_chart(progress.status_overview(concept))
    assert changed != first


def test_the_trend_uses_the_closed_rounds_in_order(client, office_user, concept, municipality):
    vocabulary = statuses(municipality)
    accepted_round(
        concept, "Oktober 2023", datetime.date(2023, 10, 31), lambda measure: vocabulary["in Vorbereitung"]
    )
    accepted_round(
        concept,
        "Mai 2024",
        datetime.date(2024, 5, 31),
        lambda measure: (
            vocabulary["umgesetzt"] if measure.number.startswith("1.") else vocabulary["in Umsetzung"]
        ),
    )
    m.ReportingRound.objects.create(
        municipality=municipality, concept=concept, title="offen", due_date=datetime.date(2030, 1, 1)
    )
    client.force_login(office_user)
    response = dashboard(client, concept)
    trend = response.context["trend"]
    assert [p.round.title for p in trend] == ["Oktober 2023", "Mai 2024"]
    assert [(p.share_started, p.share_implemented) for p in trend] == [(0.0, 0.0), (100.0, 50.0)]
    assert response.context["trend_svg"].startswith("<svg")
    # closed rounds keep their numbers even if a later acceptance changes current statuses
    m.Measure.objects.filter(concept=concept).update(current_status=vocabulary["entfallen"])
    assert [p.share_implemented for p in progress.trend(concept)] == [0.0, 50.0]


def test_rounds_closed_without_summary_are_counted_from_their_reports(concept, municipality):
    vocabulary = statuses(municipality)
    a_round = accepted_round(
        concept, "alt", datetime.date(2022, 1, 1), lambda measure: vocabulary["umgesetzt"], close=False
    )
    m.ReportingRound.objects.filter(pk=a_round.pk).update(
        closed_at=datetime.datetime(2022, 2, 1, tzinfo=datetime.UTC)
    )
    (point,) = progress.trend(concept)
    assert (point.measures, point.implemented) == (10, 10)


def test_it_lists_overdue_measures_and_those_without_report_in_the_last_round(
    client, office_user, concept, municipality
):
    vocabulary = statuses(municipality)
    accepted_round(
        concept,
        "Mai 2024",
        datetime.date(2024, 5, 31),
        lambda measure: vocabulary["in Umsetzung"] if measure.number != "2.1.5" else None,
    )
    m.Measure.objects.filter(concept=concept, number="1.1.2").update(end=datetime.date(2020, 12, 31))
    client.force_login(office_user)
    response = dashboard(client, concept)
    assert [measure.number for measure in response.context["overdue"]] == ["1.1.2"]
    assert [measure.number for measure in response.context["without_report"]] == ["2.1.5"]
    assert response.context["last_round"].title == "Mai 2024"


def test_it_shows_the_focus_of_the_year(client, office_user, concept, municipality):
    focus = m.Focus.objects.create(
        municipality=municipality, concept=concept, year=2024, title="Gesellschaftliche Teilhabe verbessern"
    )
    focus.fields_of_action.add(m.FieldOfAction.objects.get(concept=concept, number=2))
    m.Focus.objects.create(municipality=municipality, concept=concept, year=2099, title="Zukunft")
    client.force_login(office_user)
    response = dashboard(client, concept)
    assert response.context["focus"] == focus
    assert response.context["focus_overview"].total == 5
    assert "Gesellschaftliche Teilhabe verbessern" in response.content.decode()


def test_the_index_redirects_to_the_current_concept_or_shows_an_empty_state(
    client, office_user, board_user, municipality
):
    client.force_login(office_user)
    empty = client.get(reverse("concept:index", args=["musterstadt"]))
    assert empty.status_code == 200
    assert "Konzept anlegen" in empty.content.decode()
    client.force_login(board_user)
    assert (
        "Konzept anlegen" not in client.get(reverse("concept:index", args=["musterstadt"])).content.decode()
    )
    old = m.Concept.objects.create(municipality=municipality, title="Alt", short_name="A", is_current=False)
    current = m.Concept.objects.create(municipality=municipality, title="Neu", short_name="N")
    response = client.get(reverse("concept:index", args=["musterstadt"]))
    assert response.url == reverse("concept:dashboard", args=["musterstadt", current.pk])
    listing = client.get(reverse("concept:index", args=["musterstadt"]) + "?alle").content.decode()
    assert old.title in listing and current.title in listing


@pytest.mark.parametrize(
    "title", [r"Kosten $\frac{1}$", r"Teilhabe $\undefined$ x", "a $$ b", "Preis $5 bis $10"]
)
def test_user_text_in_a_chart_is_never_parsed_as_math_or_markup(client, board_user, concept, title):
    """A field of action titled with dollar signs made matplotlib parse math text: a 500 for everyone."""
    field = concept.fields_of_action.order_by("number").first()
    field.title = title
    field.save()
    client.force_login(board_user)
    html = dashboard(client, concept).content.decode()
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert title in chart


def test_a_status_named_with_a_leading_underscore_keeps_its_legend_entry(client, board_user, concept):
    from teilhabe.concept.services import charts

    overview = type("O", (), {})()
    row = type(
        "R", (), {"label": "Alle", "total": 1, "cells": [type("C", (), {"share": 100.0, "count": 1})()]}
    )
    overview.overall, overview.per_field = row, []
    overview.columns = [("x", "_intern", "#336699")]
    assert "_intern" in charts.status_chart(overview)
