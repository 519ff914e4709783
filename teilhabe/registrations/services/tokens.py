"""The one-click cancellation link: the registration's id signed with the site's secret (django.core.signing),
so the link needs no login and cannot be guessed or changed to another registration."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "teilhabe.registrations.cancel"


def cancel_token(registration) -> str:
    """The same link every time (the confirmation, the reminder and the moved-up mail carry one link)."""
    return signing.Signer(salt=SALT).sign(str(registration.pk))


def registration_pk(token: str) -> int | None:
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def cancel_url(registration) -> str:
    path = reverse(
        "events:cancel", args=[registration.activity.municipality.slug, cancel_token(registration)]
    )
    return settings.SITE_URL + path
