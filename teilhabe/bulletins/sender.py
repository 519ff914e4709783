"""The bulk sender's own use of the SMTP connection: the one place besides notifications/jobs.py that builds
and hands over e-mail (tests/test_one_way_to_send_mail.py names both).

Why not `queue_mail`: a bulletin goes to hundreds of people in batches at a set rate, resumable, with one
send record per address written in the same transaction as the hand-over (services/sending.py), and each
message needs headers of its own (List-Unsubscribe for RFC 8058, List-Id, Message-ID of the sender's domain).
`queue_mail` renders per recipient into one job's parameters and sends without those.

No tracking: the message carries the HTML and text exactly as rendered; no pixel is added, no link rewritten."""

import smtplib
from dataclasses import dataclass
from email.utils import formataddr, formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection


def sender_domain() -> str:
    """The domain of the From address and of every Message-ID (setting BULLETIN_SENDER_DOMAIN)."""
    configured = getattr(settings, "BULLETIN_SENDER_DOMAIN", "")
    if configured:
        return configured
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return address.rsplit("@", 1)[-1] or "localhost"


def from_address(municipality, display_name: str) -> str:
    return formataddr((display_name, f"{municipality.slug}@{sender_domain()}"))


def new_message_id(pk, what: str = "bulletin-issue") -> str:
    """A Message-ID of the sender's domain naming what is sent (an issue, a forwarding) and its id."""
    return make_msgid(idstring=f"{what}-{pk}", domain=sender_domain())


@dataclass
class Outgoing:
    to: str
    subject: str
    text: str
    html: str
    from_email: str
    reply_to: str = ""
    message_id: str = ""
    unsubscribe_url: str = ""
    list_id: str = ""


def build(outgoing: Outgoing, connection) -> EmailMultiAlternatives:
    headers = {"Date": formatdate(localtime=True), "Message-ID": outgoing.message_id or new_message_id("x")}
    if outgoing.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{outgoing.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if outgoing.list_id:
        headers["List-Id"] = outgoing.list_id
    message = EmailMultiAlternatives(
        subject=outgoing.subject,
        body=outgoing.text,
        from_email=outgoing.from_email,
        to=[outgoing.to],
        reply_to=[outgoing.reply_to] if outgoing.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if outgoing.html:
        message.attach_alternative(outgoing.html, "text/html")
    return message


def open_connection():
    """One SMTP connection for a batch (the configured EMAIL_BACKEND; BULLETIN_EMAIL_BACKEND overrides it)."""
    backend = getattr(settings, "BULLETIN_EMAIL_BACKEND", "") or None
    connection = get_connection(backend=backend, fail_silently=False)
    connection.open()
    return connection


def hand_over(connection, outgoing: Outgoing) -> None:
    """Give one message to the SMTP server; raises if it did not take it."""
    if connection.send_messages([build(outgoing, connection)]) != 1:
        raise smtplib.SMTPException("the mail server did not take the message")


def refusal(error: BaseException) -> tuple[bool, str]:
    """(hard bounce?, the server's reply) for an exception of the hand-over: a 5xx reply for the recipient
    is a hard bounce; 4xx, a refused sender, a server that is down are not the address's fault."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()), (0, b""))
        return 500 <= int(code) < 600, f"{code} {_text(reply)}"
    if isinstance(error, smtplib.SMTPDataError):
        return (
            500 <= error.smtp_code < 600 and error.smtp_code != 554,
            f"{error.smtp_code} {_text(error.smtp_error)}",
        )
    return False, f"{type(error).__name__}: {error}"[:500]


def _text(reply) -> str:
    return (reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply))[:480]
