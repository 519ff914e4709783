"""The import flow every spreadsheet import shares: upload → preview job → confirmation → import job.

The app's upload view validates its form and calls :func:`start_preview`, which stores the files as private
uploads and starts the preview job (a dry run); the job page shows the preview, and its result template
includes ``jobs/_import_confirm.html`` for the "Import bestätigen" form. The app's confirm view (POST only)
calls :func:`confirm_preview`: it finds the succeeded preview of the request's municipality, shows the import
already started by a second click, or starts the import job on the same files with ``follows=preview``; the
import reads them again from scratch, so nothing that changed in between slips through.

The pages: ``jobs/import_upload.html`` (extended by each app's upload page, which fills in its heading, lead
and notes). The views keep their app's access decorators; this module knows no roles (a lower layer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from teilhabe.jobs.models import Job
from teilhabe.jobs.services import save_private_upload, start_job


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
