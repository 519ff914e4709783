"""Delivery status notifications read from the bounce mailbox (imaplib): a permanent failure counts on the
subscriber the message went to; a delay or anything that is no DSN counts nothing."""

import pytest
from django.core.management import call_command

from teilhabe.bulletins.models import Sending, SendRecord, Subscriber
from teilhabe.bulletins.services import bounces
from teilhabe.bulletins.tests import helpers

pytestmark = pytest.mark.django_db

DSN = b"""From: MAILER-DAEMON@mx.example.org
To: musterstadt@post.musterstadt.example
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

This is the mail system. Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; %(address)s
Original-Recipient: rfc822;%(address)s
Action: %(action)s
Status: %(status)s
Diagnostic-Code: smtp; 550 5.1.1 <%(address)s>: Recipient address
    rejected: User unknown

--b1
Content-Type: text/rfc822-headers

Message-ID: <%(message_id)s>
Subject: Com-In 1

--b1--
"""


def dsn(address, action="failed", status="5.1.1", message_id="1.bulletin-issue-1@post.musterstadt.example"):
    return DSN % {
        b"address": address.encode(),
        b"action": action.encode(),
        b"status": status.encode(),
        b"message_id": message_id.encode(),
    }


def test_a_permanent_failure_is_read_and_a_delay_is_not():
    (failure,) = bounces.parse_dsn(dsn("Weg@Example.org"))
    assert failure.address == "weg@example.org" and failure.status == "5.1.1"
    assert "User unknown" in failure.diagnostic
    assert failure.message_id == "<1.bulletin-issue-1@post.musterstadt.example>"
    assert bounces.parse_dsn(dsn("weg@example.org", action="delayed", status="4.4.7")) == []
    assert bounces.parse_dsn(b"Subject: Hallo\n\nKein Bericht.") == []
    assert bounces.parse_dsn(b"\x00\xff garbage") == []


class FakeImap:
    """imaplib.IMAP4_SSL's calls, over a list of raw messages."""

    messages: list = []
    seen: list = []

    def __init__(self, host, port):
        assert (host, port) == ("imap.example.org", 993)

    def login(self, user, password):
        assert (user, password) == ("bounces", "geheim")

    def select(self, folder):
        assert folder == "INBOX"

    def search(self, charset, criterion):
        assert criterion == "UNSEEN"
        return "OK", [b" ".join(str(n + 1).encode() for n in range(len(self.messages)))]

    def fetch(self, number, what):
        return "OK", [(b"1 (RFC822 {n}", self.messages[int(number) - 1]), b")"]

    def store(self, number, flags, value):
        FakeImap.seen.append(int(number))

    def logout(self):
        pass


def test_the_mailbox_is_read_and_bounces_suspend(municipality, other_municipality, settings, monkeypatch):
    settings.BULLETIN_BOUNCE_IMAP_HOST = "imap.example.org"
    settings.BULLETIN_BOUNCE_IMAP_USER, settings.BULLETIN_BOUNCE_IMAP_PASSWORD = "bounces", "geheim"
    settings.BULLETIN_BOUNCE_LIMIT = 2
    german = helpers.dlist(municipality)
    subscriber = helpers.active(german, "weg@example.org").subscriber
    elsewhere = helpers.active(helpers.dlist(other_municipality), "weg@example.org").subscriber
    issue = helpers.issue(german.bulletin)
    sending = Sending.objects.create(
        municipality=municipality, issue=issue, run_after=issue.bulletin.created_at
    )
    SendRecord.objects.create(
        municipality=municipality, sending=sending, subscriber=subscriber, address="weg@example.org",
        language="de", state=SendRecord.State.SENT, message_id="<m1@post.musterstadt.example>", at=sending.run_after,
    )  # fmt: skip
    FakeImap.messages = [
        dsn("weg@example.org", message_id="m1@post.musterstadt.example"),
        b"Subject: Urlaub\n\nBin weg.",
    ]
    FakeImap.seen = []
    monkeypatch.setattr(bounces.imaplib, "IMAP4_SSL", FakeImap)
    call_command("read_bounces", verbosity=0)
    subscriber.refresh_from_db()
    elsewhere.refresh_from_db()
    assert subscriber.bounce_count == 1 and elsewhere.bounce_count == 0  # the municipality that sent it
    assert FakeImap.seen == [1, 2]
    FakeImap.messages = [dsn("weg@example.org", message_id="unbekannt@x")]
    call_command("read_bounces", verbosity=0)
    subscriber.refresh_from_db()
    assert subscriber.bounce_count == 2 and subscriber.suspended_at is not None
    assert Subscriber.objects.get(pk=elsewhere.pk).bounce_count == 1  # no Message-ID match: the address


def test_without_a_mailbox_nothing_happens(settings):
    settings.BULLETIN_BOUNCE_IMAP_HOST = ""
    assert bounces.read_mailbox() == {"read": 0, "bounces": 0, "configured": False}
