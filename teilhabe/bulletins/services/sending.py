"""Sending an issue to its distribution lists (named actions and the job `bulletins.send`, jobs.py).

- `schedule(issue, when, actor)`: the issue is scheduled; at `when` (now, or later by
  `teilhabe send_scheduled_bulletins`, cron) the job starts. `test_send` mails the issue to oneself first.
- The job renders the issue once per language and set of items (a reader who chose topics gets the items of
  those topics and those without one, services/reader_topics.py), stored in `Sending.rendered`, so a resumed
  send sends the same text; then sends in batches of `BULLETIN_BATCH_SIZE` over one SMTP connection each, at most
  `BULLETIN_RATE_PER_MINUTE` messages a minute (0: no pause).
- **Never twice, no gap**: each address's `SendRecord` is written in the same transaction as the hand-over to
  the SMTP server; the hand-over failing rolls the record back (then a failed / bounced record is written).
  A crash anywhere leaves exactly the addresses that went out recorded; resuming (`resume`, the send page's
  button) sends to every other active address. The one remaining window is the commit right after the
  server accepted a message (microseconds, in the database that also holds the queue).
- Each address gets the issue once, in the language of its list (one list per bulletin: the preferences
  move a person between languages); a suspended address gets a record "nicht versandt: gesperrt"."""

import time
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from teilhabe.bulletins import sender
from teilhabe.bulletins.models import BulletinIssue, Sending, SendRecord, Subscription
from teilhabe.bulletins.services import bounces, issue_mail, reader_topics, tokens
from teilhabe.bulletins.services.freeze import freeze_issue
from teilhabe.jobs.models import Job
from teilhabe.jobs.registry import JobFailed
from teilhabe.jobs.services import fail_stale_jobs, report_progress, start_job, worker_lost

KIND = "bulletins.send"
TEST_KIND = "bulletins.test_send"
#: After this many failures in a row that are not the address's fault, the server is taken to be down.
DOWN_AFTER = 3


def batch_size() -> int:
    return max(1, int(getattr(settings, "BULLETIN_BATCH_SIZE", 50)))


def rate_per_minute() -> int:
    return max(0, int(getattr(settings, "BULLETIN_RATE_PER_MINUTE", 300)))


def recipients(issue) -> list[Subscription]:
    """The active subscriptions of the issue's bulletin, one per address (the latest confirmed)."""
    subscriptions = (
        Subscription.objects.filter(
            municipality_id=issue.municipality_id,
            distribution_list__bulletin_id=issue.bulletin_id,
            state=Subscription.State.ACTIVE,
        )
        .select_related("subscriber", "distribution_list")
        .prefetch_related("subscriber__topics")
        .order_by("subscriber__email", "-confirmed_at", "-pk")
    )
    chosen = {}
    for subscription in subscriptions:
        chosen.setdefault(subscription.subscriber.email, subscription)
    return list(chosen.values())


def _running(sending) -> bool:
    """The send's job waits or runs in a live worker. A job left running by a killed worker (no heartbeat
    for JOB_STALE_AFTER seconds) does not count: the send is interrupted and can be resumed."""
    if sending.job_id is None:
        return False
    job = sending.job
    return job.state == Job.State.QUEUED or (job.state == Job.State.RUNNING and not worker_lost(job))


# --- named actions ----------------------------------------------------------------------------------------


@transaction.atomic
def schedule(issue: BulletinIssue, when, actor) -> Sending:
    """Plan the send of `issue` at `when` (now or later); starts it at once when `when` has come."""
    if issue.frozen:
        raise ValidationError(_("Diese Ausgabe ist schon versandt."))
    sending = Sending.objects.filter(issue=issue).select_related("job").first()
    if sending is not None and sending.state != Sending.State.SCHEDULED:
        raise ValidationError(_("Der Versand dieser Ausgabe hat schon begonnen."))
    if sending is None:
        sending = Sending(municipality=issue.municipality, issue=issue, started_by=actor)
    sending.run_after = when
    sending.save()
    issue.state, issue.scheduled_for = BulletinIssue.State.SCHEDULED, when
    issue.save()
    if when <= timezone.now():
        start(sending, actor)
    return sending


@transaction.atomic
def unschedule(sending: Sending) -> None:
    """Take a scheduled send back (before it started): the issue is a draft again."""
    if sending.state != Sending.State.SCHEDULED or _running(sending):
        raise ValidationError(_("Der Versand hat schon begonnen."))
    issue = sending.issue
    sending.delete()
    issue.state, issue.scheduled_for = BulletinIssue.State.DRAFT, None
    issue.save()


def start(sending: Sending, actor=None) -> Job:
    if _running(sending):
        return sending.job
    job = start_job(sending.municipality, actor or sending.started_by, KIND, params={"sending": sending.pk})
    Sending.objects.filter(pk=sending.pk).update(job=job)
    sending.refresh_from_db()
    return job


def resume(sending: Sending, actor) -> Job:
    """Start the send again after a crash or a failed server: it sends to whoever has no record yet (and
    tries the failed ones again), never to an address that already got the issue."""
    if sending.state == Sending.State.DONE:
        raise ValidationError(_("Der Versand ist abgeschlossen."))
    if sending.job_id is not None and worker_lost(sending.job):
        fail_stale_jobs()  # the killed worker's job is marked failed before the new one starts
        sending.refresh_from_db()
    return start(sending, actor)


def start_due(now=None) -> list[Sending]:
    """The cron step: start every scheduled send whose time has come."""
    now = now or timezone.now()
    started = []
    due = Sending.objects.filter(state=Sending.State.SCHEDULED, run_after__lte=now).select_related("job")
    for sending in due:
        if not _running(sending):
            start(sending)
            started.append(sending)
    return started


def test_send(issue: BulletinIssue, actor, languages) -> Job:
    """Send the issue in `languages` to the person asking (their own address), marked as a test."""
    return start_job(
        issue.municipality, actor, TEST_KIND, params={"issue": issue.pk, "languages": list(languages)}
    )


# --- progress ---------------------------------------------------------------------------------------------


def progress(issue) -> dict:
    """Sent / failed / bounced / suspended / left, for the send page (a fixed number of queries)."""
    sending = Sending.objects.filter(issue=issue).select_related("job").first()
    counts = {state: 0 for state in SendRecord.State.values}
    final = set()
    if sending is not None:
        rows = sending.records.values("state").annotate(n=Count("pk"))
        counts.update({row["state"]: row["n"] for row in rows})
        final = set(sending.records.filter(state__in=SendRecord.FINAL).values_list("address", flat=True))
    left = sum(1 for s in recipients(issue) if s.subscriber.email not in final)
    if sending is not None and sending.state == Sending.State.DONE:
        left = 0
    interrupted = (
        sending is not None
        and sending.state in (Sending.State.SENDING, Sending.State.INTERRUPTED)
        and not _running(sending)
    )
    return {"sending": sending, "counts": counts, "left": left, "interrupted": interrupted}


# --- the job ----------------------------------------------------------------------------------------------


def _batches(items, size):
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def between_batches(sending, number, seconds):
    """The pause that holds the rate; also the point where a killed worker stops (tests stop it here)."""
    if seconds > 0:
        time.sleep(seconds)


def _language(subscription, issue) -> str:
    language = subscription.distribution_list.language
    return language if language in issue.bulletin.all_languages else "de"


def version_key(language: str, kept) -> str:
    """The key of one rendering in `Sending.rendered`: the language, and the items kept when not all are."""
    return language if kept is None else "%s:%s" % (language, "-".join(map(str, kept)))


def versions(issue, subscriptions) -> dict[int, tuple[str, tuple[int, ...] | None]]:
    """Per subscription: its language and the items its reader gets (None: all; services/reader_topics.py)."""
    topics = reader_topics.topics_by_item(issue)
    return {
        s.pk: (
            _language(s, issue),
            reader_topics.kept_items(topics, {t.pk for t in s.subscriber.topics.all()}),
        )
        for s in subscriptions
    }


def _render_missing(sending, wanted) -> dict:
    """Render each (language, items) the send needs once; kept in `Sending.rendered`, so a resumed send sends
    the same text."""
    rendered = dict(sending.rendered or {})
    for language, kept in sorted(set(wanted), key=lambda pair: version_key(*pair)):
        key = version_key(language, kept)
        if key not in rendered:
            rendered[key] = issue_mail.render(sending.issue, language, only=kept)
    if rendered != sending.rendered:
        sending.rendered = rendered
        sending.save(update_fields=["rendered"])
    return rendered


def send_one(sending, subscription, rendered, connection, batch, version=None) -> str:
    """Hand one message over and record it in one transaction; returns the record's state."""
    subscriber, issue = subscription.subscriber, sending.issue
    address = subscriber.email
    values = {"subscriber": subscriber, "municipality_id": sending.municipality_id, "batch": batch}
    if subscriber.suspended:
        values.update(
            state=SendRecord.State.SUSPENDED, language="", at=timezone.now(), reply=subscriber.last_bounce
        )
        SendRecord.objects.update_or_create(sending=sending, address=address, defaults=values)
        return SendRecord.State.SUSPENDED
    language, kept = version or (_language(subscription, issue), None)
    unsubscribe = tokens.unsubscribe_url(subscription)
    content = issue_mail.personal(
        rendered[version_key(language, kept)], unsubscribe, tokens.preferences_url(subscriber)
    )
    outgoing = sender.Outgoing(
        to=address,
        subject=content["subject"],
        text=content["text"],
        html=content["html"],
        from_email=sender.from_address(sending.municipality, issue.bulletin.sender_name),
        reply_to=issue.bulletin.reply_to,
        message_id=sender.new_message_id(issue.pk),
        unsubscribe_url=unsubscribe,
        list_id=f"{issue.bulletin.name} <bulletin-{issue.bulletin_id}.{sending.municipality.slug}.{sender.sender_domain()}>",
    )
    values.update(language=language, message_id=outgoing.message_id, reply="")
    try:
        with transaction.atomic():
            existing = SendRecord.objects.select_for_update().filter(sending=sending, address=address).first()
            if existing is not None and existing.state in SendRecord.FINAL:
                return existing.state  # another run got here first
            values.update(state=SendRecord.State.SENT, at=timezone.now())
            SendRecord.objects.update_or_create(sending=sending, address=address, defaults=values)
            sender.hand_over(connection, outgoing)  # raises: the record above is rolled back
    except Exception as error:  # refused, server down: recorded, the others go on
        hard, reply = sender.refusal(error)
        state = SendRecord.State.BOUNCED if hard else SendRecord.State.FAILED
        values.update(state=state, reply=reply, at=timezone.now(), message_id="")
        SendRecord.objects.update_or_create(sending=sending, address=address, defaults=values)
        if hard:
            bounces.record_bounce(subscriber, reply)
        return state
    return SendRecord.State.SENT


def run(job) -> dict:
    sending = Sending.objects.select_related("issue__bulletin", "municipality").get(
        pk=job.params["sending"], municipality=job.municipality
    )
    if sending.state != Sending.State.DONE:
        _send(job, sending)
    counts = dict(sending.records.values_list("state").annotate(n=Count("pk")))
    sent = counts.get(SendRecord.State.SENT, 0)
    return {
        "sending": sending.pk,
        "issue": sending.issue_id,
        "counts": counts,
        "summary": ngettext(
            "%(issue)s: %(sent)s E-Mail versandt", "%(issue)s: %(sent)s E-Mails versandt", sent
        )
        % {"issue": sending.issue, "sent": sent},
    }


def _send(job, sending):
    issue = sending.issue
    freeze_issue(issue)
    subscriptions = recipients(issue)
    chosen = versions(issue, subscriptions)
    rendered = _render_missing(sending, chosen.values())
    Sending.objects.filter(pk=sending.pk).update(
        state=Sending.State.SENDING, started_at=sending.started_at or timezone.now()
    )
    done = set(sending.records.filter(state__in=SendRecord.FINAL).values_list("address", flat=True))
    todo = [s for s in subscriptions if s.subscriber.email not in done]
    size, rate = batch_size(), rate_per_minute()
    total, handled, failures_in_row = len(todo), 0, 0
    for number, batch in enumerate(_batches(todo, size), start=1):
        began = time.monotonic()
        try:
            connection = sender.open_connection()
        except Exception as error:
            _interrupted(sending, error)
        try:
            for subscription in batch:
                state = send_one(sending, subscription, rendered, connection, number, chosen[subscription.pk])
                failures_in_row = failures_in_row + 1 if state == SendRecord.State.FAILED else 0
                if failures_in_row >= DOWN_AFTER:
                    _interrupted(sending, None)
                if state == SendRecord.State.FAILED:
                    connection.close()
                    connection = sender.open_connection()
        finally:
            connection.close()
        handled += len(batch)
        report_progress(
            job, gettext_noop("%(done)s von %(total)s Empfänger:innen"), 100 * handled // max(1, total),
            done=handled, total=total,
        )  # fmt: skip
        if handled < total:
            pause = len(batch) * 60 / rate - (time.monotonic() - began) if rate else 0
            between_batches(sending, number, pause)
    now = timezone.now()
    Sending.objects.filter(pk=sending.pk).update(state=Sending.State.DONE, finished_at=now)
    issue.state, issue.sent_at = BulletinIssue.State.SENT, now
    issue.save()
    sending.refresh_from_db()


def _interrupted(sending, error):
    Sending.objects.filter(pk=sending.pk).update(state=Sending.State.INTERRUPTED)
    detail = f" ({sender.refusal(error)[1]})" if error is not None else ""
    raise JobFailed(
        _(
            "Der Mailserver nimmt keine E-Mails an%(detail)s. Der Versand ist unterbrochen; wer schon eine "
            "E-Mail hat, ist vermerkt. Setzen Sie ihn fort, sobald der Server wieder erreichbar ist."
        )
        % {"detail": detail}
    )


def run_test(job) -> dict:
    issue = BulletinIssue.objects.select_related("bulletin").get(
        pk=job.params["issue"], municipality=job.municipality
    )
    address = job.started_by.email if job.started_by else ""
    if not address:
        raise JobFailed(_("Ihr Konto hat keine E-Mail-Adresse."))
    languages = [
        code for code in job.params.get("languages") or ["de"] if code in issue.bulletin.all_languages
    ]
    connection = sender.open_connection()
    try:
        for language in languages:
            content = issue_mail.render(issue, language, test=True)
            sender.hand_over(
                connection,
                sender.Outgoing(
                    to=address,
                    subject=_("[Test] %(subject)s") % {"subject": content["subject"]},
                    text=content["text"],
                    html=content["html"],
                    from_email=sender.from_address(issue.municipality, issue.bulletin.sender_name),
                    reply_to=issue.bulletin.reply_to,
                    message_id=sender.new_message_id(issue.pk),
                ),
            )
    except Exception as error:
        raise JobFailed(
            _("Der Testversand ist fehlgeschlagen: %(reply)s") % {"reply": sender.refusal(error)[1]}
        ) from None
    finally:
        connection.close()
    return {
        "issue": issue.pk,
        "summary": ngettext(
            "Testversand an %(address)s (%(count)s Sprache)",
            "Testversand an %(address)s (%(count)s Sprachen)",
            len(languages),
        )
        % {"address": address, "count": len(languages)},
    }
