"""Sending an issue: once per address in its list's language, with Message-ID, Date and the RFC 8058
headers; nothing to pending, unsubscribed or suspended addresses (the suspended ones recorded); resumable
after a crash between two batches without a duplicate and without a gap; hard bounces suspend; a scheduled
send starts at its time; the test send goes to oneself only."""

import os
import re
import time
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import BulletinIssue, Sending, SendRecord, Subscriber
from teilhabe.bulletins.services import sending as service
from teilhabe.bulletins.services import subscribing
from teilhabe.bulletins.tests import helpers
from teilhabe.jobs import progress as job_progress
from teilhabe.jobs.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def com_in(municipality, settings):
    settings.BULLETIN_SENDER_DOMAIN = "post.musterstadt.example"
    settings.BULLETIN_RATE_PER_MINUTE = 0
    bulletin = helpers.bulletin(municipality)
    return bulletin, helpers.dlist(municipality, bulletin, "de"), helpers.dlist(municipality, bulletin, "tr")


def addresses(outbox=None):
    return sorted(address for m in (outbox if outbox is not None else mail.outbox) for address in m.to)


def test_each_active_address_gets_the_issue_once_with_its_own_links(com_in, municipality, office_user):
    bulletin, german, turkish = com_in
    helpers.active(german, "anna@example.org")
    helpers.active(turkish, "elif@example.org")
    subscribing.sign_up(german, "wartet@example.org")  # pending: gets nothing
    gone = helpers.active(german, "weg@example.org")
    subscribing.unsubscribe(gone)
    helpers.active(german, "gesperrt@example.org")
    Subscriber.objects.filter(email="gesperrt@example.org").update(suspended_at=timezone.now())
    mail.outbox.clear()

    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now(), office_user)
    sending.refresh_from_db()
    assert sending.state == Sending.State.DONE and sending.job.state == Job.State.SUCCEEDED
    assert addresses() == ["anna@example.org", "elif@example.org"]
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.SENT and issue.sent_at
    states = dict(sending.records.values_list("address", "state"))
    assert states == {
        "anna@example.org": SendRecord.State.SENT,
        "elif@example.org": SendRecord.State.SENT,
        "gesperrt@example.org": SendRecord.State.SUSPENDED,
    }
    assert dict(sending.records.values_list("address", "language"))["elif@example.org"] == "tr"
    assert set(sending.rendered) == {"de", "tr"}  # rendered once per language

    ids = set()
    for message in mail.outbox:
        headers = message.message()
        assert headers["Message-ID"].endswith("@post.musterstadt.example>")
        ids.add(headers["Message-ID"])
        assert abs(parsedate_to_datetime(headers["Date"]) - timezone.now()) < timedelta(minutes=5)
        assert headers["From"].endswith(f"<{municipality.slug}@post.musterstadt.example>")
        assert headers["Reply-To"] == "integration@musterstadt.example"
        assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        link = re.fullmatch(
            r"<(https?://\S+/oeffentlich/abo/abmelden/\S+/)>", headers["List-Unsubscribe"]
        ).group(1)
        assert link in message.body  # the same link in the footer, the person's own
        html = message.alternatives[0][0]
        assert link.replace("&", "&amp;") in html or link in html
        assert "%%" not in message.body and "%%" not in html
        assert "<img" not in html  # no tracking pixel
    assert len(ids) == 2
    progress = service.progress(issue)
    assert progress["counts"][SendRecord.State.SENT] == 2 and progress["left"] == 0


def test_a_crash_between_two_batches_resumes_without_duplicate_or_gap(
    com_in, office_user, settings, monkeypatch
):
    bulletin, german, _turkish = com_in
    settings.BULLETIN_BATCH_SIZE = 2
    people = [f"leser{n}@example.org" for n in range(5)]
    for address in people:
        helpers.active(german, address)
    mail.outbox.clear()

    calls = []

    def killed(sending, number, seconds):
        calls.append(number)
        if len(calls) == 1:
            raise RuntimeError("worker killed")  # the job dies after batch 1, before batch 2

    monkeypatch.setattr(service, "between_batches", killed)
    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now(), office_user)
    sending.refresh_from_db()
    assert sending.job.state == Job.State.FAILED
    first = addresses()
    assert len(first) == 2
    assert sorted(sending.records.values_list("address", flat=True)) == first  # recorded = handed over
    progress = service.progress(issue)
    assert progress["interrupted"] and progress["left"] == 3
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.SCHEDULED

    service.resume(sending, office_user)
    sending.refresh_from_db()
    assert sending.state == Sending.State.DONE
    assert addresses() == sorted(people)  # every address exactly once: no duplicate, no gap
    assert sending.records.filter(state=SendRecord.State.SENT).count() == 5
    with pytest.raises(Exception, match="abgeschlossen"):
        service.resume(sending, office_user)


def test_a_send_whose_worker_stopped_beating_counts_as_interrupted_and_resumes(com_in, office_user, settings):
    """The rule behind test_worker_killed.py: a job still "running" without a heartbeat for JOB_STALE_AFTER
    seconds lost its worker; the send page offers to resume (reading writes nothing), resuming closes it."""
    bulletin, german, _turkish = com_in
    helpers.active(german, "anna@example.org")
    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now() + timedelta(days=1), office_user)
    job = Job.objects.create(
        municipality=issue.municipality, kind=service.KIND, state=Job.State.RUNNING,
        started_at=timezone.now(), params={"sending": sending.pk},
    )  # fmt: skip
    Sending.objects.filter(pk=sending.pk).update(job=job, state=Sending.State.SENDING)
    job_progress.write(job.pk, "x", 0, {})  # a fresh heartbeat
    assert not service.progress(issue)["interrupted"]
    silent_since = time.time() - settings.JOB_STALE_AFTER - 1
    os.utime(job_progress.progress_path(job.pk), (silent_since, silent_since))
    assert service.progress(issue)["interrupted"]
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING
    mail.outbox.clear()
    sending.refresh_from_db()
    service.resume(sending, office_user)
    job.refresh_from_db()
    sending.refresh_from_db()
    assert job.state == Job.State.FAILED and sending.job_id != job.pk
    assert sending.state == Sending.State.DONE and addresses() == ["anna@example.org"]


def test_a_failed_hand_over_leaves_no_sent_record_and_is_retried(com_in, office_user, monkeypatch):
    bulletin, german, _turkish = com_in
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        helpers.active(german, address)
    mail.outbox.clear()
    real = service.sender.hand_over

    def flaky(connection, outgoing):
        if outgoing.to == "b@example.org":
            raise ConnectionResetError(104, "Connection reset by peer")
        return real(connection, outgoing)

    monkeypatch.setattr(service.sender, "hand_over", flaky)
    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now(), office_user)
    assert addresses() == ["a@example.org", "c@example.org"]
    record = sending.records.get(address="b@example.org")
    assert record.state == SendRecord.State.FAILED and "Connection reset" in record.reply
    monkeypatch.setattr(service.sender, "hand_over", real)
    # The send went through to the end; resuming a done send is refused, so a failed address of a
    # finished send shows on the page. A send interrupted mid-way retries its failed ones:
    sending.refresh_from_db()
    Sending.objects.filter(pk=sending.pk).update(state=Sending.State.INTERRUPTED)
    sending.refresh_from_db()
    service.resume(sending, office_user)
    assert addresses() == ["a@example.org", "b@example.org", "c@example.org"]


def test_hard_bounces_suspend_the_address_after_the_limit(com_in, office_user, settings):
    bulletin, german, _turkish = com_in
    settings.BULLETIN_EMAIL_BACKEND = "teilhabe.notifications.tests.backends.RefusingBackend"
    settings.BULLETIN_BOUNCE_LIMIT = 2
    helpers.active(german, "refused@example.org")
    helpers.active(german, "ok@example.org")
    mail.outbox.clear()
    for number in (1, 2, 3):
        service.schedule(helpers.issue(bulletin, number), timezone.now(), office_user)
    subscriber = Subscriber.objects.get(email="refused@example.org")
    assert subscriber.bounce_count == 2 and subscriber.suspended_at is not None
    assert "550" in subscriber.last_bounce
    states = list(
        SendRecord.objects.filter(address="refused@example.org")
        .order_by("sending__issue__number")
        .values_list("state", flat=True)
    )
    assert states == [SendRecord.State.BOUNCED, SendRecord.State.BOUNCED, SendRecord.State.SUSPENDED]
    assert addresses() == ["ok@example.org"] * 3


def test_a_server_that_is_down_interrupts_the_send(com_in, office_user, settings):
    bulletin, german, _turkish = com_in
    settings.BULLETIN_EMAIL_BACKEND = "teilhabe.notifications.tests.backends.RefusingBackend"
    for number in range(4):
        helpers.active(german, f"down{number}@example.org")
    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now(), office_user)
    sending.refresh_from_db()
    assert sending.state == Sending.State.INTERRUPTED and sending.job.state == Job.State.FAILED
    assert "Mailserver" in sending.job.error
    assert sending.records.filter(state=SendRecord.State.FAILED).count() == 3  # then it stopped
    assert service.progress(issue)["interrupted"]


def test_a_scheduled_send_starts_at_its_time(com_in, office_user):
    bulletin, german, _turkish = com_in
    helpers.active(german, "anna@example.org")
    mail.outbox.clear()
    issue = helpers.issue(bulletin)
    later = timezone.now() + timedelta(hours=2)
    sending = service.schedule(issue, later, office_user)
    assert sending.job is None and not mail.outbox
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.SCHEDULED and issue.scheduled_for == later
    call_command("send_scheduled_bulletins", verbosity=0)
    assert not mail.outbox  # not yet
    Sending.objects.filter(pk=sending.pk).update(run_after=timezone.now() - timedelta(minutes=1))
    call_command("send_scheduled_bulletins", verbosity=0)
    assert addresses() == ["anna@example.org"]
    call_command("send_scheduled_bulletins", verbosity=0)
    assert len(mail.outbox) == 1


def test_the_test_send_goes_to_oneself_only(com_in, office_client, office_user, municipality):
    bulletin, german, _turkish = com_in
    helpers.active(german, "anna@example.org")
    mail.outbox.clear()
    issue = helpers.issue(bulletin)
    response = office_client.post(
        reverse("distribution:test_send", args=[municipality.slug, issue.pk]), {"languages": ["de", "tr"]}
    )
    assert response.status_code == 302
    assert addresses() == [office_user.email, office_user.email]
    assert all(m.subject.startswith("[Test]") for m in mail.outbox)
    assert not SendRecord.objects.exists() and not Sending.objects.exists()
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.DRAFT


def test_the_send_page_shows_progress_with_bounded_queries(
    com_in, office_client, office_user, municipality, django_assert_max_num_queries
):
    bulletin, german, _turkish = com_in
    for number in range(20):
        helpers.active(german, f"leser{number}@example.org")
    Subscriber.objects.filter(email="leser7@example.org").update(
        suspended_at=timezone.now(), last_bounce="550 x"
    )
    issue = helpers.issue(bulletin)
    url = reverse("distribution:send", args=[municipality.slug, issue.pk])
    page = office_client.get(url)
    assert "Testversand an mich" in page.content.decode() and "Versenden" in page.content.decode()
    service.schedule(issue, timezone.now(), office_user)
    with django_assert_max_num_queries(16):
        page = office_client.get(url)
    body = page.content.decode()
    assert "leser7@example.org" in body and "Adresse gesperrt" in body
    assert re.search(r"<dt>versandt</dt><dd>19</dd>", body)


def test_unscheduling_makes_the_issue_a_draft_again(com_in, office_client, office_user, municipality):
    bulletin, _german, _turkish = com_in
    issue = helpers.issue(bulletin)
    office_client.post(
        reverse("distribution:schedule", args=[municipality.slug, issue.pk]),
        {"when": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")},
    )
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.SCHEDULED
    office_client.post(reverse("distribution:unschedule", args=[municipality.slug, issue.pk]))
    issue.refresh_from_db()
    assert issue.state == BulletinIssue.State.DRAFT and not Sending.objects.exists()
