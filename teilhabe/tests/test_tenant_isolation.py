"""No user ever sees another municipality's data: walks every URL of the site, so it grows with it."""

import pytest
from django.urls import reverse

from teilhabe.testing.isolation import markers_of, plant_samples, read_route
from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes, object_variants

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
    for variants in object_variants(route):
        kwargs = fill_kwargs(route, municipality, owner_municipality=other_municipality, variants=variants)
        url = reverse(route.name, kwargs=kwargs)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (403, 404, 405), (
                f"{method.__name__.upper()} {url}: {response.status_code}"
            )


# Public views whose default sample is not public (the role table has the public variant's row).
NOT_PUBLIC_BY_DEFAULT = {"reports_public:pdf"}


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_members_of_another_municipality_are_turned_away(client, route, municipality, outsider):
    """An office user of B gets nothing from A's internal area; public pages answer them as they answer
    anyone (a default sample not on the public site, such as an unpublished report, is a 404 for all)."""
    client.force_login(outsider)
    url = reverse(route.name, kwargs=fill_kwargs(route, municipality))
    response = client.get(url)
    if getattr(route.callback, "secret_link", False):
        assert response.status_code == 404  # the walk has no valid secret of A's
    elif getattr(route.callback, "public_view", False):
        client.logout()
        anonymous = client.get(url).status_code
        assert response.status_code == anonymous, f"GET {url}: {response.status_code}, anonymous {anonymous}"
        assert anonymous in (200, 302, 405) or route.name in NOT_PUBLIC_BY_DEFAULT
    else:
        assert response.status_code == 404, f"GET {url}: {response.status_code}"


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_no_page_or_export_shows_another_municipalitys_data(
    client, route, municipality, other_municipality, office_user
):
    """Every body A's office user (and an anonymous visitor) can get from A's URLs, whatever its status and
    format (HTML, htmx partial, CSV, XLSX, JSON, PDF, PPTX), is read; none mentions B. Both municipalities
    hold one sample of every model, so A's pages have content and B's data is there to leak."""
    plant_samples(municipality, other_municipality)
    walk = read_route(client, route, municipality, office_user, markers_of(other_municipality))
    assert walk.readings
    assert not walk.leaks, "\n".join(walk.leaks)
    assert not walk.csp, "Content-Security-Policy:\n" + "\n".join(walk.csp)
