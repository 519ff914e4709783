"""Internal data with a member's token: made and revoked on the profile page, stored as a hash only, bound to
one municipality and to its holder's membership."""

import pytest
from django.urls import reverse

from teilhabe.accounts.models import Membership
from teilhabe.api import tokens
from teilhabe.api.models import ApiToken
from teilhabe.api.tests.helpers import published_world
from teilhabe.conftest import make_member


@pytest.fixture
def world(municipality, other_municipality):
    return published_world(municipality, other_municipality)


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_token_made_on_the_profile_page_reads_the_internal_data(client, office_user, world):
    client.force_login(office_user)
    page = client.get(reverse("accounts:profile"))
    assert "API-Schlüssel" in page.content.decode()
    response = client.post(
        reverse("api_tokens:create"), {"api-name": "Auswertung", "api-municipality": "musterstadt"}
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    key = response.context["key"]
    assert key.startswith("th_") and key in response.content.decode()
    token = ApiToken.objects.get()
    assert token.key_hash == tokens.hash_key(key) and key not in (token.key_hash, token.prefix)
    client.logout()
    me = client.get("/api/v1/internal/me", **bearer(key)).json()
    assert me == {
        "municipality": "musterstadt",
        "role": "office",
        "organisation": None,
        "token": "Auswertung",
    }
    measures = client.get("/api/v1/internal/measures", **bearer(key)).json()
    assert {m["title"] for m in measures["items"]} == {"Sprachcafé", "GEHEIME-MASSNAHME"}
    activities = client.get("/api/v1/internal/activities", **bearer(key)).json()
    assert {"NICHT-OEFFENTLICH", "IDEE-INTERN"} <= {a["title"] for a in activities["items"]}
    assert "Fest in Anderstadt" not in str(activities)


def test_internal_answers_are_private_and_conditional(client, office_user, world):
    _token, key = tokens.create_token(office_user, world["concept"].municipality, "x")
    first = client.get("/api/v1/internal/measures", **bearer(key))
    assert "private" in first["Cache-Control"] and "Authorization" in first["Vary"]
    again = client.get("/api/v1/internal/measures", HTTP_IF_NONE_MATCH=first["ETag"], **bearer(key))
    assert again.status_code == 304


def test_without_or_with_a_wrong_token_internal_data_is_refused(client, world):
    assert client.get("/api/v1/internal/measures").status_code == 401
    assert client.get("/api/v1/internal/measures", **bearer("th_falsch")).status_code == 401
    assert client.get("/api/v1/internal/measures", **bearer("Bearer")).status_code == 401


def test_a_revoked_token_reads_nothing(client, office_user, world):
    token, key = tokens.create_token(office_user, world["concept"].municipality, "x")
    assert client.get("/api/v1/internal/me", **bearer(key)).status_code == 200
    client.force_login(office_user)
    response = client.post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    client.logout()
    assert client.get("/api/v1/internal/me", **bearer(key)).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token(client, office_user, board_user, world):
    token, key = tokens.create_token(office_user, world["concept"].municipality, "x")
    client.force_login(board_user)
    assert client.post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 404
    assert client.get(reverse("api_tokens:revoke", args=[token.pk])).status_code == 405
    client.logout()
    assert client.get("/api/v1/internal/me", **bearer(key)).status_code == 200


def test_a_token_of_municipality_a_never_reads_municipality_b(client, other_municipality, world):
    outsider = make_member(other_municipality, "office", "b@example.org")
    _token, key = tokens.create_token(outsider, other_municipality, "b")
    measures = client.get("/api/v1/internal/measures?municipality=musterstadt", **bearer(key)).json()
    assert measures["count"] == 0
    body = client.get("/api/v1/internal/activities", **bearer(key)).content.decode()
    assert "Sprachcafé" not in body and "Fest in Anderstadt" in body


def test_no_token_for_a_municipality_without_membership(client, office_user, other_municipality, world):
    with pytest.raises(PermissionError):
        tokens.create_token(office_user, other_municipality, "x")
    client.force_login(office_user)
    client.post(reverse("api_tokens:create"), {"api-name": "x", "api-municipality": "anderstadt"})
    assert not ApiToken.objects.exists()


def test_a_deactivated_membership_silences_the_token(client, board_user, world):
    _token, key = tokens.create_token(board_user, world["concept"].municipality, "x")
    assert client.get("/api/v1/internal/me", **bearer(key)).json()["role"] == "advisory_board"
    Membership.objects.filter(user=board_user).update(is_active=False)
    assert client.get("/api/v1/internal/me", **bearer(key)).status_code == 401


def test_making_and_revoking_a_token_is_audited(office_user, world):
    from auditlog.models import LogEntry

    token, _key = tokens.create_token(office_user, world["concept"].municipality, "x")
    tokens.revoke_token(token)
    entries = LogEntry.objects.get_for_object(token)
    assert entries.count() == 2
    assert all("key_hash" not in (e.changes or {}) for e in entries)
