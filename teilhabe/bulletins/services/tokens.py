"""The signed links of the distribution lists (django.core.signing with the site's secret, so a link needs no
login and cannot be guessed or turned into another person's):

- confirmation (double opt-in): the subscription and its one-time nonce, valid for `CONFIRM_MAX_AGE`;
- unsubscribe (one subscription) and preferences (all of one subscriber's lists): the row and the subscriber's
  `key`, valid until the key changes (erasure deletes the row, so the link is then a 404)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "teilhabe.bulletins.confirm"
UNSUBSCRIBE_SALT = "teilhabe.bulletins.unsubscribe"
PREFERENCES_SALT = "teilhabe.bulletins.preferences"
CONFIRM_MAX_AGE = timedelta(hours=48)


def _split(value: str) -> tuple[int, str] | None:
    pk, _, secret = value.partition(".")
    return (int(pk), secret) if pk.isdigit() and secret else None


def confirm_token(subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{subscription.pk}.{subscription.confirm_nonce}")


def read_confirm_token(token: str) -> tuple[int, str] | None:
    """(subscription pk, nonce), or None when the link is forged or older than 48 hours."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    return _split(value)


def unsubscribe_token(subscription) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{subscription.pk}.{subscription.subscriber.key}")


def preferences_token(subscriber) -> str:
    return signing.Signer(salt=PREFERENCES_SALT).sign(f"{subscriber.pk}.{subscriber.key}")


def read_token(token: str, salt: str) -> tuple[int, str] | None:
    try:
        return _split(signing.Signer(salt=salt).unsign(token))
    except signing.BadSignature:
        return None


def _absolute(name: str, municipality, token: str) -> str:
    return settings.SITE_URL + reverse(name, args=[municipality.slug, token])


def confirm_url(subscription) -> str:
    return _absolute("subscriptions:confirm", subscription.municipality, confirm_token(subscription))


def unsubscribe_url(subscription) -> str:
    return _absolute("subscriptions:unsubscribe", subscription.municipality, unsubscribe_token(subscription))


def preferences_url(subscriber) -> str:
    return _absolute("subscriptions:preferences", subscriber.municipality, preferences_token(subscriber))
