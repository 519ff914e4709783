"""Reading pages of the concept: start, dashboard (Umsetzungsstand), measure list and page, responsibility
matrix. Every page runs a bounded number of queries whatever the number of measures and rounds."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from teilhabe import sections
from teilhabe.accounts.decorators import member_required, role_of
from teilhabe.concept import models as m
from teilhabe.concept.forms import MeasureFilterForm
from teilhabe.concept.services import access, charts, progress, rounds
from teilhabe.concept.services.matrix import responsibility_matrix
from teilhabe.concept.services.measures import filter_measures
from teilhabe.directory.models import Organisation
from teilhabe.municipalities.scoping import get_scoped_or_404

PAGE_SIZE = 50
PREVIEW = 10


def get_concept(request, concept_id):
    return get_scoped_or_404(m.Concept, request, pk=concept_id)


@member_required
def index(request):
    concepts = list(m.Concept.objects.for_municipality(request.municipality))
    current = next((c for c in concepts if c.is_current), None)
    if current is not None and "alle" not in request.GET:
        return redirect("concept:dashboard", request.municipality.slug, current.pk)
    return render(request, "concept/index.html", {"concepts": concepts})


@member_required
def dashboard(request, concept_id):
    concept = get_concept(request, concept_id)
    overview = progress.status_overview(concept)
    trend = progress.trend(concept)
    focus = progress.current_focus(concept)
    focus_overview = None
    if focus is not None:
        focus_overview = progress.status_overview(concept, progress.focus_measures(focus)).overall
    overdue = progress.overdue_measures(concept)
    last_round = progress.last_closed_round(concept)
    without_report = progress.measures_without_report(concept, last_round) if last_round else None
    organisation = access.reporting_organisation(role_of(request), request.membership)
    open_rounds = progress.open_rounds(concept)
    ctx = {
        "concept": concept,
        "overview": overview,
        "status_svg": charts.status_chart(overview) if overview.overall.total else "",
        "trend": trend,
        "trend_svg": charts.trend_chart(trend) if len(trend) >= 2 else "",
        "focus": focus,
        "focus_overview": focus_overview,
        "overdue": overdue[:PREVIEW],
        "overdue_count": overdue.count(),
        "last_round": last_round,
        "without_report": without_report[:PREVIEW] if without_report is not None else [],
        "without_report_count": without_report.count() if without_report is not None else 0,
        "open_rounds": open_rounds,
        "organisation": organisation,
        "my_open_items": rounds.open_items_count(request.municipality, organisation, concept),
        "tab": "dashboard",
        **sections.context("concept.dashboard", concept),
    }
    return render(request, "concept/dashboard.html", ctx)


@member_required
def measure_list(request, concept_id):
    concept = get_concept(request, concept_id)
    form = MeasureFilterForm(request.GET or None, concept=concept)
    measures = (
        filter_measures(concept, form.criteria())
        # Prefetch rather than join: on PostgreSQL a join scanned the organisations of all municipalities.
        .prefetch_related(
            "lead",
            "current_status",
            Prefetch("involved", queryset=Organisation.objects.only("pk", "name")),
            Prefetch("tags", queryset=m.Tag.objects.only("pk", "name")),
        )
        .order_by("sort_key")
    )
    page = Paginator(measures, PAGE_SIZE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    ctx = {
        "concept": concept,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "is_filtered": form.is_filtered(),
        "tab": "measures",
    }
    return render(request, "concept/measure_list.html", ctx)


@member_required
def measure_detail(request, measure_id):
    measure = get_scoped_or_404(
        m.Measure.objects.select_related(
            "concept",
            "field_of_action",
            "goal",
            "lead__municipality",
            "current_status",
            "current_report__round",
        ).prefetch_related(
            Prefetch("involved", queryset=Organisation.objects.select_related("municipality")), "tags", "foci"
        ),
        request,
        pk=measure_id,
    )
    reports = list(
        measure.reports.select_related("round", "status", "reported_by", "reviewed_by").order_by(
            "round__due_date", "round__pk"
        )
    )
    role = role_of(request)
    may_report = access.may_report(role, request.membership, measure)
    reported_rounds = {r.round_id for r in reports}
    open_rounds = list(m.ReportingRound.objects.filter(concept_id=measure.concept_id, closed_at__isnull=True))
    ctx = {
        "concept": measure.concept,
        "measure": measure,
        "history": [history_row(report) for report in reports],
        "may_report": may_report,
        "open_rounds": [(r, r.pk in reported_rounds) for r in open_rounds],
        "tab": "measures",
        **sections.context("concept.measure", measure),
    }
    return render(request, "concept/measure_detail.html", ctx)


def history_row(report):
    """A report as shown in a measure's history: closed rounds show their frozen snapshot."""
    frozen = (report.snapshot or {}).get("status") if report.round.is_closed else None
    if frozen:
        status = {"name": frozen["name"], "colour": frozen["colour"]}
    else:
        status = {"name": report.status.name, "colour": report.status.colour}
    return {"report": report, "status": status}


@member_required
def matrix(request, concept_id):
    concept = get_concept(request, concept_id)
    fields, rows = responsibility_matrix(concept)
    # Links and labels are built here once per cell: a template tag per cell would dominate the render time.
    list_url = reverse("concept:measure_list", args=[request.municipality.slug, concept.pk])
    lead_label = _("%(n)s federführend, %(org)s, Handlungsfeld %(field)s")
    involved_label = _("%(n)s beteiligt, %(org)s, Handlungsfeld %(field)s")
    for row in rows:
        org = row.organisation
        row.url = f"{list_url}?organisation={org.pk}"
        for cell in row.cells:
            base = f"{row.url}&handlungsfeld={cell.field_of_action.pk}"
            names = {"org": org.name, "field": cell.field_of_action.number}
            cell.lead_url, cell.involved_url = f"{base}&rolle=lead", f"{base}&rolle=involved"
            cell.lead_label = lead_label % {"n": cell.lead, **names}
            cell.involved_label = involved_label % {"n": cell.involved, **names}
    ctx = {"concept": concept, "fields": fields, "rows": rows, "none_label": _("keine"), "tab": "matrix"}
    return render(request, "concept/matrix.html", ctx)
