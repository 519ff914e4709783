"""Import (upload -> preview -> confirm) and export of the directory, for the office."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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
from teilhabe.jobs import flow
from teilhabe.sheets import SheetError


@role_required(OFFICE)
def import_upload(request):
    """Store the files privately and start the preview job (directory/jobs.py); its page shows the result."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return flow.start_preview(request, directory_jobs.PREVIEW, form.cleaned_data["files"])
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
    return flow.confirm_preview(
        request,
        directory_jobs.PREVIEW,
        directory_jobs.IMPORT,
        upload_again=reverse("directory:import", args=[request.municipality.slug]),
        missing=_("Die hochgeladenen Dateien sind nicht mehr vorhanden. Bitte laden Sie sie erneut hoch."),
    )


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
