"""Import and export of concepts as spreadsheets: downloads for every member, the upload for the office.

The upload runs in two background jobs (concept/jobs.py): upload -> preview (a dry run listing what would be
created and changed, the unknown organisations and every error) -> confirm. Between the two the file waits as
a private upload; the confirmation imports it again from scratch, so nothing that changed in between slips
through.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.concept import jobs as concept_jobs
from teilhabe.concept.exporting import concept_export, round_export, to_csv, to_xlsx
from teilhabe.concept.forms_transfer import NEW, ConceptImportForm
from teilhabe.concept.models import Concept, ReportingRound
from teilhabe.downloads import attachment
from teilhabe.jobs import flow
from teilhabe.municipalities.scoping import get_scoped_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = attachment(HttpResponse(data, content_type=content_type), filename)
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
            concept = form.cleaned_data["concept"]
            params = {
                "concept": concept.pk if concept else None,
                "title": form.cleaned_data["title"],
                "short_name": form.cleaned_data["short_name"],
            }
            return flow.start_preview(request, concept_jobs.PREVIEW, [form.cleaned_data["file"]], params)
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


@role_required(OFFICE)
@require_POST
def import_confirm(request):
    """Confirm a preview: a second job imports the same file again, from scratch, and saves it (with the
    office's decision for each unknown organisation)."""

    def params(preview):
        params = dict(preview.params)
        unknown = (preview.result or {}).get("unknown_organisations") or []
        if unknown:
            decisions = organisation_decisions(request.municipality, request.POST, unknown)
            if decisions is None:
                messages.error(
                    request,
                    _(
                        "Bitte entscheiden Sie für jede unbekannte Organisation, ob sie angelegt oder zugeordnet wird."
                    ),
                )
                return redirect(preview)
            params["decisions"] = decisions
        return params

    return flow.confirm_preview(
        request,
        concept_jobs.PREVIEW,
        concept_jobs.IMPORT,
        upload_again=reverse("concept:import_upload", args=[request.municipality.slug]),
        params=params,
    )


def organisation_decisions(municipality, post, unknown: list[dict]) -> dict | None:
    """The office's choice for each unknown organisation of a preview (form fields `choice-N`, or `other-N`
    for an organisation picked from the whole directory); None while any is undecided."""
    from teilhabe.concept.organisation_choices import parse_choice
    from teilhabe.directory.models import Organisation

    ids = set(Organisation.objects.for_municipality(municipality).values_list("pk", flat=True))
    decisions = {}
    for index, group in enumerate(unknown):
        other = post.get(f"other-{index}", "")
        choice = parse_choice(f"map:{other}" if other else post.get(f"choice-{index}", ""), ids)
        if choice is None:
            return None
        decisions[group["key"]] = choice
    return decisions
