"""Issue #16's "Done when" with a real worker: `teilhabe db_worker` sends in batches of two to a real SMTP
server (aiosmtpd on 127.0.0.1), is killed with SIGKILL in the pause after the first batch, the send page
then says the send is interrupted (the job still says running, but its heartbeat stopped), the office
resumes it, a new worker finishes: every address got the issue exactly once, no duplicate and no gap."""

import re
import signal

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import Sending, SendRecord
from teilhabe.bulletins.services import sending as service
from teilhabe.bulletins.tests import helpers
from teilhabe.bulletins.tests.test_end_to_end import smtp_server  # noqa: F401
from teilhabe.jobs.models import Job
from teilhabe.jobs.tests.worker import start_worker, stop, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

STALE_AFTER = 2  # seconds without a heartbeat (the worker beats every second) before a job's worker is lost


@pytest.fixture
def worker_environment(settings, monkeypatch, smtp_server):  # noqa: F811
    """The worker's settings, by environment: the test's SMTP server, batches of 2, 40 a minute (3 s pause)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.JOB_STALE_AFTER = STALE_AFTER
    for name, value in {
        "BULLETIN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": settings.EMAIL_HOST,
        "EMAIL_PORT": str(settings.EMAIL_PORT),
        "EMAIL_USE_TLS": "False",
        "BULLETIN_SENDER_DOMAIN": settings.BULLETIN_SENDER_DOMAIN,
        "BULLETIN_BATCH_SIZE": "2",
        "BULLETIN_RATE_PER_MINUTE": "40",
    }.items():
        monkeypatch.setenv(name, value)
    return smtp_server


def received(recorder) -> list[str]:
    return sorted(address for to, _raw in recorder.messages for address in to)


def sent(sending) -> int:
    return sending.records.filter(state=SendRecord.State.SENT).count()


def send_page(client, issue) -> str:
    return client.get(reverse("distribution:send", args=[issue.municipality.slug, issue.pk])).content.decode()


def test_a_worker_killed_between_two_batches_resumes_without_duplicate_or_gap(
    worker_environment, office_client, office_user, municipality
):
    recorder = worker_environment
    bulletin = helpers.bulletin(municipality)
    german = helpers.dlist(municipality, bulletin, "de")
    people = sorted(f"leser{n}@example.org" for n in range(5))
    for address in people:
        helpers.active(german, address)
    issue = helpers.issue(bulletin)
    sending = service.schedule(issue, timezone.now(), office_user)
    first_job = sending.job

    worker = start_worker(stale_after=STALE_AFTER)
    try:
        # The first batch is handed over and recorded; the worker is now in its pause before the second.
        wait_for(lambda: len(recorder.messages) == 2 and sent(sending) == 2, timeout=30, worker=worker)
        assert not service.progress(issue)["interrupted"]  # alive: its heartbeat is fresh
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        stop(worker)
    assert len(recorder.messages) == 2
    first_job.refresh_from_db()
    assert first_job.state == Job.State.RUNNING  # nobody told the database the worker is gone

    # Without heartbeat the send counts as interrupted: the page offers to resume (a GET writes nothing).
    wait_for(lambda: service.progress(issue)["interrupted"], timeout=STALE_AFTER + 8)
    progress = service.progress(issue)
    assert progress["counts"][SendRecord.State.SENT] == 2 and progress["left"] == 3
    page = send_page(office_client, issue)
    assert "Der Versand wurde unterbrochen" in page and "Versand fortsetzen" in page
    assert re.search(r"<dt>noch offen</dt><dd>3</dd>", page)
    first_job.refresh_from_db()
    assert first_job.state == Job.State.RUNNING

    response = office_client.post(reverse("distribution:resume", args=[municipality.slug, issue.pk]))
    assert response.status_code == 302
    first_job.refresh_from_db()
    sending.refresh_from_db()
    assert first_job.state == Job.State.FAILED  # the dead worker's job is closed
    assert sending.job_id != first_job.pk and sending.job.state == Job.State.QUEUED

    worker = start_worker(stale_after=STALE_AFTER)
    try:
        wait_for(
            lambda: Sending.objects.get(pk=sending.pk).state == Sending.State.DONE, timeout=30, worker=worker
        )
    finally:
        stop(worker)
    assert received(recorder) == people  # every address exactly once: no duplicate, no gap
    assert (
        sorted(sending.records.filter(state=SendRecord.State.SENT).values_list("address", flat=True))
        == people
    )
    assert not service.progress(issue)["interrupted"] and service.progress(issue)["left"] == 0
