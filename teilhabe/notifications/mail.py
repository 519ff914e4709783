"""The one way Teilhabe sends e-mail.

    from teilhabe.notifications.mail import Attachment, Recipient, queue_mail

    queue_mail(
        municipality,
        template="concept/email/round_opened",       # _subject.txt, .txt and (optional) .html
        recipients=[Recipient.for_user(user, organisation=org) for user, org in ...],
        context={"round": a_round},                   # shared; each Recipient adds its own
        key=f"round-opened:{a_round.pk}",             # the message's name: never twice to one address
        attachments=[Attachment("termin.ics", ics_text, "text/calendar")],
        started_by=request.user,
    )

Each message is rendered now, in the recipient's language (`User.language`; for someone without an account
the `language` passed in), so a German editor reads German and an English one English, dates included
(templates format them with `|date`, which follows the active language). The messages are then sent by a
background job (kind `notifications.send`, `jobs.py`), never inside the request: the job appears in the
office's job list with how many went out and which addresses failed.

- One mail per address per key: the same address twice in `recipients` gets one mail, and an address that
  already got `key` (table `SentMail`) gets none; a key that must go again (a resent invitation) carries
  what makes it new (e.g. the time it was asked for).
- A failing address (refused, mail server down) is logged and reported; the others are still sent, and the
  failed ones can be sent later under the same key.
- Called inside a transaction, the job is queued with it: rolled back, nothing is sent (with the database
  queue; the tests' immediate backend sends at once).
"""

import base64
from dataclasses import dataclass, field

from django.conf import settings
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from teilhabe.jobs.services import start_job
from teilhabe.notifications.models import SentMail

KIND = "notifications.send"


@dataclass
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str = "application/octet-stream"

    def as_json(self) -> dict:
        data = self.content.encode("utf-8") if isinstance(self.content, str) else self.content
        return {
            "filename": self.filename,
            "mimetype": self.mimetype,
            "content": base64.b64encode(data).decode("ascii"),
        }


@dataclass
class Recipient:
    email: str
    language: str = settings.LANGUAGE_CODE
    context: dict = field(default_factory=dict)  # added to the shared context for this recipient only
    attachments: list = field(default_factory=list)  # [Attachment] for this recipient only

    @classmethod
    def for_user(cls, user, attachments=(), **context) -> "Recipient":
        """A person with an account: their address, their language, and `user` in the context."""
        return cls(
            email=user.email,
            language=user.language or settings.LANGUAGE_CODE,
            context={"user": user, **context},
            attachments=list(attachments),
        )


def _language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _has_template(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def _plain(name: str, context: dict) -> str:
    """A text template rendered without HTML escaping (a title "A & B" stays "A & B" in a plain mail)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render(template: str, context: dict, language: str) -> dict:
    """Subject, text and (if `<template>.html` exists) HTML of one message, in `language`. Subject and text
    are not HTML-escaped; the HTML is."""
    with translation.override(_language(language)):
        subject = _plain(f"{template}_subject.txt", context)
        text = _plain(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context) if _has_template(f"{template}.html") else ""
    return {"subject": " ".join(subject.split()), "text": text, "html": html}


def queue_mail(
    municipality,
    *,
    template: str,
    recipients,
    key: str,
    context: dict | None = None,
    attachments=(),
    started_by=None,
):
    """Render one message per recipient in their language and queue the job that sends them.
    Returns the Job, or None when nobody is left to write to (no address, or all had `key` already)."""
    wanted, seen = [], set()
    for recipient in recipients:
        address = (recipient.email or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            wanted.append(recipient)
    already = set(SentMail.objects.filter(key=key, address__in=seen).values_list("address", flat=True))
    wanted = [r for r in wanted if r.email.strip().lower() not in already]
    if not wanted:
        return None
    shared = [a.as_json() for a in attachments]
    messages = []
    for recipient in wanted:
        message = render(template, {**(context or {}), **recipient.context}, recipient.language)
        message.update(
            to=recipient.email.strip(),
            language=_language(recipient.language),
            attachments=shared + [a.as_json() for a in recipient.attachments],
        )
        messages.append(message)
    return start_job(
        municipality,
        started_by,
        KIND,
        params={"key": key, "template": template, "messages": messages},
    )
