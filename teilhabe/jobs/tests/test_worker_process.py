"""Integration: jobs run by a real `teilhabe db_worker` process on the database queue."""

import signal
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.directory.models import Organisation
from teilhabe.jobs import progress, services
from teilhabe.jobs.models import Job, PrivateUpload
from teilhabe.jobs.tests import kinds  # noqa: F401
from teilhabe.jobs.tests.test_services import _upload
from teilhabe.jobs.tests.worker import start_worker, states, stop, wait_for
from teilhabe.statistics.models import FactCheck
from teilhabe.statistics.tests.helpers import person, write_extract

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def test_two_register_extracts_uploaded_through_the_page_both_finish_in_the_worker(
    database_queue, client, municipality, office_user, tmp_path
):
    client.force_login(office_user)
    upload_url = reverse("statistics:upload_extract", args=[municipality.slug])
    for date, rows in (
        ("2022-12-31", [person("1"), person("2")]),
        ("2023-12-31", [person("1"), person("2", citizenship="PL"), person("3")]),
    ):
        path = write_extract(tmp_path, rows, name="auszug-%s.csv" % date)
        response = client.post(
            upload_url, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "reference_date": date}
        )
        assert response.status_code == 302  # returns at once, to the job page
    first, second = Job.objects.order_by("pk")
    assert states(first, second) == ["queued", "queued"] and not FactCheck.objects.exists()
    assert "Wartet" in client.get(first.get_absolute_url()).content.decode()

    worker = start_worker()
    try:
        wait_for(lambda: states(first, second) == ["succeeded", "succeeded"], worker=worker)
    finally:
        stop(worker)
    figures = dict(FactCheck.objects.values_list("reference_date", "residents"))
    assert {d.isoformat(): n for d, n in figures.items()} == {"2022-12-31": 2, "2023-12-31": 3}
    assert not PrivateUpload.objects.exists()  # register extracts are deleted once evaluated
    page = client.get(second.get_absolute_url()).content.decode()
    assert (
        "Der Faktencheck zum 31.12.2023 wurde berechnet und gespeichert." in page
        and "data-hx-get" not in page
    )


def test_two_jobs_started_together_both_finish_in_the_worker(database_queue, municipality, office_user):
    first = services.start_job(
        municipality,
        office_user,
        "jobs.test_count_lines",
        params={"name": "Eins"},
        uploads=[_upload(municipality, office_user, b"1\n2\n")],
    )
    second = services.start_job(
        municipality,
        office_user,
        "jobs.test_count_lines",
        params={"name": "Zwei"},
        uploads=[_upload(municipality, office_user, b"1\n2\n3\n4\n")],
    )
    assert states(first, second) == ["queued", "queued"]  # the request returns before any work is done
    worker = start_worker()
    try:
        wait_for(lambda: states(first, second) == ["succeeded", "succeeded"], worker=worker)
    finally:
        stop(worker)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.result["lines"], second.result["lines"]) == (2, 4)
    assert set(Organisation.objects.values_list("name", flat=True)) == {"Eins", "Zwei"}
    assert not first.uploads.exists() and not second.uploads.exists()


def test_killing_the_worker_mid_job_saves_nothing_and_marks_the_job_failed(
    database_queue, municipality, office_user
):
    upload = _upload(municipality, office_user)
    job = services.start_job(
        municipality, office_user, "jobs.test_slow", params={"seconds": 120, "name": "Halb"}, uploads=[upload]
    )
    worker = start_worker()
    try:
        wait_for(lambda: (progress.read(job.pk) or {}).get("step") == "Schritt %(n)s", worker=worker)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        stop(worker)
    assert Job.objects.get(pk=job.pk).state == Job.State.RUNNING  # nobody knows yet
    assert not Organisation.objects.filter(name="Halb").exists()  # its transaction died with it

    # Nothing touches the job's heartbeat any more ...
    wait_for(lambda: time.time() - (progress.last_beat(job.pk) or 0) > 2, timeout=30)
    # ... and the next worker to start notices it.
    restarted = start_worker("--batch", stale_after=1)
    output = stop_after_batch(restarted)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED, output
    assert "nicht mehr gemeldet" in job.error_text
    assert not Organisation.objects.filter(name="Halb").exists()
    assert not upload.path.exists()


def stop_after_batch(worker):
    try:
        return worker.communicate(timeout=90)[0]
    finally:
        stop(worker)


def test_a_quiet_worker_as_make_run_starts_it_prints_no_line_per_job_but_still_a_crash(
    database_queue, municipality, office_user
):
    """`make run` starts `db_worker --verbosity 0`, so the terminal keeps the demo logins in view."""
    fine = services.start_job(municipality, office_user, "jobs.test_slow", params={"seconds": 0.1})
    broken = services.start_job(municipality, office_user, "jobs.test_crash")
    worker = start_worker("--verbosity", "0")
    try:
        wait_for(lambda: states(fine, broken) == ["succeeded", "failed"], worker=worker)
    finally:
        output = stop(worker)
    assert "Task id=" not in output
    assert "Job %s (jobs.test_crash) crashed" % broken.pk in output and "RuntimeError: boom" in output
