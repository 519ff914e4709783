"""Import (upload -> preview -> confirm) and export of the directory, for the office."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.directory import jobs as directory_jobs
from teilhabe.directory import transfer
from teilhabe.directory.forms import ImportForm
from teilhabe.directory.layout import CONTACTS, ORGANISATIONS
from teilhabe.directory.models import Contact, Organisation
from teilhabe.downloads import attachment, download_name
from teilhabe.jobs.models import Job
from teilhabe.jobs.services import save_private_upload, start_job
from teilhabe.sheets import SheetError


@role_required(OFFICE)
def import_upload(request):
    """Store the files privately and start the preview job (directory/jobs.py); its page shows the result."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = [
            save_private_upload(request.municipality, request.user, f) for f in form.cleaned_data["files"]
        ]
        job = start_job(request.municipality, request.user, directory_jobs.PREVIEW, uploads=uploads)
        return redirect(job)
    ctx = {
        "form": form,
        # The headers in the interface language; the importer reads the German and the English ones.
        "organisation_headers": ORGANISATIONS.headers(),
        "contact_headers": CONTACTS.headers(),
    }
    return render(request, "directory/import_upload.html", ctx)


@role_required(OFFICE)
@require_POST
def import_confirm(request):
    """Confirm a preview: a second job imports the same files again, from scratch, and saves them."""
    job_id = request.POST.get("job", "")
    preview = (
        Job.objects.for_municipality(request.municipality)
        .filter(
            pk=int(job_id) if job_id.isdigit() else None,
            kind=directory_jobs.PREVIEW,
            state=Job.State.SUCCEEDED,
        )
        .first()
    )
    if preview is not None and (started := preview.followed_by.first()) is not None:
        return redirect(started)  # confirmed twice: show the import that is already running
    uploads = list(preview.uploads.order_by("pk")) if preview else []
    if not uploads:
        messages.error(
            request,
            _("Die hochgeladenen Dateien sind nicht mehr vorhanden. Bitte laden Sie sie erneut hoch."),
        )
        return redirect("directory:import", request.municipality.slug)
    job = start_job(
        request.municipality, request.user, directory_jobs.IMPORT, uploads=uploads, follows=preview
    )
    return redirect(job)


@role_required(OFFICE)
@require_GET
def export_page(request):
    ctx = {
        "organisation_count": Organisation.objects.for_municipality(request.municipality).count(),
        "contact_count": transfer.exported_contacts(request.municipality).count(),
        "withheld_count": Contact.objects.for_municipality(request.municipality)
        .filter(erased_at__isnull=True, consent_withdrawn=True)
        .count(),
    }
    return render(request, "directory/export.html", ctx)


EXPORT_FORMATS = {
    "xlsx": ("xlsx", None),
    "organisationen-csv": ("csv", "organisations"),
    "ansprechpersonen-csv": ("csv", "contacts"),
}


@role_required(OFFICE)
@require_GET
def export_download(request, export_format):
    kind, table = EXPORT_FORMATS.get(export_format, (None, None))
    stamp = timezone.localdate()
    slug = request.municipality.slug
    if kind == "xlsx":
        data = transfer.export_xlsx(request.municipality)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        filename = download_name(pgettext("Dateiname", "Adressbuch"), slug, stamp, ext="xlsx")
    elif kind == "csv":
        encoding = "cp1252" if request.GET.get("kodierung") == "windows-1252" else "utf-8-sig"
        delimiter = "," if request.GET.get("trenner") == "komma" else ";"
        try:
            data = transfer.export_csv(request.municipality, table, encoding=encoding, delimiter=delimiter)
        except SheetError as error:
            messages.error(request, str(error))
            return redirect("directory:export", request.municipality.slug)
        content_type = f"text/csv; charset={'windows-1252' if encoding == 'cp1252' else 'utf-8'}"
        if table == "organisations":
            what = pgettext("Dateiname", "Organisationen")
        else:
            what = pgettext("Dateiname", "Ansprechpersonen")
        filename = download_name(what, slug, stamp, ext="csv")
    else:
        from django.http import Http404

        raise Http404
    return attachment(HttpResponse(data, content_type=content_type), filename)
