"""Background jobs: the one way Teilhabe runs long work (imports, statistics, bulk e-mail, reports).

    upload = save_private_upload(municipality, request.user, request.FILES["file"])
    job = start_job(municipality, request.user, "statistics.register_extract",
                    params={"reference_date": "2023-12-31"}, uploads=[upload], keep_upload=False)
    return redirect(job)                      # the job page shows progress, then the result

    # in the handler (`<app>/jobs.py`, see registry.py), running in the worker:
    report_progress(job, gettext_noop("Datei wird geprüft"), 10)

`start_job` saves a Job and enqueues the task `teilhabe.jobs.tasks.run_job` (django-tasks; the database
backend in production, the immediate backend in unit tests, where the job has run when start_job returns).
`run_job` runs the kind's handler in the language of the user who started it, in one transaction unless the
kind says otherwise, and records the result, or the error (and rolls back) when it raises. A worker killed
mid-job leaves its transaction uncommitted (the database drops it) and the job is marked failed by
`fail_stale_jobs` (the next worker start, the next job, or the cron command `purge_uploads`).
"""

import contextlib
import json
import logging
import re
import time
import uuid
from datetime import timedelta
from pathlib import Path

from auditlog.context import set_actor
from django.conf import settings
from django.core.files.move import file_move_safe
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from teilhabe.jobs import progress
from teilhabe.jobs.models import Job, PrivateUpload
from teilhabe.jobs.registry import KINDS, JobFailed

logger = logging.getLogger(__name__)

# Messages the framework stores as message ids; they are translated when shown.
CRASHED = gettext_noop(
    "Die Aufgabe ist mit einem unerwarteten Fehler abgebrochen. Es wurde nichts gespeichert. "
    "Bitte versuchen Sie es erneut oder wenden Sie sich an die Administration."
)
INTERRUPTED = gettext_noop(
    "Die Aufgabe wurde abgebrochen, weil der Hintergrunddienst beendet wurde. Es wurde nichts gespeichert."
)
WORKER_LOST = gettext_noop(
    "Der Hintergrunddienst hat sich während der Aufgabe nicht mehr gemeldet (beendet oder abgestürzt). "
    "Es wurde nichts gespeichert. Bitte starten Sie die Aufgabe erneut."
)
STARTING = gettext_noop("Wird gestartet")

_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")


# --- private uploads ---------------------------------------------------------------------------


def save_private_upload(municipality, user, uploaded, name: str | None = None) -> PrivateUpload:
    """Store an uploaded file (Django UploadedFile or File) under PRIVATE_UPLOAD_DIR, readable only by us.

    A large upload Django has already spooled to a temporary file is moved, not copied. The stored name is
    random (the suffix is kept: readers go by it); the original name is kept in the row.
    """
    original = Path(name or getattr(uploaded, "name", "") or "upload").name[:255] or "upload"
    suffix = Path(original).suffix.lower()
    relative = Path(str(municipality.pk)) / (uuid.uuid4().hex + (suffix if _SUFFIX.match(suffix) else ""))
    target = Path(settings.PRIVATE_UPLOAD_DIR) / relative
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary_path = getattr(uploaded, "temporary_file_path", None)
    if temporary_path is not None:
        file_move_safe(temporary_path(), str(target))
    else:
        if hasattr(uploaded, "seek"):
            uploaded.seek(0)
        with open(target, "xb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
    target.chmod(0o600)
    return PrivateUpload.objects.create(
        municipality=municipality,
        name=original,
        stored_as=relative.as_posix(),
        size=target.stat().st_size,
        uploaded_by=user if getattr(user, "pk", None) else None,
    )


def delete_upload(upload: PrivateUpload) -> None:
    upload.path.unlink(missing_ok=True)
    upload.delete()


def release_uploads(job: Job) -> int:
    """Delete the job's uploads now that it has ended, unless the user keeps them or a follow-up needs them."""
    if job.keep_upload:
        return 0
    kind = KINDS.get(job.kind)
    if job.state == Job.State.SUCCEEDED and kind is not None and kind.upload_after_success:
        return 0
    count = 0
    for upload in job.uploads.all():
        if upload.jobs.exclude(pk=job.pk).filter(in_use_q()).exists():
            continue  # another job still needs it
        delete_upload(upload)
        count += 1
    return count


def in_use_q() -> Q:
    return Q(state__in=[Job.State.QUEUED, Job.State.RUNNING]) | Q(keep_upload=True)


def purge_uploads(max_age: timedelta = timedelta(hours=24)) -> int:
    """Delete uploads older than max_age that no waiting, running or keeping job holds; returns how many.

    Also removes files in PRIVATE_UPLOAD_DIR that no row names (left by a crash between file and row).
    """
    fail_stale_jobs()
    cutoff = timezone.now() - max_age
    held = Job.objects.filter(in_use_q()).values("uploads")
    count = 0
    for upload in PrivateUpload.objects.filter(uploaded_at__lt=cutoff).exclude(pk__in=held):
        delete_upload(upload)
        count += 1
    root = Path(settings.PRIVATE_UPLOAD_DIR)
    if root.is_dir():
        known = set(PrivateUpload.objects.values_list("stored_as", flat=True))
        for path in root.glob("*/*"):
            stray = path.is_file() and path.relative_to(root).as_posix() not in known
            if stray and path.stat().st_mtime < cutoff.timestamp():
                path.unlink(missing_ok=True)
                count += 1
    return count


# --- starting and reporting --------------------------------------------------------------------


def start_job(
    municipality,
    user,
    kind: str,
    *,
    params: dict | None = None,
    uploads=(),
    keep_upload: bool = False,
    follows: Job | None = None,
    language: str | None = None,
) -> Job:
    """Save a job and hand it to the worker. Returns the job (already finished with the immediate backend)."""
    from teilhabe.jobs.tasks import run_job

    if kind not in KINDS:
        raise LookupError("Unknown kind of job %r" % kind)
    uploads = list(uploads)
    job = Job.objects.create(
        municipality=municipality,
        kind=kind,
        started_by=user if getattr(user, "pk", None) else None,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        params=_json(params or {}),
        keep_upload=keep_upload,
        follows=follows,
        file_names=", ".join(u.name for u in uploads)[:1000],
    )
    if uploads:
        job.uploads.set(uploads)
    task_result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(task_result.id)[:64])
    job.refresh_from_db()
    return job


def report_progress(job: Job, step: str, percent: int | None = None, **params) -> None:
    """Show `step` (a message id marked with gettext_noop, %-formatted with params) and percent if known."""
    if percent is not None:
        percent = max(0, min(100, int(percent)))
    job.step, job.percent, job.step_params = str(step), percent, params
    progress.write(job.pk, str(step), percent, _json(params))


def live_progress(job: Job) -> dict:
    """What the job page shows: step text, percent, and whether a running job's worker stopped answering."""
    step, percent, params, stale = job.step, job.percent, job.step_params, False
    if job.state == Job.State.RUNNING:
        live = progress.read(job.pk)
        if live:
            step, percent, params = live["step"], live["percent"], live["params"]
        stale = _is_stale(job, live["beat"] if live else None)
    text = ""
    if step:
        text = translation.gettext(step)
        if params:
            text = text % params
    return {"step": text, "percent": percent, "stale": stale}


def _is_stale(job: Job, beat: float | None) -> bool:
    if beat is None:
        beat = job.started_at.timestamp() if job.started_at else time.time()
    return time.time() - beat > settings.JOB_STALE_AFTER


def worker_lost(job: Job) -> bool:
    """A running job whose worker stopped sending heartbeats for JOB_STALE_AFTER seconds (killed, crashed
    machine): it will never finish, though its row still says running until `fail_stale_jobs` marks it."""
    return job.state == Job.State.RUNNING and _is_stale(job, progress.last_beat(job.pk))


def fail_stale_jobs() -> int:
    """Mark failed every running job whose worker stopped sending heartbeats; returns how many."""
    count = 0
    for job in Job.objects.filter(state=Job.State.RUNNING):
        if not worker_lost(job):
            continue
        if _finish(job, Job.State.FAILED, error=WORKER_LOST, only_if_running=True):
            logger.warning("Job %s (%s) lost its worker; marked failed", job.pk, job.kind)
            count += 1
    return count


# --- running (in the worker) -------------------------------------------------------------------


def run_job(job_id: int) -> str:
    """Run one job; called by the task. Never raises for a failing job (the job row records it)."""
    fail_stale_jobs()
    now = timezone.now()
    if not Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
        state=Job.State.RUNNING, started_at=now, heartbeat_at=now
    ):
        return "skipped"
    job = Job.objects.select_related("municipality", "started_by").get(pk=job_id)
    kind = KINDS.get(job.kind)
    report_progress(job, STARTING)
    # The audit trail names who started the job as the author of its changes, as if they had made them.
    actor = set_actor(job.started_by) if job.started_by else contextlib.nullcontext()
    with progress.Heartbeat(job.pk), translation.override(job.language), actor:
        try:
            if kind is None:
                raise LookupError("Unknown kind of job %r" % job.kind)
            if kind.atomic:
                with transaction.atomic():
                    result = kind.handler(job)
            else:
                result = kind.handler(job)
            result = _json(result)
        except JobFailed as failure:
            _finish(job, Job.State.FAILED, error=failure.message, result=_json(failure.result))
        except Exception:
            logger.exception("Job %s (%s) crashed", job.pk, job.kind)
            _finish(job, Job.State.FAILED, error=CRASHED)
        except BaseException:  # the worker is being stopped (SystemExit, KeyboardInterrupt)
            _finish(job, Job.State.FAILED, error=INTERRUPTED)
            raise
        else:
            _finish(job, Job.State.SUCCEEDED, result=result)
    return job.state


def _finish(job: Job, state: str, *, error: str = "", result=None, only_if_running=False) -> bool:
    live = progress.read(job.pk) or {}
    fields = {
        "state": state,
        "finished_at": timezone.now(),
        "error": error,
        "result": result,
        "step": live.get("step", job.step) or "",
        "step_params": live.get("params", job.step_params) or {},
        "percent": 100 if state == Job.State.SUCCEEDED else live.get("percent", job.percent),
    }
    rows = Job.objects.filter(pk=job.pk)
    if only_if_running:
        rows = rows.filter(state=Job.State.RUNNING)
    if not rows.update(**fields):
        return False
    for name, value in fields.items():
        setattr(job, name, value)
    progress.remove(job.pk)
    release_uploads(job)
    return True


def _json(value):
    """value as plain JSON types (dates as ISO strings), so it can go into a JSONField."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def upload_paths(job: Job) -> list[tuple[str, Path]]:
    """(original name, path) of each upload of the job, in upload order."""
    return [(u.name, u.path) for u in job.uploads.order_by("pk")]
