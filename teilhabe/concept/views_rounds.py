"""Reporting rounds: opening, the editors' to-do list, reporting, review, closing and comparing rounds."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from teilhabe.accounts.decorators import member_required, role_of, role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.concept import forms
from teilhabe.concept import models as m
from teilhabe.concept.services import access, progress, reporting
from teilhabe.concept.services.comparison import compare_rounds
from teilhabe.concept.views import get_concept
from teilhabe.concept.views_editing import edit_page
from teilhabe.municipalities.scoping import get_scoped_or_404

REPORTERS = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR)
STATE_FILTERS = ("missing", "draft", "submitted", "returned", "accepted")


def get_round(request, round_id):
    return get_scoped_or_404(
        m.ReportingRound.objects.select_related("concept", "closed_by"), request, pk=round_id
    )


@member_required
def round_list(request, concept_id):
    concept = get_concept(request, concept_id)
    rounds = list(m.ReportingRound.objects.filter(concept=concept).order_by("-due_date", "-pk"))
    handed_in = {item.round.pk: item for item in progress.open_rounds(concept)}
    for a_round in rounds:
        a_round.progress = handed_in.get(a_round.pk)
    compare_form = forms.CompareForm(concept=concept, initial=latest_two(rounds))
    ctx = {"concept": concept, "rounds": rounds, "compare_form": compare_form, "tab": "rounds"}
    return render(request, "concept/round_list.html", ctx)


def latest_two(rounds):
    """Initial choice for comparing: the two latest rounds (rounds: newest first)."""
    return {"von": rounds[1].pk, "bis": rounds[0].pk} if len(rounds) >= 2 else {}


@role_required(OFFICE)
def round_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.ReportingRound(municipality=request.municipality, concept=concept)
    form = forms.RoundForm(request.POST or None, instance=instance)
    if form.is_valid():
        a_round = form.save()
        messages.success(
            request,
            _(
                "Die Berichtsrunde „%(title)s“ ist eröffnet. Die Redaktionen sehen ihre Maßnahmen jetzt unter „Meine Meldungen“."
            )
            % {"title": a_round.title},
        )
        return redirect("concept:round_detail", request.municipality.slug, a_round.pk)
    back = reverse("concept:round_list", args=[request.municipality.slug, concept.pk])
    return edit_page(
        request, form, title=_("Neue Berichtsrunde"), concept=concept, back_url=back, tab="rounds"
    )


@role_required(OFFICE)
def round_edit(request, round_id):
    a_round = get_round(request, round_id)
    if a_round.is_closed:
        raise PermissionDenied
    form = forms.RoundForm(request.POST or None, instance=a_round)
    if form.is_valid():
        form.save()
        messages.success(request, _("Die Berichtsrunde wurde gespeichert."))
        return redirect(a_round.get_absolute_url())
    return edit_page(
        request,
        form,
        title=_("Berichtsrunde bearbeiten"),
        concept=a_round.concept,
        back_url=a_round.get_absolute_url(),
        tab="rounds",
    )


@member_required
def round_detail(request, round_id):
    a_round = get_round(request, round_id)
    measures = m.Measure.objects.filter(concept_id=a_round.concept_id).select_related(
        "lead", "current_status"
    )
    reports = {
        r.measure_id: r
        for r in m.StatusReport.objects.filter(round=a_round).select_related("status", "reported_by")
    }
    state = request.GET.get("stand", "")
    rows = []
    counts = dict.fromkeys(STATE_FILTERS, 0)
    for measure in measures.order_by("sort_key"):
        report = reports.get(measure.pk)
        if report is not None:
            report.round = a_round
        row_state = report.state if report else "missing"
        counts[row_state] += 1
        if state in STATE_FILTERS and row_state != state:
            continue
        rows.append(
            {"measure": measure, "report": report, "state": row_state, "status": report_status(report)}
        )
    ctx = {
        "concept": a_round.concept,
        "round": a_round,
        "rows": rows,
        "counts": counts,
        "total": sum(counts.values()),
        "state": state,
        "state_filters": [(key, label, counts[key]) for key, label in state_filter_labels()],
        "tab": "rounds",
    }
    return render(request, "concept/round_detail.html", ctx)


def state_filter_labels():
    return [
        ("missing", _("noch keine Meldung")),
        ("draft", _("Entwurf")),
        ("submitted", _("eingereicht, zu prüfen")),
        ("returned", _("zurückgegeben")),
        ("accepted", _("angenommen")),
    ]


def report_status(report):
    """The status a report shows: a closed round's frozen snapshot, else the live status."""
    if report is None:
        return None
    frozen = (report.snapshot or {}).get("status") if report.round.is_closed else None
    if frozen:
        return {"name": frozen["name"], "colour": frozen["colour"]}
    return {"name": report.status.name, "colour": report.status.colour}


@role_required(OFFICE)
def round_close(request, round_id):
    a_round = get_round(request, round_id)
    if a_round.is_closed:
        messages.info(request, _("Diese Berichtsrunde ist bereits abgeschlossen."))
        return redirect(a_round.get_absolute_url())
    counts = reporting.state_counts(a_round)
    if request.method == "POST":
        reporting.close_round(a_round, request.user)
        messages.success(
            request,
            _("Die Berichtsrunde „%(title)s“ ist abgeschlossen und bleibt so erhalten.")
            % {"title": a_round.title},
        )
        return redirect(a_round.get_absolute_url())
    not_accepted = sum(counts.get(s, 0) for s in ("draft", "submitted", "returned"))
    ctx = {
        "concept": a_round.concept,
        "round": a_round,
        "counts": counts,
        "not_accepted": not_accepted,
        "tab": "rounds",
    }
    return render(request, "concept/round_close.html", ctx)


@role_required(*REPORTERS)
def report_edit(request, round_id, measure_id):
    a_round = get_round(request, round_id)
    measure = get_scoped_or_404(
        m.Measure.objects.select_related("lead", "goal", "field_of_action", "current_status"),
        request,
        pk=measure_id,
        concept_id=a_round.concept_id,
    )
    role = role_of(request)
    if not access.may_report(role, request.membership, measure):
        raise PermissionDenied
    is_office = role == OFFICE
    report = reporting.report_for(a_round, measure)
    editable = reporting.may_edit(report, is_office)
    initial = {
        "status": report.status_id,
        "done": report.done,
        "next_steps": report.next_steps,
        "obstacles": report.obstacles,
    }
    form = forms.ReportForm(
        request.POST or None,
        initial=initial,
        municipality=request.municipality,
        current=report.status if report.status_id else None,
    )
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        action = request.POST.get("aktion", "entwurf")
        if form.is_valid():
            data = reporting.ReportInput(**form.cleaned_data)
            try:
                reporting.save_report(
                    a_round,
                    measure,
                    request.user,
                    data,
                    submit=action == "einreichen",
                    accept=is_office and action == "annehmen",
                    is_office=is_office,
                )
            except reporting.ReportingError as error:
                messages.error(request, error.message)
                return redirect(request.path)
            messages.success(request, report_saved_message(action))
            if is_office:
                return redirect(a_round.get_absolute_url())
            return redirect("concept:my_reports", request.municipality.slug)
    previous = measure.current_report if measure.current_report_id else None
    if previous is not None and previous.round_id == a_round.pk:
        previous = None
    ctx = {
        "concept": a_round.concept,
        "round": a_round,
        "measure": measure,
        "report": report,
        "form": form,
        "editable": editable,
        "is_office_user": is_office,
        "previous": previous,
        "tab": "rounds",
    }
    return render(request, "concept/report_edit.html", ctx)


def report_saved_message(action):
    if action == "annehmen":
        return _("Die Meldung wurde gespeichert und angenommen.")
    if action == "einreichen":
        return _("Die Meldung wurde eingereicht. Das Integrationsamt prüft sie.")
    return _("Der Entwurf wurde gespeichert. Reichen Sie die Meldung ein, wenn sie fertig ist.")


@role_required(OFFICE)
def report_review(request, report_id):
    report = get_scoped_or_404(
        m.StatusReport.objects.select_related(
            "round__concept",
            "measure__lead",
            "status",
            "reported_by",
            "reviewed_by",
            "measure__current_status",
        ),
        request,
        pk=report_id,
    )
    send_back_form = forms.SendBackForm(request.POST if request.POST.get("aktion") == "zurueck" else None)
    if request.method == "POST":
        action = request.POST.get("aktion")
        try:
            if action == "annehmen":
                reporting.accept_report(report, request.user)
                messages.success(
                    request,
                    _("Die Meldung zu %(number)s ist angenommen; der Status der Maßnahme ist aktualisiert.")
                    % {"number": report.measure.number},
                )
                return redirect(next_to_review(request, report) or report.round.get_absolute_url())
            if action == "zurueck" and send_back_form.is_valid():
                reporting.send_back(report, request.user, send_back_form.cleaned_data["comment"])
                messages.success(
                    request,
                    _("Die Meldung zu %(number)s wurde mit Ihrem Hinweis zurückgegeben.")
                    % {"number": report.measure.number},
                )
                return redirect(next_to_review(request, report) or report.round.get_absolute_url())
        except m.RoundClosedError as error:
            messages.error(request, error.message)
        except reporting.ReportingError as error:
            messages.error(request, error.message)
    ctx = {
        "concept": report.round.concept,
        "round": report.round,
        "report": report,
        "measure": report.measure,
        "send_back_form": send_back_form,
        "status": report_status(report),
        "tab": "rounds",
    }
    return render(request, "concept/report_review.html", ctx)


def next_to_review(request, report):
    following = (
        m.StatusReport.objects.filter(round_id=report.round_id, state=m.StatusReport.State.SUBMITTED)
        .exclude(pk=report.pk)
        .order_by("measure__sort_key")
        .first()
    )
    if following is None:
        return None
    return reverse("concept:report_review", args=[request.municipality.slug, following.pk])


@member_required
def compare(request, concept_id):
    concept = get_concept(request, concept_id)
    rounds = list(m.ReportingRound.objects.filter(concept=concept).order_by("-due_date", "-pk")[:2])
    form = forms.CompareForm(request.GET or None, concept=concept, initial=latest_two(rounds))
    comparison = None
    if form.is_valid():
        comparison = compare_rounds(form.cleaned_data["von"], form.cleaned_data["bis"])
    ctx = {"concept": concept, "form": form, "comparison": comparison, "tab": "rounds"}
    return render(request, "concept/compare.html", ctx)


@role_required(*REPORTERS)
def my_reports(request):
    """Editors: the measures their organisation leads or is involved in, per open round, with the state of
    each report. Office: the reports waiting for review."""
    role = role_of(request)
    if role == OFFICE:
        waiting = (
            m.StatusReport.objects.for_municipality(request.municipality)
            .filter(state=m.StatusReport.State.SUBMITTED, round__closed_at__isnull=True)
            .select_related("round", "measure__lead", "status", "reported_by")
            .order_by("round__due_date", "measure__sort_key")
        )
        return render(request, "concept/review_queue.html", {"waiting": waiting})
    organisation = access.reporting_organisation(role, request.membership)
    if organisation is None:
        return render(request, "concept/my_reports.html", {"organisation": None, "sections": []})
    rounds = list(
        m.ReportingRound.objects.for_municipality(request.municipality)
        .filter(closed_at__isnull=True)
        .select_related("concept")
        .order_by("due_date", "pk")
    )
    measures = list(
        access.measures_of_organisation(request.municipality, organisation)
        .filter(concept_id__in={r.concept_id for r in rounds})
        .select_related("current_status", "lead")
        .order_by("sort_key")
    )
    reports = {
        (r.round_id, r.measure_id): r
        for r in m.StatusReport.objects.filter(round__in=rounds, measure__in=measures).select_related(
            "status"
        )
    }
    sections = []
    for a_round in rounds:
        items = []
        for measure in measures:
            if measure.concept_id != a_round.concept_id:
                continue
            report = reports.get((a_round.pk, measure.pk))
            items.append(
                {
                    "measure": measure,
                    "report": report,
                    "state": report.state if report else "missing",
                    "is_lead": measure.lead_id == organisation.pk,
                }
            )
        open_count = sum(1 for i in items if i["state"] in ("missing", "draft", "returned"))
        sections.append({"round": a_round, "items": items, "open_count": open_count})
    ctx = {"organisation": organisation, "sections": sections}
    return render(request, "concept/my_reports.html", ctx)
