"""Reporting rounds: opening, the editors' to-do list, reporting, review, closing and comparing rounds."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.accounts.decorators import member_required, role_of, role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.concept import forms
from teilhabe.concept import models as m
from teilhabe.concept.services import access, progress, reporting, rounds, versions
from teilhabe.concept.services.comparison import compare_rounds
from teilhabe.concept.views.editing import edit_page
from teilhabe.concept.views.pages import get_concept
from teilhabe.municipalities.scoping import get_scoped_or_404

REPORTERS = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR)


def get_round(request, round_id):
    return get_scoped_or_404(
        m.ReportingRound.objects.select_related("concept", "closed_by"), request, pk=round_id
    )


@member_required
def round_list(request, concept_id):
    concept = get_concept(request, concept_id)
    all_rounds = list(m.ReportingRound.objects.filter(concept=concept).order_by("-due_date", "-pk"))
    handed_in = {item.round.pk: item for item in progress.open_rounds(concept)}
    for a_round in all_rounds:
        a_round.progress = handed_in.get(a_round.pk)
    compare_form = forms.CompareForm(concept=concept, initial=latest_two_closed(all_rounds))
    ctx = {"concept": concept, "rounds": all_rounds, "compare_form": compare_form, "tab": "rounds"}
    return render(request, "concept/round_list.html", ctx)


def latest_two_closed(all_rounds):
    """Initial choice for comparing: the two latest closed rounds (all_rounds: newest first)."""
    closed = [r for r in all_rounds if r.is_closed]
    return {"von": closed[1].pk, "bis": closed[0].pk} if len(closed) >= 2 else {}


@role_required(OFFICE)
def round_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.ReportingRound(municipality=request.municipality, concept=concept)
    form = forms.RoundForm(request.POST or None, instance=instance)
    if form.is_valid():
        try:
            a_round = reporting.open_round(
                concept, form.cleaned_data["title"], form.cleaned_data["due_date"], request.user
            )
        except reporting.ReportingError as error:
            form.add_error(None, error.message)
        else:
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
    initial = {"title": a_round.title, "due_date": a_round.due_date}
    form = forms.RoundForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            reporting.update_round(
                a_round, title=form.cleaned_data["title"], due_date=form.cleaned_data["due_date"]
            )
        except reporting.ReportingError as error:
            form.add_error("due_date", error.message)
        else:
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
    result = rounds.round_rows(a_round, request.GET.get("stand", ""))
    ctx = {"concept": a_round.concept, "round": a_round, "result": result, "tab": "rounds"}
    return render(request, "concept/round_detail.html", ctx)


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
    not_accepted = counts["total"] - counts["missing"] - counts.get(m.StatusReport.State.ACCEPTED, 0)
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
        "version": report.version if report.pk else 0,
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
            fields = dict(form.cleaned_data)
            version = fields.pop("version")
            data = reporting.ReportInput(**fields)
            try:
                reporting.save_report(
                    a_round,
                    measure,
                    request.user,
                    data,
                    submit=action == "einreichen",
                    accept=is_office and action == "annehmen",
                    is_office=is_office,
                    expected_version=version,
                )
            except versions.EditConflict as conflict:
                # Someone saved this report meanwhile: keep this person's input, now on the current version.
                report = reporting.report_for(a_round, measure)
                editable = reporting.may_edit(report, is_office)
                form = forms.ReportForm(
                    versions.with_version(request.POST, conflict.current_version),
                    municipality=request.municipality,
                    current=report.status if report.status_id else None,
                )
                form.is_valid()
                form.add_error(None, conflict.message_text)
            except reporting.ReportingError as error:
                messages.error(request, error.message)
                return redirect(request.path)
            else:
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
        "status": rounds.report_status(report, report.round),
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
    """Two rounds side by side; without a choice, the two latest closed rounds (or why there are none)."""
    concept = get_concept(request, concept_id)
    closed = list(
        m.ReportingRound.objects.filter(concept=concept, closed_at__isnull=False).order_by(
            "-due_date", "-pk"
        )[:2]
    )
    initial = latest_two_closed(closed)
    data = request.GET if "von" in request.GET or "bis" in request.GET else None
    if data is None and initial:
        data = initial
    form = forms.CompareForm(data, concept=concept, initial=initial)
    comparison = None
    if form.is_valid():
        comparison = compare_rounds(form.cleaned_data["von"], form.cleaned_data["bis"])
    why_not = None
    if not form.is_bound:
        why_not = ngettext(
            "Zum Vergleich braucht es zwei abgeschlossene Berichtsrunden; bisher ist %(count)s abgeschlossen.",
            "Zum Vergleich braucht es zwei abgeschlossene Berichtsrunden; bisher sind %(count)s abgeschlossen.",
            len(closed),
        ) % {"count": len(closed)}
    ctx = {"concept": concept, "form": form, "comparison": comparison, "why_not": why_not, "tab": "rounds"}
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
    sections = rounds.open_items(request.municipality, organisation)
    ctx = {"organisation": organisation, "sections": sections}
    return render(request, "concept/my_reports.html", ctx)
