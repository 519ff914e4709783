"""The import flow every spreadsheet import shares: upload → preview job → confirmation → import job.

The app's upload view validates its form and calls :func:`start_preview`, which stores the files as private
uploads and starts the preview job (a dry run); the job page shows the preview, and its result template
includes ``jobs/_import_confirm.html`` for the "Import bestätigen" form. The app's confirm view (POST only)
calls :func:`confirm_preview`: it finds the succeeded preview of the request's municipality, shows the import
already started by a second click, or starts the import job on the same files with ``follows=preview``; the
import reads them again from scratch, so nothing that changed in between slips through.

The pages: ``jobs/import_upload.html`` (extended by each app's upload page, which fills in its heading, lead
and notes). The views keep their app's access decorators; this module knows no roles (a lower layer).

The jobs: each app declares its pair with :func:`import_kinds` (the preview keeps its upload for the
confirmation) and ends a job whose table has errors with :func:`nothing_saved`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NoReturn

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from teilhabe.jobs.models import Job
from teilhabe.jobs.registry import JobFailed, job_kind
from teilhabe.jobs.services import save_private_upload, start_job


def import_kinds(
    preview: str,
    confirmed: str,
    *,
    preview_label,
    label,
    result_template: str,
    run: Callable[..., dict],
    imported: Callable[[dict], dict] | None = None,
) -> tuple[Callable, Callable]:
    """Declare an import's two job kinds: `preview` (a dry run that keeps its upload for the confirmation)
    and `confirmed` (the import itself, on the same files). `run(job, dry_run=...)` returns the result
    shown by `result_template` or raises ``JobFailed``; `imported(data)` gives the import's result its
    summary once it succeeded. Returns both handlers."""

    def preview_job(job):
        return run(job, dry_run=True)

    def import_job(job):
        data = run(job, dry_run=False)
        return imported(data) if imported else data

    job_kind(preview, label=preview_label, result_template=result_template, upload_after_success=True)(
        preview_job
    )
    job_kind(confirmed, label=label, result_template=result_template)(import_job)
    return preview_job, import_job


def nothing_saved(filename: str, data: dict) -> NoReturn:
    """End an import job whose table has errors: the message says nothing was saved, the job page shows
    `data` (the errors with their rows)."""
    raise JobFailed(
        _("Die Tabelle „%(file)s“ enthält Fehler; es wurde nichts gespeichert.") % {"file": filename},
        result=data,
    )


def start_preview(request, kind: str, files: Iterable, params: dict | None = None) -> HttpResponse:
    """Store the uploaded `files` privately, start the preview job `kind`, and go to its page."""
    uploads = [save_private_upload(request.municipality, request.user, file) for file in files]
    return redirect(start_job(request.municipality, request.user, kind, params=params or {}, uploads=uploads))


def confirm_preview(
    request,
    preview_kind: str,
    import_kind: str,
    *,
    upload_again: str,
    missing: str = "",
    params: Callable[[Job], dict | HttpResponse] | None = None,
) -> HttpResponse:
    """Start the import job of the preview the POST names (field ``job``).

    `upload_again`: where to send the user when the preview's files are gone (with the message `missing`);
    `params(preview)`: the import job's parameters, or a response that stops the confirmation (a choice
    the office still has to make on the preview page)."""
    job_id = str(request.POST.get("job", ""))
    preview = (
        Job.objects.for_municipality(request.municipality)
        .filter(pk=int(job_id) if job_id.isdigit() else None, kind=preview_kind, state=Job.State.SUCCEEDED)
        .first()
    )
    if preview is not None and (started := preview.followed_by.first()) is not None:
        return redirect(started)  # confirmed twice (a double click): show the import already running
    uploads = list(preview.uploads.order_by("pk")) if preview else []
    if not uploads:
        messages.error(
            request, missing or _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte erneut hochladen.")
        )
        return redirect(upload_again)
    job_params = params(preview) if params else {}
    if isinstance(job_params, HttpResponse):
        return job_params
    job = start_job(
        request.municipality, request.user, import_kind, params=job_params, uploads=uploads, follows=preview
    )
    return redirect(job)
