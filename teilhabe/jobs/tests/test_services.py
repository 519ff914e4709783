"""The job framework in the immediate backend: a job runs when started, and records what happened."""

import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils import timezone, translation

from teilhabe.directory.models import Organisation
from teilhabe.jobs import progress, services
from teilhabe.jobs.models import Job, PrivateUpload
from teilhabe.jobs.tests import kinds  # noqa: F401  (registers the test kinds)


def _upload(municipality, user, data=b"a\nb\nc\n", name="liste.csv"):
    return services.save_private_upload(municipality, user, SimpleUploadedFile(name, data))


def test_a_started_job_runs_and_keeps_its_result(municipality, office_user):
    upload = _upload(municipality, office_user)
    job = services.start_job(
        municipality, office_user, "jobs.test_count_lines", params={"name": "Neu"}, uploads=[upload]
    )
    assert job.state == Job.State.SUCCEEDED
    assert job.result["lines"] == 3
    assert job.started_by == office_user
    assert job.file_names == "liste.csv"
    assert job.started_at and job.finished_at and job.elapsed >= timedelta(0)
    assert job.percent == 100 and job.error == ""
    assert Organisation.objects.filter(municipality=municipality, name="Neu").exists()
    assert job.task_id


def test_progress_is_visible_outside_the_job_while_it_runs(municipality, office_user):
    job = services.start_job(
        municipality, office_user, "jobs.test_count_lines", uploads=[_upload(municipality, office_user)]
    )
    assert job.result["seen_step"] == "Datei wird geprüft"
    assert job.result["seen_percent"] == 40
    assert not progress.progress_path(job.pk).exists()  # the live file is gone once the job ended


def test_live_progress_of_a_running_job_is_translated(municipality, office_user):
    job = Job.objects.create(
        municipality=municipality, kind="jobs.test_slow", state=Job.State.RUNNING, started_at=timezone.now()
    )
    services.report_progress(job, "Hochgeladene Datei wird gespeichert", 150)
    assert services.live_progress(job) == {
        "step": "Hochgeladene Datei wird gespeichert",
        "percent": 100,
        "stale": False,
    }


def test_a_crashing_job_saves_nothing_and_says_so_in_german_and_english(municipality, office_user):
    job = services.start_job(municipality, office_user, "jobs.test_crash")
    assert job.state == Job.State.FAILED
    assert not Organisation.objects.filter(name="Halb gespeichert").exists()
    with translation.override("de"):
        assert "Es wurde nichts gespeichert" in job.error_text
    with translation.override("en"):
        assert "Nothing was saved" in job.error_text


def test_a_refused_input_keeps_the_message_and_result_and_rolls_back(municipality, office_user):
    job = services.start_job(municipality, office_user, "jobs.test_refuse")
    assert job.state == Job.State.FAILED
    assert job.error_text == "Zeile 3, Spalte B: keine Zahl."
    assert job.result == {"errors": ["Zeile 3, Spalte B: keine Zahl."]}
    assert not Organisation.objects.filter(name="Halb gespeichert").exists()


def test_a_job_runs_in_the_language_of_whoever_started_it(municipality, office_user):
    with translation.override("en"):
        job = services.start_job(
            municipality, office_user, "jobs.test_count_lines", uploads=[_upload(municipality, office_user)]
        )
    assert job.language == "en" and job.result["language"] == "en"


def test_an_unknown_kind_is_refused_before_anything_is_saved(municipality, office_user):
    with pytest.raises(LookupError):
        services.start_job(municipality, office_user, "jobs.no_such_kind")
    assert not Job.objects.exists()


def test_a_job_whose_worker_stopped_answering_is_marked_failed(municipality, office_user, settings):
    upload = _upload(municipality, office_user)
    job = Job.objects.create(
        municipality=municipality, kind="jobs.test_slow", state=Job.State.RUNNING, started_at=timezone.now()
    )
    job.uploads.add(upload)
    services.report_progress(job, "Schritt %(n)s", 30, n=2)
    assert services.fail_stale_jobs() == 0  # heartbeat fresh
    old = time.time() - settings.JOB_STALE_AFTER - 5
    os.utime(progress.progress_path(job.pk), (old, old))
    assert services.live_progress(job)["stale"] is True
    assert services.fail_stale_jobs() == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.finished_at
    assert "nicht mehr gemeldet" in job.error_text
    assert job.step == "Schritt %(n)s" and job.step_params == {"n": 2} and job.percent == 30
    assert not PrivateUpload.objects.exists() and not upload.path.exists()


def test_a_running_job_without_progress_file_counts_from_its_start(municipality, settings):
    job = Job.objects.create(
        municipality=municipality,
        kind="jobs.test_slow",
        state=Job.State.RUNNING,
        started_at=timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER + 1),
    )
    assert services.fail_stale_jobs() == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED


def test_the_heartbeat_keeps_a_long_job_alive(municipality, settings):
    settings.JOB_HEARTBEAT_SECONDS = 0.05
    job = Job.objects.create(municipality=municipality, kind="jobs.test_slow", state=Job.State.RUNNING)
    services.report_progress(job, "Schritt %(n)s", 1, n=1)
    old = time.time() - 1000
    os.utime(progress.progress_path(job.pk), (old, old))
    with progress.Heartbeat(job.pk):
        time.sleep(0.3)
    assert time.time() - progress.last_beat(job.pk) < 5


# --- private uploads ---------------------------------------------------------------------------


def test_an_upload_is_stored_privately_under_a_random_name(municipality, office_user, settings):
    upload = _upload(municipality, office_user, b"x;y\n", "Meine Liste.CSV")
    assert upload.name == "Meine Liste.CSV" and upload.size == 4
    assert upload.path.read_bytes() == b"x;y\n"
    assert upload.path.is_relative_to(settings.PRIVATE_UPLOAD_DIR)
    assert not upload.path.is_relative_to(settings.MEDIA_ROOT)
    assert upload.path.suffix == ".csv" and "Liste" not in upload.path.name
    assert upload.path.stat().st_mode & 0o077 == 0


def test_a_large_upload_already_on_disk_is_moved_not_copied(municipality, office_user):
    spooled = TemporaryUploadedFile("gross.parquet", "application/octet-stream", 5, "utf-8")
    spooled.write(b"12345")
    spooled.flush()
    source = spooled.temporary_file_path()
    upload = services.save_private_upload(municipality, office_user, spooled)
    assert upload.path.read_bytes() == b"12345" and not os.path.exists(source)
    spooled.close()  # Django's cleanup of the moved temporary file does not fail


def test_an_odd_suffix_is_not_kept(municipality, office_user):
    upload = services.save_private_upload(municipality, office_user, ContentFile(b"1", name="x.c$v/../e"))
    assert upload.path.suffix == "" and upload.name == "e"


def test_uploads_are_deleted_when_the_job_ends(municipality, office_user):
    upload = _upload(municipality, office_user)
    services.start_job(municipality, office_user, "jobs.test_count_lines", uploads=[upload])
    assert not upload.path.exists() and not PrivateUpload.objects.exists()


def test_uploads_are_kept_when_the_office_asks(municipality, office_user):
    upload = _upload(municipality, office_user)
    services.start_job(municipality, office_user, "jobs.test_count_lines", uploads=[upload], keep_upload=True)
    assert upload.path.exists()
    assert services.purge_uploads(timedelta(0)) == 0


def test_a_preview_keeps_its_upload_for_the_confirmation_which_then_deletes_it(municipality, office_user):
    upload = _upload(municipality, office_user)
    preview = services.start_job(municipality, office_user, "jobs.test_preview", uploads=[upload])
    assert preview.result == {"files": ["liste.csv"]} and upload.path.exists()
    confirm = services.start_job(
        municipality, office_user, "jobs.test_count_lines", uploads=preview.uploads.all(), follows=preview
    )
    assert confirm.state == Job.State.SUCCEEDED and confirm.follows == preview
    assert not upload.path.exists()


def test_a_failed_job_deletes_its_upload_even_if_it_was_a_preview(municipality, office_user):
    upload = _upload(municipality, office_user)
    services.start_job(municipality, office_user, "jobs.test_refuse", uploads=[upload])
    assert not upload.path.exists()


def test_purge_removes_only_orphaned_uploads_older_than_a_day(municipality, office_user, settings):
    old, recent, held = (_upload(municipality, office_user) for _ in range(3))
    day_ago = timezone.now() - timedelta(hours=25)
    PrivateUpload.objects.filter(pk__in=[old.pk, held.pk]).update(uploaded_at=day_ago)
    waiting = Job.objects.create(municipality=municipality, kind="jobs.test_slow")
    waiting.uploads.add(held)
    stray = settings.PRIVATE_UPLOAD_DIR / "999" / "stray.csv"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"?")
    os.utime(stray, (day_ago.timestamp(), day_ago.timestamp()))

    assert services.purge_uploads() == 2
    assert not old.path.exists() and not stray.exists()
    assert recent.path.exists() and held.path.exists()
    assert set(PrivateUpload.objects.values_list("pk", flat=True)) == {recent.pk, held.pk}


def test_the_cron_command_purges_and_says_how_many(municipality, office_user):
    from io import StringIO

    from django.core.management import call_command

    old = _upload(municipality, office_user)
    PrivateUpload.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(hours=30))
    out = StringIO()
    call_command("purge_uploads", stdout=out)
    assert out.getvalue().strip() == "1 upload deleted." and not old.path.exists()


def test_teilhabe_db_worker_is_the_one_that_first_fails_stale_jobs():
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "teilhabe.jobs"


def test_the_audit_trail_names_who_started_the_job(municipality, office_user):
    from auditlog.models import LogEntry

    services.start_job(
        municipality,
        office_user,
        "jobs.test_count_lines",
        params={"name": "Neu"},
        uploads=[_upload(municipality, office_user)],
    )
    entry = LogEntry.objects.get_for_object(Organisation.objects.get(name="Neu")).get()
    assert entry.actor == office_user
