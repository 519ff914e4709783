"""Headers on a walk of every page: no-store on everything internal, a Permissions-Policy everywhere."""

from django.urls import reverse

from teilhabe.testing.urlwalk import fill_kwargs, municipality_routes


def test_every_internal_page_and_export_is_never_stored(client, municipality, office_user):
    client.force_login(office_user)
    checked = 0
    for route in municipality_routes():
        response = client.get(reverse(route.name, kwargs=fill_kwargs(route, municipality)))
        assert "no-store" in response.get("Cache-Control", ""), route.name
        assert "camera=()" in response["Permissions-Policy"], route.name
        checked += 1
    for path in ("/konto/profil/", "/konto/anmelden/", "/system/admin/login/"):
        assert "no-store" in client.get(path)["Cache-Control"], path
    assert checked > 30


def test_public_pages_for_anonymous_visitors_may_be_cached(client, municipality):
    response = client.get("/%s/oeffentlich/" % municipality.slug)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "camera=()" in response["Permissions-Policy"]
    assert "no-store" in client.get("/konto/anmelden/")["Cache-Control"]


def test_hsts_is_not_preloaded_unless_configured():
    from teilhabe import settings as production  # the production settings (tests override HTTPS later)

    assert production.HTTPS and production.SECURE_HSTS_SECONDS > 0
    assert production.SECURE_HSTS_PRELOAD is False
