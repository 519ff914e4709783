"""Single sign-on against a real, packaged provider: django-oidc-provider, unmodified, in its own process
on 127.0.0.1 (real_provider.py). Teilhabe knows only its discovery URL, client id and secret."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache

from teilhabe.accounts.models import Membership, SingleSignOnIdentity, User
from teilhabe.accounts.roles import ADVISORY_BOARD, OFFICE
from teilhabe.accounts.tests.fake_oidc_provider import FakeProvider, messages_of, switch_on
from teilhabe.accounts.tests.real_provider import SITE_URL, Browser, RealProvider, sign_in


@pytest.fixture(scope="module")
def real_provider():
    provider = RealProvider()
    yield provider
    provider.stop()


@pytest.fixture
def idp(real_provider, settings, db):
    real_provider.reset()
    switch_on(settings, real_provider.teilhabe_settings())
    return real_provider


@pytest.fixture
def browser(idp):
    return Browser(idp)


def reference_of(response) -> str:
    return response.content.decode().split('class="sso-reference">')[1].split("<")[0]


def assert_error_page(response, status, text, caplog, cause):
    html = response.content.decode()
    assert response.status_code == status, html[:3000]
    assert text in html
    reference = reference_of(response)
    logged = [r.getMessage() for r in caplog.records if reference in r.getMessage()]
    assert logged and cause in logged[0], [r.getMessage() for r in caplog.records]
    return html


class TestSignOn:
    def test_the_first_sign_on_logs_in_and_binds_the_account(self, client, idp, browser, office_user):
        sub = idp.add_user("amira", "amt@example.org", "Amira", "Amt")
        response = sign_in(client, browser, "amira", next_url="/musterstadt/konto/benutzer/")
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == "/musterstadt/konto/benutzer/"
        assert client.session[SESSION_KEY] == str(office_user.pk)
        identity = SingleSignOnIdentity.objects.get(user=office_user)
        assert (identity.issuer, identity.subject) == (idp.issuer, str(sub))
        office_user.refresh_from_db()
        assert office_user.get_full_name() == "Amira Amt"

    def test_an_email_change_at_the_provider_is_followed(self, client, idp, browser, office_user):
        idp.add_user("amira", "amt@example.org")
        sign_in(client, browser, "amira")
        client.post("/konto/abmelden/")
        idp.set_email("amira", "integrationsamt@example.org")
        sign_in(client, Browser(idp), "amira")
        assert client.session[SESSION_KEY] == str(office_user.pk)
        office_user.refresh_from_db()
        assert office_user.email == "integrationsamt@example.org"

    def test_a_reused_address_is_refused_until_the_office_unbinds(self, client, idp, office_user):
        idp.add_user("amira", "amt@example.org")
        sign_in(client, Browser(idp), "amira")
        client.post("/konto/abmelden/")
        # Amira leaves; the provider gives her address to the new colleague Bernd.
        idp.set_email("amira", "ehemals.amt@example.org")
        idp.add_user("bernd", "amt@example.org")
        response = sign_in(client, Browser(idp), "bernd")
        assert SESSION_KEY not in client.session
        assert response["Location"] == "/konto/anmelden/"
        assert any(
            "mit einem anderen Konto bei Test-Anmeldedienst verbunden" in t for t in messages_of(response)
        )

        office = User.objects.create_user("chefin@example.org", "chefin@example.org", "x-geheim-genug")
        Membership.objects.create(
            user=office, municipality=office_user.memberships.get().municipality, role=OFFICE
        )
        membership = office_user.memberships.get()
        client.force_login(office)
        client.post(f"/musterstadt/konto/benutzer/{membership.pk}/sso-loesen/")
        client.post("/konto/abmelden/")
        assert not SingleSignOnIdentity.objects.filter(user=office_user).exists()
        sign_in(client, Browser(idp), "bernd")
        assert client.session[SESSION_KEY] == str(office_user.pk)

    def test_an_unverified_address_is_refused(self, client, idp, browser, office_user):
        idp.add_user("amira", "amt@example.org", verified=False)
        response = sign_in(client, browser, "amira")
        assert SESSION_KEY not in client.session
        assert any("keine bestätigte E-Mail-Adresse" in t for t in messages_of(response))

    def test_a_superuser_is_refused(self, client, idp, browser, db):
        User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug")
        idp.add_user("admin", "admin@example.org")
        response = sign_in(client, browser, "admin")
        assert SESSION_KEY not in client.session
        assert any("zweitem Faktor" in t for t in messages_of(response))


class TestErrors:
    """Each is a German page with a reference, the cause in the log, and nobody logged in."""

    @pytest.fixture(autouse=True)
    def amira(self, idp, office_user):
        idp.add_user("amira", "amt@example.org")

    def test_a_wrong_client_secret(self, client, idp, browser, settings, caplog):
        settings.OIDC_RP_CLIENT_SECRET = "abgelaufenes-secret"
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 502, "hat Teilhabe abgewiesen", caplog, "invalid_client")
        assert SESSION_KEY not in client.session

    def test_an_unreachable_discovery_url(self, client, idp, settings, caplog):
        settings.OIDC_OP_DISCOVERY_URL = "http://127.0.0.1:9/openid/.well-known/openid-configuration"
        response = client.get("/konto/sso/anmelden/")
        assert_error_page(
            response, 502, "erreicht den Anmeldedienst Test-Anmeldedienst gerade nicht", caplog, "127.0.0.1:9"
        )

    def test_an_unreachable_token_endpoint(self, client, idp, browser, settings, caplog):
        settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/openid/token"
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 502, "gerade nicht", caplog, "ConnectionError")

    def test_an_unreachable_key_endpoint(self, client, idp, browser, settings, caplog):
        settings.OIDC_OP_JWKS_ENDPOINT = idp.url + "/openid/keys-gibt-es-hier-nicht"
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 502, "gerade nicht", caplog, "404")

    def test_a_bad_signature(self, client, idp, browser, settings, caplog):
        # Keys under the provider's key id, but not its keys (stale or forged key set).
        kid = idp.signing_key_id()
        impostor = FakeProvider()
        impostor.key_id = kid
        try:
            settings.OIDC_OP_JWKS_ENDPOINT = impostor.url + "/jwks"
            response = sign_in(client, browser, "amira")
        finally:
            impostor.stop()
        assert_error_page(response, 400, "keine gültige Signatur", caplog, "Signature verification failed")

    def test_a_provider_clock_a_few_seconds_ahead_is_accepted(self, client, idp, browser, office_user):
        idp.set_quirks(clock_offset=3)
        sign_in(client, browser, "amira")
        assert client.session[SESSION_KEY] == str(office_user.pk)

    def test_a_token_not_yet_valid(self, client, idp, browser, caplog):
        idp.set_quirks(clock_offset=120)
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 400, "noch nicht gültig", caplog, "not yet valid")

    def test_an_expired_token(self, client, idp, browser, caplog):
        idp.set_quirks(clock_offset=-700)  # issued 700 s ago, valid for 600 s
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 400, "bereits abgelaufen", caplog, "expired")

    def test_a_token_of_another_issuer(self, client, idp, browser, caplog):
        idp.set_quirks(iss="https://login.example/anderer-mandant/v2.0")
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 400, "nicht von dem Anmeldedienst", caplog, "anderer-mandant")

    def test_a_token_for_another_application(self, client, idp, browser, caplog):
        idp.set_quirks(aud="andere-anwendung")
        response = sign_in(client, browser, "amira")
        assert_error_page(response, 400, "für eine andere Anwendung ausgestellt", caplog, "andere-anwendung")

    def test_the_error_page_in_english(self, client, idp, browser, settings):
        settings.OIDC_RP_CLIENT_SECRET = "abgelaufenes-secret"
        client.cookies["django_language"] = "en"
        html = sign_in(client, browser, "amira").content.decode()
        assert "Sign-in with Test-Anmeldedienst is not possible" in html
        assert "expired client secret" in html


class TestLogout:
    def test_logout_ends_the_session_at_the_provider_too(self, client, idp, browser, office_user):
        idp.add_user("amira", "amt@example.org")
        assert "gemeinsam genutzten PC" not in client.get("/konto/anmelden/").content.decode()
        sign_in(client, browser, "amira")
        response = client.post("/konto/abmelden/")
        assert SESSION_KEY not in client.session
        assert response["Location"].startswith(idp.issuer + "/end-session")
        assert browser.visit(response["Location"]) == SITE_URL + "/konto/anmelden/"
        # The next person at this PC is asked for a password by the provider.
        start = client.get("/konto/sso/anmelden/")
        assert not browser.is_signed_in_at_provider(start["Location"])

    def test_without_logout_at_the_provider_the_session_there_stays(
        self, client, idp, browser, settings, office_user
    ):
        idp.add_user("amira", "amt@example.org")
        discovered = {**idp.discovery()}
        for name, key in (
            ("issuer", "OIDC_OP_ISSUER"),
            ("authorization_endpoint", "OIDC_OP_AUTHORIZATION_ENDPOINT"),
            ("token_endpoint", "OIDC_OP_TOKEN_ENDPOINT"),
            ("userinfo_endpoint", "OIDC_OP_USER_ENDPOINT"),
            ("jwks_uri", "OIDC_OP_JWKS_ENDPOINT"),
        ):
            setattr(settings, key, discovered[name])
        settings.OIDC_OP_DISCOVERY_URL = ""  # manual endpoints, no end_session_endpoint among them
        cache.clear()
        html = client.get("/konto/anmelden/").content.decode()
        assert "bleiben Sie bei Test-Anmeldedienst angemeldet" in html
        sign_in(client, browser, "amira")
        assert client.post("/konto/abmelden/")["Location"] == "/"
        start = client.get("/konto/sso/anmelden/")
        assert browser.is_signed_in_at_provider(start["Location"])


class TestRoleMapping:
    MAP = '{"musterstadt": {"office": ["teilhabe-amt"], "advisory_board": ["teilhabe-beirat"]}}'

    @pytest.fixture
    def mapping(self, settings):
        settings.OIDC_ROLES_CLAIM = "groups"
        settings.OIDC_RP_SCOPES = "openid email profile groups"
        settings.OIDC_ROLE_MAP = self.MAP

    def test_off_by_default_the_role_stays_as_the_office_set_it(self, client, idp, browser, board_user):
        idp.add_user("beirat", "beirat@example.org", groups=["teilhabe-amt"])
        sign_in(client, browser, "beirat")
        assert client.session[SESSION_KEY] == str(board_user.pk)
        assert board_user.memberships.get().role == ADVISORY_BOARD

    def test_the_role_follows_the_group_at_each_sign_on(self, client, idp, browser, mapping, board_user):
        idp.add_user("beirat", "beirat@example.org", groups=["teilhabe-amt", "andere-gruppe"])
        sign_in(client, browser, "beirat")
        assert client.session[SESSION_KEY] == str(board_user.pk)
        assert board_user.memberships.get().role == OFFICE
        client.post("/konto/abmelden/")

        idp.set_groups("beirat", ["teilhabe-beirat"])
        sign_in(client, Browser(idp), "beirat")
        assert board_user.memberships.get().role == ADVISORY_BOARD
        client.post("/konto/abmelden/")

        idp.set_groups("beirat", [])
        response = sign_in(client, Browser(idp), "beirat")
        assert SESSION_KEY not in client.session
        assert not board_user.memberships.get().is_active  # withdrawn at the provider, withdrawn here
        assert any("keinen freigeschalteten Zugang" in t for t in messages_of(response))

    def test_the_office_sees_the_mapping(self, client, idp, mapping, office_user):
        client.force_login(office_user)
        html = client.get("/musterstadt/konto/benutzer/").content.decode()
        assert "groups" in html and "teilhabe-amt" in html and "teilhabe-beirat" in html
