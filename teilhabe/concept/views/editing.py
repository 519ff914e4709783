"""Editing the concept (office staff only): concepts, fields of action, goals, measures, the status
vocabulary and the foci. One small pattern for all: a form page and a confirm-delete page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.concept import forms
from teilhabe.concept import models as m
from teilhabe.concept.services import structure, versions
from teilhabe.concept.views.pages import get_concept
from teilhabe.municipalities.scoping import get_scoped_or_404


def edit_page(request, form, *, title, concept=None, back_url, tab="structure", intro=""):
    ctx = {"form": form, "title": title, "concept": concept, "back_url": back_url, "tab": tab, "intro": intro}
    return render(request, "concept/edit.html", ctx)


def delete_page(request, obj, *, title, reason, back_url, done_url, concept=None):
    """Confirm, then delete; `reason` (a German sentence) refuses the deletion."""
    if request.method == "POST" and not reason:
        obj.delete()
        messages.success(request, _("„%(name)s“ wurde gelöscht.") % {"name": obj})
        return redirect(done_url)
    ctx = {"object": obj, "title": title, "reason": reason, "back_url": back_url, "concept": concept}
    return render(
        request, "concept/confirm_delete.html", ctx, status=409 if request.method == "POST" else 200
    )


def saved(request, obj):
    messages.success(request, _("„%(name)s“ wurde gespeichert.") % {"name": obj})


# Concepts ------------------------------------------------------------------------------------------------


@role_required(OFFICE)
def concept_create(request):
    form = forms.ConceptForm(request.POST or None)
    if form.is_valid():
        concept = structure.create_concept(request.municipality, form.cleaned_data)
        saved(request, concept)
        return redirect("concept:structure", request.municipality.slug, concept.pk)
    return edit_page(
        request,
        form,
        title=_("Neues Integrationskonzept"),
        back_url=reverse("concept:index", args=[request.municipality.slug]) + "?alle",
        intro=_("Danach legen Sie Handlungsfelder, Ziele und Maßnahmen an oder importieren eine Tabelle."),
    )


@role_required(OFFICE)
def concept_edit(request, concept_id):
    concept = get_concept(request, concept_id)
    form = forms.ConceptForm(request.POST or None, instance=concept)
    if form.is_valid():
        structure.update_concept(concept, form.cleaned_data)
        saved(request, concept)
        return redirect("concept:structure", request.municipality.slug, concept.pk)
    return edit_page(
        request,
        form,
        title=_("Konzept bearbeiten"),
        concept=concept,
        back_url=structure_url(request, concept),
    )


def structure_url(request, concept):
    return reverse("concept:structure", args=[request.municipality.slug, concept.pk])


@role_required(OFFICE)
def structure_page(request, concept_id):
    """The concept's structure for editing: fields of action with their goals, the foci."""
    concept = get_concept(request, concept_id)
    fields = m.FieldOfAction.objects.filter(concept=concept).order_by("number")
    goals = {}
    for goal in m.Goal.objects.filter(field_of_action__concept=concept).order_by("sort_key"):
        goals.setdefault(goal.field_of_action_id, []).append(goal)
    counts = structure.measure_counts_per_goal(concept)
    rows = [(f, [(g, counts.get(g.pk, 0)) for g in goals.get(f.pk, [])]) for f in fields]
    ctx = {
        "concept": concept,
        "rows": rows,
        "foci": m.Focus.objects.filter(concept=concept).prefetch_related("fields_of_action"),
        "tab": "structure",
    }
    return render(request, "concept/structure.html", ctx)


# Fields of action -----------------------------------------------------------------------------------------


@role_required(OFFICE)
def field_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.FieldOfAction(municipality=request.municipality, concept=concept)
    form = forms.FieldOfActionForm(request.POST or None, instance=instance)
    if form.is_valid():
        saved(request, structure.save_field_of_action(instance, form.cleaned_data))
        return redirect(structure_url(request, concept))
    return edit_page(
        request,
        form,
        title=_("Neues Handlungsfeld"),
        concept=concept,
        back_url=structure_url(request, concept),
    )


@role_required(OFFICE)
def field_edit(request, field_id):
    field = get_scoped_or_404(m.FieldOfAction.objects.select_related("concept"), request, pk=field_id)
    form = forms.FieldOfActionForm(request.POST or None, instance=field)
    back = structure_url(request, field.concept)
    if form.is_valid():
        saved(request, structure.save_field_of_action(field, form.cleaned_data))
        return redirect(back)
    return edit_page(request, form, title=_("Handlungsfeld bearbeiten"), concept=field.concept, back_url=back)


@role_required(OFFICE)
def field_delete(request, field_id):
    field = get_scoped_or_404(m.FieldOfAction.objects.select_related("concept"), request, pk=field_id)
    back = structure_url(request, field.concept)
    return delete_page(
        request,
        field,
        title=_("Handlungsfeld löschen"),
        reason=structure.why_not_delete_field(field),
        back_url=back,
        done_url=back,
        concept=field.concept,
    )


# Goals ----------------------------------------------------------------------------------------------------


@role_required(OFFICE)
def goal_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.Goal(municipality=request.municipality)
    initial = {"field_of_action": request.GET.get("handlungsfeld")}
    form = forms.GoalForm(request.POST or None, instance=instance, concept=concept, initial=initial)
    if form.is_valid():
        saved(request, structure.save_goal(instance, form.cleaned_data))
        return redirect(structure_url(request, concept))
    return edit_page(
        request, form, title=_("Neues Ziel"), concept=concept, back_url=structure_url(request, concept)
    )


@role_required(OFFICE)
def goal_edit(request, goal_id):
    goal = get_scoped_or_404(m.Goal.objects.select_related("field_of_action__concept"), request, pk=goal_id)
    concept = goal.field_of_action.concept
    form = forms.GoalForm(request.POST or None, instance=goal, concept=concept)
    if form.is_valid():
        goal = structure.save_goal(goal, form.cleaned_data)
        saved(request, goal)
        return redirect(structure_url(request, concept))
    return edit_page(
        request, form, title=_("Ziel bearbeiten"), concept=concept, back_url=structure_url(request, concept)
    )


@role_required(OFFICE)
def goal_delete(request, goal_id):
    goal = get_scoped_or_404(m.Goal.objects.select_related("field_of_action__concept"), request, pk=goal_id)
    concept = goal.field_of_action.concept
    back = structure_url(request, concept)
    return delete_page(
        request,
        goal,
        title=_("Ziel löschen"),
        reason=structure.why_not_delete_goal(goal),
        back_url=back,
        done_url=back,
        concept=concept,
    )


# Measures -------------------------------------------------------------------------------------------------


@role_required(OFFICE)
def measure_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.Measure(municipality=request.municipality, concept=concept)
    initial = {"goal": request.GET.get("ziel")}
    form = forms.MeasureForm(request.POST or None, instance=instance, concept=concept, initial=initial)
    if form.is_valid():
        measure = structure.save_measure(concept, measure_values(form))
        saved(request, measure)
        return redirect("concept:measure_detail", request.municipality.slug, measure.pk)
    back = reverse("concept:measure_list", args=[request.municipality.slug, concept.pk])
    return edit_page(request, form, title=_("Neue Maßnahme"), concept=concept, back_url=back, tab="measures")


@role_required(OFFICE)
def measure_edit(request, measure_id):
    measure = get_scoped_or_404(m.Measure.objects.select_related("concept"), request, pk=measure_id)
    form = forms.MeasureForm(request.POST or None, instance=measure, concept=measure.concept)
    if form.is_valid():
        try:
            measure = structure.save_measure(measure.concept, measure_values(form), measure)
        except versions.EditConflict as conflict:
            # Someone saved meanwhile: show this person's input again, now on the current version.
            measure.refresh_from_db()
            form = forms.MeasureForm(
                versions.with_version(request.POST, conflict.current_version),
                instance=measure,
                concept=measure.concept,
            )
            form.is_valid()
            form.add_error(None, conflict.message_text)
        else:
            saved(request, measure)
            return redirect("concept:measure_detail", request.municipality.slug, measure.pk)
    return edit_page(
        request,
        form,
        title=_("Maßnahme %(number)s bearbeiten") % {"number": measure.number},
        concept=measure.concept,
        back_url=measure.get_absolute_url(),
        tab="measures",
        intro=_("Der Status einer Maßnahme ändert sich über die Sachstandsmeldungen der Berichtsrunden."),
    )


def measure_values(form):
    values = dict(form.cleaned_data)
    values["tags"] = values.pop("tags_text")
    return values


@role_required(OFFICE)
def measure_delete(request, measure_id):
    measure = get_scoped_or_404(m.Measure.objects.select_related("concept"), request, pk=measure_id)
    return delete_page(
        request,
        measure,
        title=_("Maßnahme löschen"),
        reason=structure.why_not_delete_measure(measure),
        back_url=measure.get_absolute_url(),
        done_url=reverse("concept:measure_list", args=[request.municipality.slug, measure.concept_id]),
        concept=measure.concept,
    )


# Status vocabulary ----------------------------------------------------------------------------------------


@role_required(OFFICE)
def status_list(request):
    """The vocabulary; a municipality without one (no concept yet) may create the defaults (a POST: pages
    never write on GET)."""
    if request.method == "POST" and request.POST.get("aktion") == "standard":
        m.ensure_default_statuses(request.municipality)
        messages.success(request, _("Die Standard-Status wurden angelegt."))
        return redirect(status_list_url(request))
    statuses = m.Status.objects.for_municipality(request.municipality)
    in_use = structure.statuses_in_use(request.municipality)
    ctx = {"statuses": [(s, s.pk in in_use) for s in statuses]}
    return render(request, "concept/status_list.html", ctx)


def status_list_url(request):
    return reverse("concept:status_list", args=[request.municipality.slug])


@role_required(OFFICE)
def status_create(request):
    instance = m.Status(municipality=request.municipality)
    form = forms.StatusForm(request.POST or None, instance=instance, municipality=request.municipality)
    if form.is_valid():
        saved(request, structure.save_status(instance, form.cleaned_data))
        return redirect(status_list_url(request))
    return edit_page(request, form, title=_("Neuer Status"), back_url=status_list_url(request))


@role_required(OFFICE)
def status_edit(request, status_id):
    status = get_scoped_or_404(m.Status, request, pk=status_id)
    form = forms.StatusForm(request.POST or None, instance=status, municipality=request.municipality)
    if form.is_valid():
        saved(request, structure.save_status(status, form.cleaned_data))
        return redirect(status_list_url(request))
    return edit_page(request, form, title=_("Status bearbeiten"), back_url=status_list_url(request))


@role_required(OFFICE)
def status_delete(request, status_id):
    status = get_scoped_or_404(m.Status, request, pk=status_id)
    return delete_page(
        request,
        status,
        title=_("Status löschen"),
        reason=structure.why_not_delete_status(status),
        back_url=status_list_url(request),
        done_url=status_list_url(request),
    )


# Foci -----------------------------------------------------------------------------------------------------


@role_required(OFFICE)
def focus_create(request, concept_id):
    concept = get_concept(request, concept_id)
    instance = m.Focus(municipality=request.municipality, concept=concept)
    form = forms.FocusForm(request.POST or None, instance=instance, concept=concept)
    if form.is_valid():
        saved(request, structure.save_focus(instance, form.cleaned_data))
        return redirect(structure_url(request, concept))
    return edit_page(
        request, form, title=_("Neuer Schwerpunkt"), concept=concept, back_url=structure_url(request, concept)
    )


@role_required(OFFICE)
def focus_edit(request, focus_id):
    focus = get_scoped_or_404(m.Focus.objects.select_related("concept"), request, pk=focus_id)
    form = forms.FocusForm(request.POST or None, instance=focus, concept=focus.concept)
    back = structure_url(request, focus.concept)
    if form.is_valid():
        saved(request, structure.save_focus(focus, form.cleaned_data))
        return redirect(back)
    return edit_page(request, form, title=_("Schwerpunkt bearbeiten"), concept=focus.concept, back_url=back)


@role_required(OFFICE)
def focus_delete(request, focus_id):
    focus = get_scoped_or_404(m.Focus.objects.select_related("concept"), request, pk=focus_id)
    back = structure_url(request, focus.concept)
    return delete_page(
        request,
        focus,
        title=_("Schwerpunkt löschen"),
        reason=None,
        back_url=back,
        done_url=back,
        concept=focus.concept,
    )
