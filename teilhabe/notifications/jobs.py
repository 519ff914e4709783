"""The job that sends the messages `mail.queue_mail` rendered: one by one, each address once per key."""

import base64
import logging

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

from teilhabe.jobs.models import Job
from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress
from teilhabe.notifications.models import SentMail

logger = logging.getLogger(__name__)


def _email(message: dict, connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message["subject"], body=message["text"], to=[message["to"]], connection=connection
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    for attachment in message.get("attachments", ()):
        email.attach(attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"])
    return email


def _claim(job, key, address):
    """Reserve (key, address) before sending; False if another job has it (sent, or being sent)."""
    try:
        with transaction.atomic():
            return SentMail.objects.create(municipality_id=job.municipality_id, key=key, address=address)
    except IntegrityError:
        return None


# Not atomic: each sent message's SentMail row commits at once, so a crash later does not make it go again.
@job_kind(
    "notifications.send",
    label=_("E-Mails versenden"),
    result_template="notifications/_job_result.html",
    atomic=False,
)
def send(job):
    key, messages = job.params["key"], job.params.get("messages", [])
    sent, skipped, failed = [], [], []
    connection = get_connection()
    try:
        for number, message in enumerate(messages, start=1):
            report_progress(
                job,
                gettext_noop("E-Mail %(number)s von %(total)s"),
                100 * (number - 1) // max(1, len(messages)),
                number=number,
                total=len(messages),
            )
            claim = _claim(job, key, message["to"].lower())
            if claim is None:
                skipped.append(message["to"])
                continue
            try:
                _email(message, connection).send()
            except Exception:  # refused address, server down: the others still go out
                logger.warning("E-mail %s to %s failed", key, message["to"], exc_info=True)
                claim.delete()
                failed.append(message["to"])
                connection.close()
                connection = get_connection()
                continue
            SentMail.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
            sent.append(message["to"])
    finally:
        connection.close()
        # The rendered messages may hold one-time links (set a password): keep only who they were for.
        Job.objects.filter(pk=job.pk).update(
            params={"key": key, "template": job.params.get("template", ""), "to": [m["to"] for m in messages]}
        )
    result = {
        "sent": len(sent),
        "skipped": len(skipped),
        "failed": failed,
        "summary": ngettext("%(count)s E-Mail versandt", "%(count)s E-Mails versandt", len(sent))
        % {"count": len(sent)},
    }
    if failed:
        raise JobFailed(
            ngettext(
                "%(count)s E-Mail konnte nicht versandt werden: %(addresses)s",
                "%(count)s E-Mails konnten nicht versandt werden: %(addresses)s",
                len(failed),
            )
            % {"count": len(failed), "addresses": ", ".join(failed)},
            result=result,
        )
    return result
