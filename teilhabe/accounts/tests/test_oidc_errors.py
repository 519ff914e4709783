"""Provider, network and token errors against the fake provider: each is a German page with a reference,
and the log holds the cause under that reference; never a 500."""

import pytest
from django.contrib.auth import SESSION_KEY

from teilhabe.accounts import oidc_tokens
from teilhabe.accounts.tests.fake_oidc_provider import claims_for, sign_in


def reference_of(response) -> str:
    return response.content.decode().split('class="sso-reference">')[1].split("<")[0]


def assert_error_page(response, status, text, caplog, cause):
    html = response.content.decode()
    assert response.status_code == status, html
    assert text in html
    reference = reference_of(response)
    logged = [r.getMessage() for r in caplog.records if reference in r.getMessage()]
    assert logged and cause in logged[0], [r.getMessage() for r in caplog.records]


def test_a_wrong_client_secret(client, sso, settings, office_user, caplog):
    settings.OIDC_RP_CLIENT_SECRET = "abgelaufen"
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 502, "hat Teilhabe abgewiesen", caplog, "invalid_client")
    assert SESSION_KEY not in client.session


def test_an_unreachable_key_endpoint(client, sso, office_user, caplog):
    sso.jwks_status = 503
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(
        response, 502, "erreicht den Anmeldedienst Keycloak Musterstadt gerade nicht", caplog, "503"
    )


def test_an_unreachable_token_endpoint(client, sso, settings, office_user, caplog):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 502, "gerade nicht", caplog, "ConnectionError")


def test_an_unreachable_discovery_url_on_the_start(client, sso, settings, db, caplog):
    settings.OIDC_OP_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = ""
    response = client.get("/konto/sso/anmelden/")
    assert_error_page(response, 502, "gerade nicht", caplog, "discovery document")


def test_a_provider_clock_within_the_leeway_is_accepted(client, sso, office_user):
    sso.clock_offset = 30
    sign_in(client, sso, claims_for("amt@example.org"))
    assert client.session[SESSION_KEY] == str(office_user.pk)


def test_a_token_issued_in_the_future(client, sso, office_user, caplog):
    sso.clock_offset = 120
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 400, "noch nicht gültig", caplog, "not yet valid")


def test_an_expired_token(client, sso, office_user, caplog):
    sso.clock_offset = -400  # issued 400 s ago, valid for 300 s
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 400, "bereits abgelaufen", caplog, "expired")


def test_the_leeway_can_be_configured(client, sso, settings, office_user):
    settings.OIDC_CLOCK_LEEWAY = 300
    sso.clock_offset = 120
    sign_in(client, sso, claims_for("amt@example.org"))
    assert client.session[SESSION_KEY] == str(office_user.pk)


def test_teilhabes_own_clock_counts(client, sso, office_user, monkeypatch, caplog):
    monkeypatch.setattr(oidc_tokens, "now", lambda: oidc_tokens.time.time() + 3600)
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 400, "bereits abgelaufen", caplog, "expired")


def test_a_token_of_another_issuer(client, sso, office_user, caplog):
    sso.issuer_claim = "https://login.example/other-tenant/v2.0"
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert_error_page(response, 400, "nicht von dem Anmeldedienst", caplog, "other-tenant")


@pytest.mark.parametrize("language, text", [("en", "Sign-in with Keycloak Musterstadt is not possible")])
def test_the_page_is_in_english_for_english_readers(client, sso, office_user, language, text):
    sso.audience = "other-app"
    client.cookies["django_language"] = language
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert text in response.content.decode()
    assert "was issued to another application" in response.content.decode()
