"""Throttle failed logins, stored in the database so it holds across workers.

Three ceilings, each over the last LOGIN_FAILURE_WINDOW seconds:

- one account from one address: LOGIN_FAILURE_LIMIT (someone guessing one password from one place);
- one account from any address: LOGIN_ACCOUNT_FAILURE_LIMIT, higher (guessing spread over many addresses);
- one address for any account: LOGIN_ADDRESS_FAILURE_LIMIT, much higher. A town hall sends all its staff
  through one proxy address: one colleague's typos must not lock out everybody else behind it.

Every way into an account with a password goes through `LoginForm`, which asks `is_throttled` first (the
Django admin's login page redirects to it).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from teilhabe.accounts.models import FailedLogin


def _window_start():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)


def is_throttled(username: str, address: str | None) -> bool:
    recent = FailedLogin.objects.filter(at__gte=_window_start())
    account = recent.filter(username__iexact=username.strip())
    if address and account.filter(address=address).count() >= settings.LOGIN_FAILURE_LIMIT:
        return True
    if account.count() >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
        return True
    return bool(address) and recent.filter(address=address).count() >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


def record_failure(username: str, address: str | None) -> None:
    FailedLogin.objects.filter(at__lt=_window_start()).delete()
    FailedLogin.objects.create(username=username.strip()[:254], address=address)


def clear_failures(username: str, address: str | None) -> None:
    """After a successful login: forget this account's failures from this address (those elsewhere stay,
    so a guesser somewhere else is not reset by the owner logging in)."""
    FailedLogin.objects.filter(username__iexact=username.strip(), address=address).delete()


def minutes_to_wait() -> int:
    return max(1, -(-settings.LOGIN_FAILURE_WINDOW // 60))


def client_address(request) -> str | None:
    # Behind the reverse proxy REMOTE_ADDR is the proxy, which appends the client it saw to X-Forwarded-For.
    # Take the last entry: earlier ones come from the client and could be forged to dodge the throttle.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.HTTPS else ""
    return (forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR")) or None
