"""Named actions on API tokens (made and revoked on the profile page) and the look-up of a presented token.

A token reads one municipality's internal data with exactly the rights of its holder there: it authenticates
only while the holder's account is active and the membership in the token's municipality is active and
accepted (the same check as the internal pages, accounts.models.active_membership). Revoking a membership or
deactivating the account therefore silences the token too."""

import hashlib
import secrets

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.accounts.models import Membership, active_membership
from teilhabe.api.models import ApiToken

PREFIX = "th_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def usable_municipalities(user):
    """The municipalities a user may make a token for: those with an active, accepted membership."""
    memberships = Membership.objects.filter(user=user, is_active=True, awaiting_acceptance=False)
    return [m.municipality for m in memberships.select_related("municipality").order_by("municipality__name")]


def create_token(user, municipality, name: str) -> tuple[ApiToken, str]:
    """A new token for `user` in `municipality`; returns the row and the key, which is shown once only."""
    if active_membership(user, municipality) is None:
        raise PermissionError(_("Sie haben in dieser Kommune keinen Zugang."))
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(municipality=municipality, user=user, name=name.strip(), key_hash=hash_key(key))
    token.prefix = key[:10]
    token.save()
    return token, key


def revoke_token(token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save()
    return token


def authenticate(key: str):
    """The active token for a presented key, with `membership` set to its holder's membership, else None."""
    if not key or not key.startswith(PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user", "municipality")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True)
        .first()
    )
    if token is None:
        return None
    token.membership = active_membership(token.user, token.municipality)
    if token.membership is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 3600:
        # at most one write an hour, and not through save(): reading must not fill the audit trail
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def tokens_of(user):
    return (
        ApiToken.objects.filter(user=user)
        .select_related("municipality")
        .order_by(F("revoked_at").desc(nulls_first=True), "-created_at")
    )


def profile_section(user) -> dict:
    """What the profile page shows of the API: the user's tokens and the form to make one."""
    from teilhabe.api.forms import TokenForm

    return {"api_tokens": list(tokens_of(user)), "api_token_form": TokenForm(user=user)}
