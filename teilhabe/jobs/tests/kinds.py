"""Kinds of job used by the framework's tests (registered when a test module imports this)."""

import time

from django.utils.translation import get_language, gettext_noop

from teilhabe.directory.models import Organisation
from teilhabe.jobs.progress import read
from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import report_progress, upload_paths


def _organisation(job, name):
    return Organisation.objects.create(
        municipality=job.municipality, kind=Organisation.Kind.PARTNER, name=name, short_name=name[:10]
    )


@job_kind("jobs.test_count_lines", label="Test: Zeilen zählen")
def count_lines(job):
    report_progress(job, gettext_noop("Datei wird geprüft"), 40)
    seen = read(job.pk)  # what a web process would see now, while the job runs
    lines = sum(path.read_bytes().count(b"\n") for _name, path in upload_paths(job))
    _organisation(job, job.params.get("name", "Gezählt"))
    return {
        "lines": lines,
        "language": get_language(),
        "seen_step": seen["step"],
        "seen_percent": seen["percent"],
    }


@job_kind("jobs.test_preview", label="Test: Vorschau", upload_after_success=True)
def preview(job):
    return {"files": [name for name, _path in upload_paths(job)]}


@job_kind("jobs.test_crash", label="Test: Absturz")
def crash(job):
    _organisation(job, "Halb gespeichert")
    raise RuntimeError("boom")


@job_kind("jobs.test_refuse", label="Test: Ablehnung")
def refuse(job):
    _organisation(job, "Halb gespeichert")
    raise JobFailed("Zeile 3, Spalte B: keine Zahl.", result={"errors": ["Zeile 3, Spalte B: keine Zahl."]})


@job_kind("jobs.test_slow", label="Test: langsam")
def slow(job):
    """Saves a row, then works for `seconds` while reporting progress (the worker is killed meanwhile)."""
    _organisation(job, job.params.get("name", "Langsam"))
    seconds = float(job.params.get("seconds", 30))
    started = time.time()
    while time.time() - started < seconds:
        report_progress(job, gettext_noop("Schritt %(n)s"), int(100 * (time.time() - started) / seconds), n=1)
        time.sleep(0.2)
    return {"done": True}
