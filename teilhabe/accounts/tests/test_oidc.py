"""Single sign-on against a fake OpenID Connect provider (fake_oidc_provider.py) on 127.0.0.1.

Single sign-on is switched on per test with settings only: the /konto/sso/ URLs always exist and answer 404
while settings.OIDC_ENABLED is off, and the login page reads the settings on each request."""

import pytest
from django.contrib.auth import SESSION_KEY

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.tests.fake_oidc_provider import claims_for, messages_of, new_key, sign_in


def test_sso_is_off_by_default(client, db, settings):
    assert settings.OIDC_ENABLED is False
    assert client.get("/konto/sso/anmelden/").status_code == 404
    assert client.get("/konto/sso/callback/", {"code": "x", "state": "y"}).status_code == 404
    assert "/konto/sso/" not in client.get("/konto/anmelden/").content.decode()


def test_the_login_page_offers_the_provider_when_enabled(client, sso, db):
    html = client.get("/konto/anmelden/?next=/musterstadt/").content.decode()
    assert "Mit Keycloak Musterstadt anmelden" in html
    assert 'href="/konto/sso/anmelden/?next=/musterstadt/"' in html


def test_the_start_redirects_to_the_provider_with_state_nonce_and_pkce(client, sso, db):
    response = client.get("/konto/sso/anmelden/")
    assert response["Location"].startswith(sso.url + "/authorize?")
    for part in (
        "state=",
        "nonce=",
        "code_challenge=",
        "redirect_uri=https%3A%2F%2Fteilhabe.musterstadt.de%2Fkonto%2Fsso%2Fcallback%2F",
    ):
        assert part in response["Location"]


def test_an_invited_user_is_logged_in_and_sent_to_next(client, sso, office_user, municipality):
    response = sign_in(client, sso, claims_for("AMT@example.org"), next_url="/musterstadt/konto/benutzer/")
    assert response.status_code == 302
    assert response["Location"] == "/musterstadt/konto/benutzer/"
    assert client.session[SESSION_KEY] == str(office_user.pk)
    assert client.get("/musterstadt/konto/benutzer/").status_code == 200
    token_request = sso.token_requests[-1]
    assert token_request["client_secret"] == sso.client_secret and token_request["code_verifier"]


def test_a_missing_name_is_taken_from_the_provider(client, sso, office_user):
    sign_in(client, sso, claims_for("amt@example.org", given_name="Amira", family_name="Amt"))
    office_user.refresh_from_db()
    assert office_user.get_full_name() == "Amira Amt"
    assert office_user.email == "amt@example.org"


def test_an_unknown_email_is_refused_and_no_account_is_created(client, sso, office_user):
    users = User.objects.count()
    response = sign_in(client, sso, claims_for("fremd@example.org"))
    assert response["Location"] == "/konto/anmelden/"
    assert SESSION_KEY not in client.session
    assert User.objects.count() == users
    assert any("keinen freigeschalteten Zugang" in text for text in messages_of(response))
    page = client.get("/konto/anmelden/")
    assert page.status_code == 200


def test_an_unverified_email_is_refused(client, sso, office_user):
    response = sign_in(client, sso, claims_for("amt@example.org", email_verified=False))
    assert SESSION_KEY not in client.session
    assert any("keine bestätigte E-Mail-Adresse" in text for text in messages_of(response))


def test_without_the_verified_claim_it_works_when_configured_for_adfs(client, sso, settings, office_user):
    settings.OIDC_REQUIRE_VERIFIED_EMAIL = False
    claims = {"sub": "adfs-1", "email": "amt@example.org"}
    sign_in(client, sso, claims)
    assert client.session[SESSION_KEY] == str(office_user.pk)


def test_a_user_with_only_deactivated_memberships_is_refused(client, sso, office_user):
    Membership.objects.filter(user=office_user).update(is_active=False)
    sign_in(client, sso, claims_for("amt@example.org"))
    assert SESSION_KEY not in client.session


def test_an_inactive_user_is_refused(client, sso, office_user):
    office_user.is_active = False
    office_user.save()
    sign_in(client, sso, claims_for("amt@example.org"))
    assert SESSION_KEY not in client.session


def test_a_token_signed_with_another_key_is_refused(client, sso, office_user):
    sso.signing_key = new_key()
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert response.status_code == 400
    assert "keine gültige Signatur" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_token_for_another_client_is_refused(client, sso, office_user):
    sso.audience = "another-application"
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert response.status_code == 400
    assert "für eine andere Anwendung ausgestellt" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_callback_cannot_be_replayed(client, sso, office_user):
    start = client.get("/konto/sso/anmelden/")
    params = sso.authorize(start["Location"], claims_for("amt@example.org"))
    client.get("/konto/sso/callback/", params)
    assert client.session[SESSION_KEY] == str(office_user.pk)
    client.post("/konto/abmelden/")
    again = client.get("/konto/sso/callback/", params)
    assert again.status_code == 400
    assert "Anmeldung ist abgelaufen" in again.content.decode()
    assert SESSION_KEY not in client.session


def test_a_callback_with_a_foreign_state_is_refused(client, sso, office_user):
    client.get("/konto/sso/anmelden/")
    response = client.get("/konto/sso/callback/", {"code": "abc", "state": "not-ours"})
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_an_error_from_the_provider_is_a_page_with_a_reference(client, sso, db, caplog):
    client.get("/konto/sso/anmelden/")
    response = client.get("/konto/sso/callback/", {"error": "access_denied", "state": "x"})
    assert response.status_code == 502
    html = response.content.decode()
    assert "Keycloak Musterstadt hat die Anmeldung mit einem Fehler beendet" in html
    reference = html.split('class="sso-reference">')[1].split("<")[0]
    assert reference.startswith("SSO-")
    assert any(reference in r.getMessage() and "access_denied" in r.getMessage() for r in caplog.records)


class TestAdfsLikeProviders:
    """ADFS answers userinfo with the subject only and sends e-mail and name in the ID token, often without
    email_verified, sometimes with the address only in `upn`."""

    @pytest.fixture(autouse=True)
    def adfs(self, sso, settings):
        sso.userinfo_only_sub = True
        settings.OIDC_REQUIRE_VERIFIED_EMAIL = False

    def test_the_email_is_taken_from_the_id_token(self, client, sso, office_user):
        sign_in(client, sso, {"sub": "adfs-7", "email": "amt@example.org"})
        assert client.session[SESSION_KEY] == str(office_user.pk)

    def test_it_works_without_a_userinfo_endpoint(self, client, sso, settings, office_user):
        settings.OIDC_OP_USER_ENDPOINT = ""
        sign_in(client, sso, {"sub": "adfs-7", "email": "amt@example.org"})
        assert client.session[SESSION_KEY] == str(office_user.pk)

    def test_the_email_claim_can_be_configured(self, client, sso, settings, office_user):
        settings.OIDC_EMAIL_CLAIM = "upn"
        sign_in(client, sso, {"sub": "adfs-7", "upn": "amt@example.org", "email": "privat@example.net"})
        assert client.session[SESSION_KEY] == str(office_user.pk)

    def test_a_userinfo_answer_for_another_subject_is_refused(self, client, sso, office_user):
        sso.userinfo_sub = "someone-else"
        response = sign_in(client, sso, {"sub": "adfs-7", "email": "amt@example.org"})
        assert SESSION_KEY not in client.session
        assert response.status_code == 400
