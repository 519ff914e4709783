"""Help texts and errors are announced: every aria-describedby of every page points at elements that exist
(axe does not check this). Walks every page of the municipality area as the office, plus forms with errors."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.described = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described.append((tag, attrs.get("name") or attrs.get("id"), attrs["aria-describedby"]))


def dangling(html):
    parser = References()
    parser.feed(html)
    return [
        (tag, name, ref)
        for tag, name, refs in parser.described
        for ref in refs.split()
        if ref not in parser.ids
    ]


def test_every_described_by_points_at_an_element_of_the_page(office_client, municipality):
    checked = 0
    for route in municipality_routes():
        url = reverse(route.name, kwargs=fill_kwargs(route, municipality))
        response = office_client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        assert dangling(html) == [], url
        checked += html.count("aria-describedby")
    assert checked > 20  # the walk did reach the forms


@pytest.mark.parametrize(
    "name", ["concept:concept_create", "directory:organisation_create", "members:invite"]
)
def test_errors_are_announced_too(office_client, municipality, name):
    response = office_client.post(reverse(name, args=[municipality.slug]), {"description": ""})
    html = response.content.decode()
    assert "_error" in html
    assert dangling(html) == []
