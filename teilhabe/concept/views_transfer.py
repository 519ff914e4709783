"""Import and export of concepts as spreadsheets: downloads for every member, the upload for the office.

The upload runs in two steps: upload -> preview (a dry run listing what would be created and changed, the
unknown organisations and every error) -> confirm. Between the two the file waits in the session; the
confirmation imports it again from scratch, so nothing that changed in between slips through.
"""

import base64
import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.concept.exporting import concept_export, round_export, to_csv, to_xlsx
from teilhabe.concept.forms_transfer import NEW, ConceptImportForm
from teilhabe.concept.importing import import_concept
from teilhabe.concept.models import Concept, ReportingRound
from teilhabe.municipalities.scoping import get_scoped_or_404

SESSION_KEY = "concept_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
def export_xlsx(request, concept_id):
    concept = get_scoped_or_404(Concept, request, pk=concept_id)
    export = concept_export(concept)
    return _download(to_xlsx(export), XLSX, f"{export.filename_stem}.xlsx")


@member_required
def export_csv(request, concept_id):
    concept = get_scoped_or_404(Concept, request, pk=concept_id)
    export = concept_export(concept)
    return _download(to_csv(export), CSV, f"{export.filename_stem}.csv")


def _closed_round(request, round_id) -> ReportingRound:
    a_round = get_scoped_or_404(ReportingRound.objects.select_related("concept"), request, pk=round_id)
    if not a_round.is_closed:
        raise Http404(_("Nur abgeschlossene Berichtsrunden können exportiert werden."))
    return a_round


@member_required
def round_export_xlsx(request, round_id):
    export = round_export(_closed_round(request, round_id))
    return _download(to_xlsx(export), XLSX, f"{export.filename_stem}.xlsx")


@member_required
def round_export_csv(request, round_id):
    export = round_export(_closed_round(request, round_id))
    return _download(to_csv(export), CSV, f"{export.filename_stem}.csv")


@role_required(OFFICE)
def import_upload(request):
    concepts = list(Concept.objects.for_municipality(request.municipality))
    if request.method == "POST":
        form = ConceptImportForm(request.POST, request.FILES, concepts=concepts)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            pending = {
                "token": secrets.token_urlsafe(16),
                "municipality": request.municipality.pk,
                "filename": upload.name,
                "data": base64.b64encode(data).decode("ascii"),
                "concept": form.cleaned_data["concept"].pk if form.cleaned_data["concept"] else None,
                "title": form.cleaned_data["title"],
                "short_name": form.cleaned_data["short_name"],
            }
            request.session[SESSION_KEY] = pending
            return _preview(request, pending, form.cleaned_data["concept"])
    else:
        selected = request.GET.get("concept", "")
        if selected not in {str(c.pk) for c in concepts}:
            selected = str(concepts[0].pk) if concepts else NEW
        form = ConceptImportForm(initial={"concept": selected}, concepts=concepts)
    concept = form.concepts.get(str(form["concept"].value()))
    ctx = {"form": form, "concept": concept, **_transfer_context(request, concept)}
    if concept is not None:
        ctx["closed_rounds"] = ReportingRound.objects.filter(concept=concept, closed_at__isnull=False)
    return render(request, "concept/import_upload.html", ctx)


def _transfer_context(request, concept: Concept | None) -> dict:
    """What the concept tabs need to show the "Import / Export" tab as the current one."""
    if concept is None:
        return {}
    url = reverse("concept:import_upload", args=[request.municipality.slug]) + f"?concept={concept.pk}"
    return {"transfer_import_url": url, "tab": "transfer"}


def _run(request, pending: dict, concept: Concept | None, dry_run: bool):
    return import_concept(
        request.municipality,
        base64.b64decode(pending["data"]),
        concept,
        dry_run=dry_run,
        filename=pending["filename"],
        title=pending["title"],
        short_name=pending["short_name"],
    )


def _preview(request, pending: dict, concept: Concept | None, result=None):
    result = result or _run(request, pending, concept, dry_run=True)
    ctx = {
        "result": result,
        "concept": concept,
        "token": pending["token"],
        "filename": pending["filename"],
        "creates": [c for c in result.changes if c.action == "create"],
        "updates": [c for c in result.changes if c.action == "update"],
        **_transfer_context(request, concept),
    }
    return render(request, "concept/import_preview.html", ctx, status=200 if result.ok else 422)


@role_required(OFFICE)
@require_POST
def import_confirm(request):
    pending = request.session.get(SESSION_KEY)
    if (
        not pending
        or pending.get("token") != request.POST.get("token")
        or pending.get("municipality") != request.municipality.pk
    ):
        messages.error(request, _("Die hochgeladene Datei ist nicht mehr vorhanden. Bitte erneut hochladen."))
        return redirect("concept:import_upload", request.municipality.slug)
    concept = None
    if pending["concept"]:
        concept = get_scoped_or_404(Concept, request, pk=pending["concept"])
    result = _run(request, pending, concept, dry_run=False)
    if not result.saved:
        return _preview(request, pending, concept, result)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _("Die Tabelle „%(file)s“ wurde importiert. %(summary)s")
        % {"file": pending["filename"], "summary": result.summary()},
    )
    try:
        return redirect(result.concept.get_absolute_url())
    except NoReverseMatch:  # pragma: no cover - the dashboard belongs to the other part of the app
        return redirect(reverse("concept:import_upload", args=[request.municipality.slug]))
