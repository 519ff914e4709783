"""The office's job pages: the list of its municipality's jobs, and one job's progress and result."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.jobs import services
from teilhabe.jobs.models import Job
from teilhabe.jobs.registry import KINDS
from teilhabe.municipalities.scoping import get_scoped_or_404

PER_PAGE = 50
# Seconds between two looks at a running job (htmx polling, or the reload without JavaScript).
POLL_SECONDS = 2


@role_required(OFFICE)
@require_GET
def job_list(request):
    jobs = Job.objects.for_municipality(request.municipality).select_related("started_by")
    page = Paginator(jobs, PER_PAGE).get_page(request.GET.get("seite"))
    ctx = {"page": page, "jobs": list(page.object_list), "poll": any(not j.is_done for j in page.object_list)}
    return render(request, "jobs/job_list.html", ctx)


def _job(request, job_id) -> Job:
    return get_scoped_or_404(Job.objects.select_related("started_by", "follows"), request, pk=job_id)


def _progress_context(request, job: Job) -> dict:
    kind = KINDS.get(job.kind)
    return {
        "job": job,
        "progress": services.live_progress(job),
        "poll_seconds": POLL_SECONDS,
        "result_template": kind.result_template if kind and job.is_done else "",
        "result": job.result or {},
    }


@role_required(OFFICE)
@require_GET
def job_detail(request, job_id):
    job = _job(request, job_id)
    ctx = _progress_context(request, job)
    ctx["kept_uploads"] = list(job.uploads.all()) if job.is_done else []
    ctx["followed_by"] = list(job.followed_by.all())
    return render(request, "jobs/job_detail.html", ctx)


@role_required(OFFICE)
@require_GET
def job_progress(request, job_id):
    """The progress region alone, polled by htmx; once the job has ended the whole page is reloaded."""
    job = _job(request, job_id)
    if job.is_done and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "jobs/_progress.html", _progress_context(request, job))


@role_required(OFFICE)
@require_POST
def delete_upload(request, job_id):
    """Delete the files a finished job kept ("Datei behalten")."""
    job = _job(request, job_id)
    if job.is_done:
        count = 0
        for upload in job.uploads.all():
            services.delete_upload(upload)
            count += 1
        if count:
            messages.success(request, _("Die aufbewahrte Datei wurde gelöscht."))
    return redirect("jobs:detail", request.municipality.slug, job.pk)
