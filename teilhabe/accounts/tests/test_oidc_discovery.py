"""Discovery (OIDC_OP_DISCOVERY_URL) with the manual settings as overrides, and the logout through the
provider (RP-initiated logout), against the fake provider."""

from urllib.parse import parse_qs, urlparse

from django.contrib.auth import SESSION_KEY

from teilhabe.accounts.tests.fake_oidc_provider import claims_for, sign_in, switch_on


def test_sign_on_with_the_discovery_url_alone(client, sso, settings, office_user):
    switch_on(settings, sso.discovery_settings())
    before = sso.discovery_requests
    sign_in(client, sso, claims_for("amt@example.org"))
    assert client.session[SESSION_KEY] == str(office_user.pk)
    client.post("/konto/abmelden/")
    sign_in(client, sso, claims_for("amt@example.org"))
    assert sso.discovery_requests == before + 1  # cached


def test_a_manual_setting_overrides_the_discovered_value(client, sso, settings, office_user):
    switch_on(settings, sso.discovery_settings())
    settings.OIDC_OP_ISSUER = "https://sso.example/realms/other"
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert response.status_code == 400
    assert "nicht von dem Anmeldedienst" in response.content.decode()


def test_logout_goes_through_the_provider_when_it_has_an_end_session_endpoint(
    client, sso, settings, office_user
):
    sso.end_session = True
    switch_on(settings, sso.discovery_settings())
    assert "gemeinsam genutzten PC" not in client.get("/konto/anmelden/").content.decode()
    sign_in(client, sso, claims_for("amt@example.org"))
    id_token = client.session["oidc_id_token"]
    response = client.post("/konto/abmelden/")
    assert SESSION_KEY not in client.session
    location = urlparse(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == sso.url + "/logout"
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query == {
        "id_token_hint": id_token,
        "post_logout_redirect_uri": "https://teilhabe.musterstadt.de/konto/anmelden/",
        "client_id": "teilhabe",
    }


def test_without_an_end_session_endpoint_the_login_page_warns_on_shared_pcs(client, sso, office_user):
    html = client.get("/konto/anmelden/").content.decode()
    assert "An einem gemeinsam genutzten PC:" in html
    assert "bleiben Sie bei Keycloak Musterstadt angemeldet" in html
    sign_in(client, sso, claims_for("amt@example.org"))
    response = client.post("/konto/abmelden/")
    assert response["Location"] == "/"
    assert SESSION_KEY not in client.session


def test_a_password_login_logs_out_locally_only(client, sso, settings, office_user):
    sso.end_session = True
    switch_on(settings, sso.discovery_settings())
    client.force_login(office_user)
    assert client.post("/konto/abmelden/")["Location"] == "/"
