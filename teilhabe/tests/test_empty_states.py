"""A fresh municipality's pages: no empty tables, no charts of zeros, and where a page has nothing to show it
says what to do first and links there.

The walk opens every GET page of the municipality area that needs no object (every URL value each), as the
office, for a municipality just set up by `add_municipality` (default statuses, one office user), then again
with one empty concept (its pages: dashboard, measures, matrix, rounds)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import OFFICE
from teilhabe.concept.models import Concept, ensure_default_statuses
from teilhabe.municipalities.models import Municipality
from teilhabe.municipalities.scoping import URL_VALUE_CHOICES
from teilhabe.testing.pagewalk import not_walked_reason
from teilhabe.testing.urlwalk import municipality_routes

# Pages that list the municipality's data: on a fresh municipality each says what to do first with a link.
LIST_PAGES = {
    "concept:index",
    "concept:dashboard",
    "concept:measure_list",
    "concept:matrix",
    "concept:round_list",
    "concept:structure",
    "concept:compare",
    "concept:my_reports",
    "directory:organisation_list",
    "directory:contact_list",
    "statistics:overview",
    "statistics:districts",
    "statistics:nationalities",
    "statistics:pyramid",
    "jobs:list",
}


# A colour swatch or dot beside a status's name (teilhabe/colours.py), not a chart.
COLOUR_MARK = "0 0 10 10"


class Page(HTMLParser):
    """Tables with their body rows, inline charts (<svg> in the page), and `.empty` notes with their links."""

    def __init__(self):
        super().__init__()
        self.tables, self.charts, self.empty_notes = [], 0, []
        self._rows, self._in_tbody, self._in_empty, self._depth = [], False, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "table":
            self._rows.append(0)
        elif tag == "tbody":
            self._in_tbody = True
        elif tag == "tr" and self._rows and self._in_tbody:
            self._rows[-1] += 1
        elif tag == "svg" and attrs.get("viewbox") != COLOUR_MARK:
            self.charts += 1
        if "empty" in classes:
            self.empty_notes.append({"links": 0})
            self._in_empty += 1
            self._depth.append(tag)
        elif tag == "a" and self._in_empty and attrs.get("href"):
            self.empty_notes[-1]["links"] += 1

    def handle_endtag(self, tag):
        if tag == "table" and self._rows:
            self.tables.append(self._rows.pop())
        elif tag == "tbody":
            self._in_tbody = False
        if self._depth and tag == self._depth[-1]:
            self._depth.pop()
            self._in_empty -= 1


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.fixture
def fresh(db, client):
    municipality = Municipality.objects.create(
        name="Neustadt", slug="neustadt", ags="09162000", federal_state="BY"
    )
    ensure_default_statuses(municipality)
    user = User.objects.create_user("amt@neustadt.example", "amt@neustadt.example", "x")
    Membership.objects.create(user=user, municipality=municipality, role=OFFICE)
    client.force_login(user)
    return municipality


def pages(municipality, concept=None):
    for route in municipality_routes():
        if not_walked_reason(route.name):
            continue
        objects = set(route.object_kwargs)
        if objects - {"concept_id"} or ("concept_id" in objects and concept is None):
            continue
        value_kwargs = [k for k in route.kwargs if k in URL_VALUE_CHOICES]
        combos = [{}]
        for kwarg in value_kwargs:
            combos = [{**c, kwarg: v} for c in combos for v in URL_VALUE_CHOICES[kwarg]]
        for combo in combos:
            kwargs = {"municipality_slug": municipality.slug, **combo}
            if "concept_id" in route.kwargs:
                kwargs["concept_id"] = concept.pk
            yield route.name, reverse(route.name, kwargs=kwargs)


def walk(client, municipality, concept=None):
    problems, seen = [], set()
    for name, url in pages(municipality, concept):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        seen.add(name)
        page = parse(response.content.decode())
        if any(rows == 0 for rows in page.tables):
            problems.append(f"{name} {url}: a table without rows")
        if page.charts:
            problems.append(f"{name} {url}: a chart, though there is nothing to count")
        if name in LIST_PAGES and not any(note["links"] for note in page.empty_notes):
            problems.append(f"{name} {url}: no note with a link saying what to do first")
    return problems, seen


def test_a_fresh_municipality_has_no_empty_tables_and_no_charts_of_zeros(client, fresh):
    problems, seen = walk(client, fresh)
    assert "concept:index" in seen and "directory:organisation_list" in seen
    assert problems == [], "\n".join(problems)


def test_an_empty_concept_explains_what_comes_first_and_what_rounds_are(client, fresh):
    concept = Concept.objects.create(municipality=fresh, title="Integrationskonzept 2026")
    problems, seen = walk(client, fresh, concept)
    assert "concept:dashboard" in seen and "concept:measure_list" in seen
    assert problems == [], "\n".join(problems)
    dashboard = client.get(reverse("concept:dashboard", args=[fresh.slug, concept.pk])).content.decode()
    assert "In einer Berichtsrunde melden" in dashboard
    assert reverse("concept:round_create", args=[fresh.slug, concept.pk]) in dashboard


def test_the_walk_sees_an_empty_table(client, fresh):
    """The checks can fail: a table without body rows and a note without a link are found."""
    page = parse(
        "<table><thead><tr><th>x</th></tr></thead><tbody></tbody></table><p class='empty'>nichts</p>"
    )
    assert page.tables == [0] and page.empty_notes == [{"links": 0}]
    page = parse("<div class='empty'><p>Zuerst <a href='/x/'>anlegen</a></p></div><svg></svg>")
    assert page.empty_notes == [{"links": 1}] and page.charts == 1
    assert parse('<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"></svg>').charts == 0
