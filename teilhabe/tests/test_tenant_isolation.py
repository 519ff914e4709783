"""No user ever sees another municipality's data: walks every URL of the site, so it grows with it."""

import pytest
from django.urls import reverse

from teilhabe.testing.samples import SAMPLES, make_sample
from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes

ROUTES = municipality_routes()


def test_the_walk_finds_the_municipality_area():
    names = {r.name for r in ROUTES}
    assert "municipalities:home" in names
    assert "directory:organisation_detail" in names


@pytest.mark.parametrize("route", [r for r in ROUTES if r.object_kwargs], ids=str)
def test_objects_of_another_municipality_are_not_found(
    client, route, municipality, other_municipality, office_user
):
    """An office user of A, asking under A's slug for B's objects, gets 404 (or 403/405), for GET and POST."""
    client.force_login(office_user)
    url = reverse(route.name, kwargs=fill_kwargs(route, municipality, owner_municipality=other_municipality))
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in (403, 404, 405), (
            f"{method.__name__.upper()} {url}: {response.status_code}"
        )


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_members_of_another_municipality_are_turned_away(client, route, municipality, outsider):
    """An office user of B gets nothing from A's internal area; public pages stay public."""
    client.force_login(outsider)
    url = reverse(route.name, kwargs=fill_kwargs(route, municipality))
    response = client.get(url)
    if getattr(route.callback, "public_view", False):
        assert response.status_code in (200, 302, 405)
    else:
        assert response.status_code == 404, f"GET {url}: {response.status_code}"


@pytest.mark.parametrize("route", [r for r in ROUTES if not r.object_kwargs], ids=str)
def test_pages_do_not_show_another_municipalitys_objects(
    client, route, municipality, other_municipality, office_user
):
    """List and overview pages of A never mention an object of B (sample objects carry B's slug)."""
    for model in SAMPLES:
        make_sample(model, other_municipality)
    client.force_login(office_user)
    response = client.get(reverse(route.name, kwargs=fill_kwargs(route, municipality)))
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return
    content = response.content.decode().lower()
    assert other_municipality.slug not in content, f"{route.name} shows an object of {other_municipality}"
