"""Export of a year's activities (every member) and their import (the office): upload -> preview job ->
confirm -> import job (activities/jobs.py), as for the directory and the concept."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, role_of, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.activities import jobs as activity_jobs
from teilhabe.activities import transfer
from teilhabe.activities.forms import ImportForm
from teilhabe.activities.services.lists import years
from teilhabe.downloads import attachment, download_name
from teilhabe.jobs import flow
from teilhabe.sheets import SheetError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    value = request.GET.get("jahr", "")
    if value.isdigit() and 1900 <= int(value) <= 2200:
        return int(value)
    return timezone.localdate().year


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = attachment(HttpResponse(data, content_type=content_type), filename)
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
@require_safe
def export_page(request):
    year = _year(request)
    ctx = {
        "year": year,
        "years": years(request.municipality),
        "count": transfer.year_activities(request.municipality, year).count(),
        "is_office": role_of(request) == OFFICE,
    }
    return render(request, "activities/export.html", ctx)


@member_required
@require_safe
def export_download(request, export_format):
    year = _year(request)
    slug = request.municipality.slug
    what = pgettext("Dateiname", "Aktivitäten")
    if export_format == "xlsx":
        data = transfer.export_xlsx(request.municipality, year)
        return _download(data, XLSX, download_name(what, slug, year, ext="xlsx"))
    if export_format == "csv":
        encoding = "cp1252" if request.GET.get("kodierung") == "windows-1252" else "utf-8-sig"
        try:
            data = transfer.export_csv(request.municipality, year, encoding=encoding)
        except SheetError as error:
            messages.error(request, str(error))
            return redirect("activities:export", slug)
        charset = "windows-1252" if encoding == "cp1252" else "utf-8"
        return _download(data, f"text/csv; charset={charset}", download_name(what, slug, year, ext="csv"))
    raise Http404


@member_required
@require_safe
def export_template(request):
    name = download_name(pgettext("Dateiname", "Vorlage-Aktivitäten"), ext="xlsx")
    return _download(transfer.template_xlsx(), XLSX, name)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Store the file privately and start the preview job; its page shows what would change."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return flow.start_preview(request, activity_jobs.PREVIEW, [form.cleaned_data["file"]])
    return render(request, "activities/import_upload.html", {"form": form})


@role_required(OFFICE)
@require_POST
def import_confirm(request):
    """Confirm a preview: a second job imports the same file again, from scratch, and saves it."""
    return flow.confirm_preview(
        request,
        activity_jobs.PREVIEW,
        activity_jobs.IMPORT,
        upload_again=reverse("activities:import", args=[request.municipality.slug]),
    )
