"""Ideas: the list, filing and editing, taking one up as an activity or a measure, deleting (the office)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks import permissions
from teilhabe.networks.forms import (
    IdeaFilterForm,
    IdeaForm,
    IdeaToActivityForm,
    IdeaToMeasureForm,
)
from teilhabe.networks.models import Idea, Network
from teilhabe.networks.services import ideas as idea_actions
from teilhabe.networks.services import pages
from teilhabe.networks.views import CONTRIBUTORS, confirm_delete, form_errors, form_page


@member_required
@require_safe
def idea_list(request):
    form = IdeaFilterForm(request.GET or None, request.municipality)
    filters = form.cleaned_data if form.is_valid() else {}
    ideas = Idea.objects.for_municipality(request.municipality)
    if filters.get("stand"):
        ideas = ideas.filter(state=filters["stand"])
    if filters.get("netzwerk"):
        ideas = ideas.filter(network_id=filters["netzwerk"])
    ctx = {
        "form": form,
        "ideas": pages.ideas_of(ideas),
        "can_create": permissions.is_office(request) or bool(_idea_networks(request)),
    }
    return render(request, "networks/idea_list.html", ctx)


def _idea_networks(request):
    """The networks the user may file ideas for (None: any, and ideas without a network: the office)."""
    if permissions.is_office(request):
        return None
    all_networks = Network.objects.for_municipality(request.municipality)
    ids = permissions.contributable_ids(request, all_networks.values_list("pk", flat=True))
    return all_networks.filter(pk__in=ids)


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_create(request):
    allowed = _idea_networks(request)
    if allowed is not None and not allowed.exists():
        raise PermissionDenied
    initial = {"network": request.GET["netzwerk"]} if request.GET.get("netzwerk", "").isdigit() else {}
    form = IdeaForm(
        request.POST or None, municipality=request.municipality, networks=allowed, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            idea = idea_actions.save_idea(request.municipality, request.user, form.values())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Idee ist eingetragen."))
            return redirect(idea.get_absolute_url())
    return form_page(request, form, _("Neue Idee"), f"/{request.municipality.slug}/netzwerke/ideen/")


def _idea(request, idea_id):
    return get_scoped_or_404(
        Idea.objects.select_related(
            "network", "meeting", "proposed_by_organisation", "activity", "measure", "created_by"
        ),
        request,
        pk=idea_id,
    )


@member_required
@require_safe
def idea_detail(request, idea_id):
    idea = _idea(request, idea_id)
    ctx = {
        "idea": idea,
        "can_edit": permissions.can_contribute(request, idea.network),
        "is_office": permissions.is_office(request),
    }
    return render(request, "networks/idea_detail.html", ctx)


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_edit(request, idea_id):
    idea = _idea(request, idea_id)
    if not permissions.can_contribute(request, idea.network):
        raise PermissionDenied
    form = IdeaForm(
        request.POST or None,
        municipality=request.municipality,
        networks=_idea_networks(request),
        instance=idea,
    )
    if request.method == "POST" and form.is_valid():
        try:
            idea_actions.save_idea(request.municipality, request.user, form.values(), idea=idea)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(idea.get_absolute_url())
    return form_page(
        request, form, _("Idee bearbeiten: %(title)s") % {"title": idea.title}, idea.get_absolute_url()
    )


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def idea_to_activity(request, idea_id):
    idea = _idea(request, idea_id)
    form = IdeaToActivityForm(request.POST or None, initial={"title": idea.title})
    if request.method == "POST" and form.is_valid():
        try:
            idea = idea_actions.take_up_as_activity(idea, request.user, form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Aus der Idee ist eine geplante Aktivität geworden."))
            return redirect(idea.activity.get_absolute_url())
    title = _("Idee als Aktivität planen: %(title)s") % {"title": idea.title}
    return form_page(request, form, title, idea.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def idea_to_measure(request, idea_id):
    idea = _idea(request, idea_id)
    form = IdeaToMeasureForm(
        request.POST or None, municipality=request.municipality, initial={"title": idea.title}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            idea = idea_actions.take_up_as_measure(
                idea, request.user, data["goal"], data["number"], {"title": data["title"]}
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Aus der Idee ist eine Maßnahme des Konzepts geworden."))
            return redirect("concept:measure_detail", request.municipality.slug, idea.measure.pk)
    title = _("Idee als Maßnahme aufnehmen: %(title)s") % {"title": idea.title}
    return form_page(request, form, title, idea.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def idea_delete(request, idea_id):
    idea = _idea(request, idea_id)
    consequences = []
    if idea.activity_id:
        consequences.append(
            _("Die Aktivität „%(title)s“, die daraus entstanden ist, bleibt bestehen.")
            % {"title": idea.activity}
        )
    if idea.measure_id:
        consequences.append(
            _("Die Maßnahme „%(title)s“, die daraus entstanden ist, bleibt bestehen.")
            % {"title": idea.measure}
        )
    return confirm_delete(
        request,
        idea,
        title=_("Idee löschen"),
        consequences=consequences,
        delete=lambda: idea_actions.delete_idea(idea, request.user),
        back_url=idea.get_absolute_url(),
        done_url=f"/{request.municipality.slug}/netzwerke/ideen/",
        done_message=_("Die Idee ist gelöscht."),
    )
