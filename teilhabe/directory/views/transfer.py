"""Import (upload -> preview -> confirm) and export of the directory, for the office."""

import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.directory import transfer
from teilhabe.directory.forms import ImportForm
from teilhabe.directory.models import Contact, Organisation
from teilhabe.sheets import SheetError

SESSION_KEY = "directory_import"
MAX_AGE = 24 * 3600


def upload_dir() -> Path:
    return Path(settings.VAR_DIR) / "imports"


@role_required(OFFICE)
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        result = transfer.import_directory(request.municipality, files, dry_run=True)
        token = None
        if result.ok:
            token = _store(request, files)
        return render(request, "directory/import_preview.html", {"result": result, "token": token})
    return render(request, "directory/import_upload.html", {"form": form})


@role_required(OFFICE)
@require_POST
def import_confirm(request):
    files = _load(request, request.POST.get("token", ""))
    if files is None:
        messages.error(
            request,
            _("Die hochgeladenen Dateien sind nicht mehr vorhanden. Bitte laden Sie sie erneut hoch."),
        )
        return redirect("directory:import", request.municipality.slug)
    result = transfer.import_directory(request.municipality, files)
    _discard(request)
    if not result.ok:
        return render(request, "directory/import_preview.html", {"result": result, "token": None})
    messages.success(
        request,
        _(
            "Import abgeschlossen: %(org_new)s Organisationen neu, %(org_changed)s geändert; %(c_new)s Ansprechpersonen neu, %(c_changed)s geändert."
        )
        % {
            "org_new": len(result.organisations["created"]),
            "org_changed": len(result.organisations["updated"]),
            "c_new": len(result.contacts["created"]),
            "c_changed": len(result.contacts["updated"]),
        },
    )
    return redirect("directory:organisation_list", request.municipality.slug)


def _store(request, files):
    _clean_old_uploads()
    token = secrets.token_urlsafe(16)
    folder = upload_dir() / token
    folder.mkdir(parents=True)
    names = []
    for index, (name, data) in enumerate(files):
        (folder / f"{index}.bin").write_bytes(data)
        names.append(name)
    request.session[SESSION_KEY] = {"token": token, "names": names, "municipality": request.municipality.pk}
    return token


def _load(request, token):
    stored = request.session.get(SESSION_KEY) or {}
    if not token or stored.get("token") != token or stored.get("municipality") != request.municipality.pk:
        return None
    folder = upload_dir() / token
    try:
        return [(name, (folder / f"{index}.bin").read_bytes()) for index, name in enumerate(stored["names"])]
    except OSError:
        return None


def _discard(request):
    stored = request.session.pop(SESSION_KEY, None) or {}
    if stored.get("token"):
        shutil.rmtree(upload_dir() / stored["token"], ignore_errors=True)


def _clean_old_uploads():
    folder = upload_dir()
    if not folder.exists():
        return
    for entry in folder.iterdir():
        if entry.is_dir() and time.time() - entry.stat().st_mtime > MAX_AGE:
            shutil.rmtree(entry, ignore_errors=True)


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
    stamp = timezone.localdate().isoformat()
    slug = request.municipality.slug
    if kind == "xlsx":
        data = transfer.export_xlsx(request.municipality)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        filename = f"adressbuch-{slug}-{stamp}.xlsx"
    elif kind == "csv":
        encoding = "cp1252" if request.GET.get("kodierung") == "windows-1252" else "utf-8-sig"
        delimiter = "," if request.GET.get("trenner") == "komma" else ";"
        try:
            data = transfer.export_csv(request.municipality, table, encoding=encoding, delimiter=delimiter)
        except SheetError as error:
            messages.error(request, str(error))
            return redirect("directory:export", request.municipality.slug)
        content_type = f"text/csv; charset={'windows-1252' if encoding == 'cp1252' else 'utf-8'}"
        name = "organisationen" if table == "organisations" else "ansprechpersonen"
        filename = f"{name}-{slug}-{stamp}.csv"
    else:
        from django.http import Http404

        raise Http404
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
