"""Dashboard, lists, matrix and measure page run the same number of queries for a handful of measures and
one round as for 150 measures with 6 rounds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from teilhabe.concept import models as m
from teilhabe.concept.tests.monitoring import accepted_round, build_concept, organisations, statuses
from teilhabe.directory.models import Organisation

SLUG = "musterstadt"
MAX_QUERIES = 30


def fill(municipality, *, fields, goals, measures, rounds, with_focus=True):
    name = f"K{m.Concept.objects.count()}"
    leads = organisations(municipality, 8, prefix=f"Amt {name}")
    partners = organisations(municipality, 5, Organisation.Kind.PARTNER, f"Partner {name}")
    concept = build_concept(
        municipality,
        fields=fields,
        goals=goals,
        measures=measures,
        leads=leads,
        involved=partners,
        title=name,
    )
    vocabulary = list(statuses(municipality).values())
    for r in range(rounds):
        accepted_round(
            concept,
            f"Runde {r}",
            datetime.date(2020 + r, 10, 1),
            lambda measure, r=r: vocabulary[(measure.pk + r) % len(vocabulary)],
        )
    m.ReportingRound.objects.create(
        municipality=municipality, concept=concept, title="offen", due_date=datetime.date(2031, 1, 1)
    )
    m.Measure.objects.filter(concept=concept).update(end=datetime.date(2021, 1, 1))
    if with_focus:
        focus = m.Focus.objects.create(
            municipality=municipality, concept=concept, year=2024, title="Teilhabe"
        )
        focus.fields_of_action.add(m.FieldOfAction.objects.filter(concept=concept).first())
    tag = m.Tag.objects.create(municipality=municipality, name=f"Sprache {name}")
    for measure in m.Measure.objects.filter(concept=concept)[:20]:
        measure.tags.add(tag)
    return concept


def pages(concept):
    measure = m.Measure.objects.filter(concept=concept).order_by("sort_key").first()
    rounds = list(m.ReportingRound.objects.filter(concept=concept).order_by("due_date"))
    last_closed = [r for r in rounds if r.is_closed][-1]
    lead = measure.lead
    return {
        "dashboard": reverse("concept:dashboard", args=[SLUG, concept.pk]),
        "measure_list": reverse("concept:measure_list", args=[SLUG, concept.pk]),
        "measure_list_filtered": reverse("concept:measure_list", args=[SLUG, concept.pk])
        + f"?organisation={lead.pk}&q=Maßnahme&status={measure.current_status_id}",
        "measure_detail": reverse("concept:measure_detail", args=[SLUG, measure.pk]),
        "matrix": reverse("concept:matrix", args=[SLUG, concept.pk]),
        "round_list": reverse("concept:round_list", args=[SLUG, concept.pk]),
        "round_detail": reverse("concept:round_detail", args=[SLUG, last_closed.pk]),
        "compare": reverse("concept:compare", args=[SLUG, concept.pk])
        + f"?von={rounds[0].pk}&bis={last_closed.pk}",
        "structure": reverse("concept:structure", args=[SLUG, concept.pk]),
    }


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "page",
    [
        "dashboard",
        "measure_list",
        "measure_list_filtered",
        "measure_detail",
        "matrix",
        "round_list",
        "round_detail",
        "compare",
        "structure",
    ],
)
def test_pages_run_a_bounded_number_of_queries(
    client, municipality, office_user, django_assert_max_num_queries, page
):
    client.force_login(office_user)
    small = pages(fill(municipality, fields=1, goals=1, measures=4, rounds=2))
    small_count = count_queries(client, small[page])
    large_concept = fill(municipality, fields=6, goals=5, measures=5, rounds=6)  # 150 measures x 6 rounds
    assert m.Measure.objects.filter(concept=large_concept).count() == 150
    large = pages(large_concept)
    with django_assert_max_num_queries(max(small_count, 1)):
        client.get(large[page])
    assert small_count <= MAX_QUERIES


def test_my_reports_is_bounded_for_an_editor_with_many_measures(
    client, municipality, django_assert_max_num_queries
):
    from teilhabe.conftest import make_member

    small = fill(municipality, fields=1, goals=1, measures=4, rounds=1, with_focus=False)
    lead = m.Measure.objects.filter(concept=small).first().lead
    user = make_member(municipality, "department_editor", "ed@example.org", lead)
    client.force_login(user)
    small_count = count_queries(client, reverse("concept:my_reports", args=[SLUG]))
    fill(municipality, fields=6, goals=5, measures=5, rounds=2, with_focus=False)
    m.Measure.objects.filter(municipality=municipality).update(lead=lead)
    with django_assert_max_num_queries(small_count):
        response = client.get(reverse("concept:my_reports", args=[SLUG]))
    assert sum(len(s.items) for s in response.context["sections"]) == 154
