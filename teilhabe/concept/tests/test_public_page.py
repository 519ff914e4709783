"""The concept's public page: what the office published, nothing else, for anyone without login."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.api.tests.helpers import SECRETS, published_world
from teilhabe.concept.models import Measure, ReportingRound


@pytest.fixture
def world(municipality, other_municipality):
    return published_world(municipality, other_municipality)


def url(municipality):
    return reverse("concept_public:concept", args=[municipality.slug])


def test_the_page_shows_fields_goals_published_measures_and_their_status(client, municipality, world):
    text = client.get(url(municipality)).content.decode()
    assert "Integrationskonzept Musterstadt" in text
    assert "Sprache Musterstadt" in text and "Ziel 1.1" in text
    assert "Sprachcafé" in text and "umgesetzt" in text and "100 %" in text
    for secret in SECRETS:
        assert secret not in text
    assert "Anderstadt" not in text


def test_the_trend_lists_the_closed_rounds(client, municipality, world):
    concept = world["concept"]
    ReportingRound.objects.filter(concept=concept).delete()
    for year, implemented in ((2022, 0), (2023, 1)):
        ReportingRound.objects.create(
            municipality=municipality,
            concept=concept,
            title=f"Zwischenstand {year}",
            due_date=dt.date(year, 10, 1),
            closed_at=timezone.now(),
            summary={"measures": 2, "started": 1, "implemented": implemented},
        )
    text = client.get(url(municipality)).content.decode()
    assert "Zwischenstand 2022" in text and "Zwischenstand 2023" in text
    assert "<svg" in text  # the trend chart beside its table


def test_an_unpublished_concept_shows_nothing_of_it(client, municipality, world):
    world["concept"].public = False
    world["concept"].save()
    text = client.get(url(municipality)).content.decode()
    assert "noch nicht veröffentlicht" in text and "Sprachcafé" not in text


def test_a_held_back_measure_does_not_count(client, municipality, world):
    Measure.objects.filter(number="1.1.1").update(public=False)
    text = client.get(url(municipality)).content.decode()
    assert "Sprachcafé" not in text


def test_the_page_is_cacheable(client, municipality, world):
    first = client.get(url(municipality))
    assert first["ETag"]
    again = client.get(url(municipality), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Measure.objects.filter(number="1.1.1").update(title="Sprachcafé am Markt")
    assert client.get(url(municipality), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_bounded_queries(client, municipality, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get(url(municipality))
