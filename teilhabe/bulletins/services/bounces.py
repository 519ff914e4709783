"""Bounces: a hard bounce (a 5xx reply at the hand-over, or a delivery status notification read from the
bounce mailbox) counts on the subscriber; at `BULLETIN_BOUNCE_LIMIT` the address is suspended. A suspended
address is shown on its lists and on every send report ("nicht versandt: Adresse gesperrt"), never dropped
silently; the office lifts the suspension once the address is right again.

The mailbox (optional) is read with imaplib by `teilhabe read_bounces` (cron): settings
`BULLETIN_BOUNCE_IMAP_HOST`, `…_PORT` (993), `…_USER`, `…_PASSWORD`, `…_FOLDER` (INBOX). Unread messages that
are DSNs (RFC 3464, multipart/report; report-type=delivery-status) with `Action: failed` and a 5.x.x status
count as hard bounces; each message read is marked seen."""

import email
import email.policy
import imaplib
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from teilhabe.bulletins.models import SendRecord, Subscriber

logger = logging.getLogger(__name__)


def record_bounce(subscriber: Subscriber, reply: str) -> Subscriber:
    """One hard bounce more; suspends the address at the limit. Returns the subscriber as saved."""
    now = timezone.now()
    Subscriber.objects.filter(pk=subscriber.pk).update(
        bounce_count=F("bounce_count") + 1, last_bounce=reply[:500], last_bounce_at=now
    )
    subscriber.refresh_from_db()
    if subscriber.suspended_at is None and subscriber.bounce_count >= Subscriber.bounce_limit():
        subscriber.suspended_at = now
        subscriber.save(update_fields=["suspended_at"])
    return subscriber


@dataclass(frozen=True)
class Failure:
    address: str
    status: str
    diagnostic: str
    message_id: str = ""


def parse_dsn(raw: bytes) -> list[Failure]:
    """The permanent failures a delivery status notification reports; [] for anything else."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if message.get_content_type() != "multipart/report":
        return []
    if (message.get_param("report-type") or "").lower() != "delivery-status":
        return []
    original_id = ""
    blocks = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            blocks += [block for block in part.get_payload() if isinstance(block, email.message.Message)]
        elif kind in ("text/rfc822-headers", "message/rfc822"):
            text = (
                part.as_string()
                if kind == "message/rfc822"
                else str(part.get_payload(decode=True) or b"", "utf-8", "replace")
            )
            found = re.search(r"^Message-ID:\s*(<[^>]+>)", text, re.IGNORECASE | re.MULTILINE)
            original_id = found.group(1) if found else original_id
    failures = []
    for block in blocks:
        action = (block.get("Action") or "").strip().lower()
        status = (block.get("Status") or "").strip()
        recipient = block.get("Final-Recipient") or block.get("Original-Recipient") or ""
        address = recipient.split(";", 1)[-1].strip().strip("<>").lower()
        if action == "failed" and status.startswith("5") and "@" in address:
            diagnostic = " ".join((block.get("Diagnostic-Code") or "").split())
            failures.append(Failure(address, status, diagnostic or status, original_id))
    return failures


def apply_failures(failures) -> int:
    """Count each failure on the subscriber it was sent to (by the original Message-ID, else every
    subscriber with that address). Returns how many bounces were counted."""
    counted = 0
    for failure in failures:
        subscribers = []
        if failure.message_id:
            record = (
                SendRecord.objects.filter(message_id=failure.message_id, subscriber__isnull=False)
                .select_related("subscriber")
                .first()
            )
            subscribers = [record.subscriber] if record else []
        if not subscribers:
            subscribers = list(Subscriber.objects.filter(email=failure.address))
        for subscriber in subscribers:
            record_bounce(subscriber, f"{failure.status} {failure.diagnostic}")
            counted += 1
    return counted


def read_mailbox(imap_class=None) -> dict:
    """Read the unread messages of the configured bounce mailbox; returns {"read": n, "bounces": m}.
    Does nothing (and says so) when no mailbox is configured."""
    host = getattr(settings, "BULLETIN_BOUNCE_IMAP_HOST", "")
    if not host:
        return {"read": 0, "bounces": 0, "configured": False}
    imap_class = imap_class or imaplib.IMAP4_SSL
    connection = imap_class(host, int(getattr(settings, "BULLETIN_BOUNCE_IMAP_PORT", 993)))
    read = bounces = 0
    try:
        connection.login(settings.BULLETIN_BOUNCE_IMAP_USER, settings.BULLETIN_BOUNCE_IMAP_PASSWORD)
        connection.select(getattr(settings, "BULLETIN_BOUNCE_IMAP_FOLDER", "INBOX") or "INBOX")
        _status, data = connection.search(None, "UNSEEN")
        for number in (data[0] or b"").split():
            _status, parts = connection.fetch(number, "(RFC822)")
            raw = next((p[1] for p in parts if isinstance(p, tuple)), b"")
            bounces += apply_failures(parse_dsn(raw))
            connection.store(number, "+FLAGS", "\\Seen")
            read += 1
    finally:
        try:
            connection.logout()
        except Exception:  # the server went away: what was counted stays counted
            logger.warning("Bounce mailbox: logout failed", exc_info=True)
    return {"read": read, "bounces": bounces, "configured": True}
