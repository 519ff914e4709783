"""Every view declares who may open it, and every role gets exactly that: walks all URLs of the site."""

import pytest
from django.urls import reverse

from teilhabe.accounts.roles import ALL_ROLES
from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes

ROUTES = municipality_routes()


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_every_view_declares_its_access(route):
    callback = route.callback
    declared = getattr(callback, "public_view", False) or getattr(callback, "allowed_roles", None)
    assert declared, f"{route.name}: use @public_view, @member_required or @role_required(...)"


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_each_role_gets_what_the_view_declares(client, route, municipality, role_users):
    allowed = getattr(route.callback, "allowed_roles", ALL_ROLES)
    kwargs = fill_kwargs(route, municipality)
    url = reverse(route.name, kwargs=kwargs)
    for role, user in role_users.items():
        client.force_login(user)
        response = client.get(url)
        if getattr(route.callback, "public_view", False) or role in allowed:
            assert response.status_code != 403, f"{role} refused on {url}"
            assert response.status_code < 500
        else:
            assert response.status_code == 403, f"{role} got {response.status_code} on {url}"


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_anonymous_visitors_see_only_public_pages(client, route, municipality):
    url = reverse(route.name, kwargs=fill_kwargs(route, municipality))
    response = client.get(url)
    if getattr(route.callback, "public_view", False):
        assert response.status_code in (200, 302, 405)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
