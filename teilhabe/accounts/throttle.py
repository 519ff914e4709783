"""Throttle failed logins per account and per address, stored in the database so it holds across workers."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from teilhabe.accounts.models import FailedLogin


def _window_start():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)


def is_throttled(username: str, address: str | None) -> bool:
    match = Q(username__iexact=username.strip())
    if address:
        match |= Q(address=address)
    return FailedLogin.objects.filter(match, at__gte=_window_start()).count() >= settings.LOGIN_FAILURE_LIMIT


def record_failure(username: str, address: str | None) -> None:
    FailedLogin.objects.filter(at__lt=_window_start()).delete()
    FailedLogin.objects.create(username=username.strip()[:254], address=address)


def clear_failures(username: str) -> None:
    FailedLogin.objects.filter(username__iexact=username.strip()).delete()


def minutes_to_wait() -> int:
    return max(1, -(-settings.LOGIN_FAILURE_WINDOW // 60))


def client_address(request) -> str | None:
    # Behind the reverse proxy REMOTE_ADDR is the proxy, which appends the client it saw to X-Forwarded-For.
    # Take the last entry: earlier ones come from the client and could be forged to dodge the throttle.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.HTTPS else ""
    return (forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR")) or None
