"""Identity binding against the fake provider: the first sign-on binds the account to (iss, sub), later
ones follow that pair, a reused address is refused until the office unbinds, superusers stay out."""

from django.contrib.auth import SESSION_KEY

from teilhabe.accounts.models import SingleSignOnIdentity, User
from teilhabe.accounts.tests.fake_oidc_provider import claims_for, messages_of, sign_in


def test_the_first_sign_on_binds_the_account_to_issuer_and_subject(client, sso, office_user):
    sign_in(client, sso, {"sub": "kc-17", "email": "amt@example.org", "email_verified": True})
    identity = SingleSignOnIdentity.objects.get(user=office_user)
    assert (identity.issuer, identity.subject) == (sso.url, "kc-17")
    assert identity.email == "amt@example.org" and identity.last_sign_on_at is not None


def test_a_later_sign_on_follows_an_email_change_at_the_provider(client, sso, office_user):
    sign_in(client, sso, {"sub": "kc-17", "email": "amt@example.org", "email_verified": True})
    client.post("/konto/abmelden/")
    sign_in(client, sso, {"sub": "kc-17", "email": "integration@example.org", "email_verified": True})
    assert client.session[SESSION_KEY] == str(office_user.pk)
    office_user.refresh_from_db()
    assert office_user.email == "integration@example.org"
    assert office_user.username == "integration@example.org"


def test_a_bound_account_needs_no_email_at_all(client, sso, office_user):
    sign_in(client, sso, {"sub": "kc-17", "email": "amt@example.org", "email_verified": True})
    client.post("/konto/abmelden/")
    sign_in(client, sso, {"sub": "kc-17"})
    assert client.session[SESSION_KEY] == str(office_user.pk)
    office_user.refresh_from_db()
    assert office_user.email == "amt@example.org"


def test_an_email_change_to_an_address_of_another_account_is_not_taken_over(
    client, sso, office_user, board_user
):
    sign_in(client, sso, {"sub": "kc-17", "email": "amt@example.org", "email_verified": True})
    client.post("/konto/abmelden/")
    sign_in(client, sso, {"sub": "kc-17", "email": "beirat@example.org", "email_verified": True})
    assert client.session[SESSION_KEY] == str(office_user.pk)
    office_user.refresh_from_db()
    assert office_user.email == "amt@example.org"


def test_a_reused_address_is_refused_until_the_office_unbinds(client, sso, office_user):
    sign_in(client, sso, {"sub": "kc-old", "email": "amt@example.org", "email_verified": True})
    client.post("/konto/abmelden/")
    response = sign_in(client, sso, {"sub": "kc-new", "email": "amt@example.org", "email_verified": True})
    assert SESSION_KEY not in client.session
    assert response["Location"] == "/konto/anmelden/"
    assert any(
        "mit einem anderen Konto bei Keycloak Musterstadt verbunden" in t for t in messages_of(response)
    )
    assert SingleSignOnIdentity.objects.get(user=office_user).subject == "kc-old"

    SingleSignOnIdentity.objects.filter(user=office_user).delete()  # what the office's unbind does
    sign_in(client, sso, {"sub": "kc-new", "email": "amt@example.org", "email_verified": True})
    assert client.session[SESSION_KEY] == str(office_user.pk)
    assert SingleSignOnIdentity.objects.get(user=office_user).subject == "kc-new"


def test_another_issuer_with_the_same_subject_is_another_identity(client, sso, settings, office_user):
    SingleSignOnIdentity.objects.create(user=office_user, issuer="https://other.example", subject="kc-17")
    sign_in(client, sso, {"sub": "kc-17", "email": "amt@example.org", "email_verified": True})
    assert client.session[SESSION_KEY] == str(office_user.pk)
    assert SingleSignOnIdentity.objects.filter(user=office_user).count() == 2


def test_a_deactivated_bound_account_is_refused(client, sso, office_user):
    sign_in(client, sso, claims_for("amt@example.org"))
    client.post("/konto/abmelden/")
    office_user.memberships.update(is_active=False)
    response = sign_in(client, sso, claims_for("amt@example.org"))
    assert SESSION_KEY not in client.session
    assert any("keinen freigeschalteten Zugang" in t for t in messages_of(response))


def test_a_superuser_is_refused_and_not_bound(client, sso, db):
    User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug")
    response = sign_in(client, sso, claims_for("admin@example.org"))
    assert SESSION_KEY not in client.session
    assert any(
        "Administrationskonten melden sich nicht mit Keycloak Musterstadt an" in t
        for t in messages_of(response)
    )
    assert not SingleSignOnIdentity.objects.exists()


def test_a_superuser_may_sign_on_when_the_installation_allows_it(client, sso, settings, db):
    settings.OIDC_ALLOW_SUPERUSERS = True
    admin = User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug")
    sign_in(client, sso, claims_for("admin@example.org"))
    assert client.session[SESSION_KEY] == str(admin.pk)


def test_a_bound_superuser_is_refused_once_the_installation_forbids_it(client, sso, settings, db):
    admin = User.objects.create_superuser("admin", "admin@example.org", "geheim-und-lang-genug")
    SingleSignOnIdentity.objects.create(user=admin, issuer=sso.url, subject="kc-admin@example.org")
    sign_in(client, sso, claims_for("admin@example.org"))
    assert SESSION_KEY not in client.session


def test_the_office_sees_which_accounts_are_bound_and_can_unbind(client, sso, office_user, member):
    SingleSignOnIdentity.objects.create(user=member.user, issuer=sso.url, subject="kc-beirat")
    client.force_login(office_user)
    listing = client.get("/musterstadt/konto/benutzer/").content.decode()
    assert listing.count("mit Single Sign-on verbunden") == 1
    page = client.get(f"/musterstadt/konto/benutzer/{member.pk}/").content.decode()
    assert "Mit einem Konto beim Anmeldedienst verbunden seit" in page and "kc-beirat" in page
    response = client.post(f"/musterstadt/konto/benutzer/{member.pk}/sso-loesen/")
    assert response.status_code == 302
    assert not SingleSignOnIdentity.objects.filter(user=member.user).exists()


def test_only_the_office_can_unbind(client, sso, office_user, member):
    SingleSignOnIdentity.objects.create(user=office_user, issuer=sso.url, subject="kc-amt")
    client.force_login(member.user)
    office_membership = office_user.memberships.get()
    response = client.post(f"/musterstadt/konto/benutzer/{office_membership.pk}/sso-loesen/")
    assert response.status_code == 403
    assert SingleSignOnIdentity.objects.filter(user=office_user).exists()


def test_the_verified_claim_can_be_entras_xms_edov(client, sso, settings, office_user):
    settings.OIDC_EMAIL_VERIFIED_CLAIM = "xms_edov"
    response = sign_in(client, sso, {"sub": "oid-1", "email": "amt@example.org", "xms_edov": False})
    assert SESSION_KEY not in client.session
    assert any("keine bestätigte E-Mail-Adresse" in t for t in messages_of(response))
    sign_in(client, sso, {"sub": "oid-1", "email": "amt@example.org", "xms_edov": True})
    assert client.session[SESSION_KEY] == str(office_user.pk)
