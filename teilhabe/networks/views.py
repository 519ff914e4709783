"""Network pages: list, network page (members, meetings, open tasks, ideas, what arose), meetings with agenda
and minutes, invitations and minutes by e-mail, tasks, ideas and their list, the public list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, public_view, role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.downloads import attachment, download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks import permissions
from teilhabe.networks.forms import (
    IdeaFilterForm,
    IdeaForm,
    IdeaToActivityForm,
    IdeaToMeasureForm,
    MeetingForm,
    MemberForm,
    NetworkForm,
    TaskForm,
)
from teilhabe.networks.models import Idea, Meeting, Network, NetworkMember, Task
from teilhabe.networks.services import ideas as idea_actions
from teilhabe.networks.services import invitations, meetings, networks, pages
from teilhabe.networks.services import tasks as task_actions

CONTRIBUTORS = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR)


def form_errors(form, error: ValidationError):
    """Put a named action's ValidationError on the form (field errors on their fields, the rest on top)."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def form_page(request, form, title, cancel_url, **extra):
    """The one form page of networks and programmes: a title, the form, save and cancel."""
    return render(
        request, "networks/form.html", {"form": form, "title": title, "cancel_url": cancel_url, **extra}
    )


def _contributable(request, network):
    if not permissions.can_contribute(request, network):
        raise PermissionDenied
    return network


# Networks


@member_required
@require_safe
def network_list(request):
    ctx = {
        "networks": list(pages.network_list(request.municipality)),
        "can_create": permissions.is_office(request),
    }
    return render(request, "networks/list.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def network_create(request):
    form = NetworkForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            network = networks.save_network(request.municipality, request.user, form.values())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Das Netzwerk ist angelegt."))
            return redirect(network.get_absolute_url())
    cancel = f"/{request.municipality.slug}/netzwerke/"
    return form_page(request, form, _("Neues Netzwerk"), cancel)


@member_required
@require_safe
def network_detail(request, network_id):
    network = get_scoped_or_404(
        Network.objects.select_related("convened_by_organisation", "convened_by_contact").prefetch_related(
            "fields_of_action"
        ),
        request,
        pk=network_id,
    )
    today = timezone.localdate()
    open_tasks = pages.tasks_of(task_actions.open_tasks(network.tasks.all()))
    ideas = pages.ideas_of(network.ideas.all())
    ctx = {
        "network": network,
        "members": pages.members_of(network),
        "meetings": pages.meetings_of(network),
        "open_tasks": open_tasks,
        "overdue_count": sum(1 for task in open_tasks if task.is_overdue(today)),
        "ideas": ideas,
        "arisen": [idea for idea in ideas if idea.activity_id or idea.measure_id],
        "open_ideas": [idea for idea in ideas if not (idea.activity_id or idea.measure_id)],
        "today": today,
        "can_edit": permissions.is_office(request),
        "can_contribute": permissions.can_contribute(request, network),
    }
    return render(request, "networks/detail.html", ctx)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def network_edit(request, network_id):
    network = get_scoped_or_404(Network, request, pk=network_id)
    form = NetworkForm(request.POST or None, municipality=request.municipality, instance=network)
    if request.method == "POST" and form.is_valid():
        try:
            networks.save_network(request.municipality, request.user, form.values(), network=network)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(network.get_absolute_url())
    title = _("„%(name)s“ bearbeiten") % {"name": network.name}
    return form_page(request, form, title, network.get_absolute_url())


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def member_add(request, network_id):
    network = get_scoped_or_404(Network, request, pk=network_id)
    form = MemberForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            networks.add_member(network, request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Das Mitglied ist eingetragen."))
            return redirect(network.get_absolute_url())
    title = _("Mitglied in „%(name)s“ eintragen") % {"name": network.name}
    return form_page(request, form, title, network.get_absolute_url())


@role_required(OFFICE)
@require_POST
def member_remove(request, network_member_id):
    member = get_scoped_or_404(NetworkMember.objects.select_related("network"), request, pk=network_member_id)
    networks.remove_member(member, request.user)
    messages.success(request, _("Das Mitglied ist ausgetragen."))
    return redirect(member.network.get_absolute_url())


# Meetings


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def meeting_create(request, network_id):
    network = _contributable(request, get_scoped_or_404(Network, request, pk=network_id))
    form = MeetingForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meetings.save_meeting(network, request.user, form.values())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Das Treffen ist angelegt."))
            return redirect(meeting.get_absolute_url())
    title = _("Neues Treffen: %(name)s") % {"name": network.name}
    return form_page(request, form, title, network.get_absolute_url())


def _meeting(request, meeting_id):
    return get_scoped_or_404(Meeting.objects.select_related("network"), request, pk=meeting_id)


@member_required
@require_safe
def meeting_detail(request, meeting_id):
    meeting = get_scoped_or_404(
        Meeting.objects.select_related("network").prefetch_related(
            Prefetch("invited", queryset=NetworkMember.objects.select_related("organisation", "contact")),
            Prefetch("attending", queryset=NetworkMember.objects.select_related("organisation", "contact")),
        ),
        request,
        pk=meeting_id,
    )
    ctx = {
        "meeting": meeting,
        "network": meeting.network,
        "tasks": pages.tasks_of(meeting.tasks.all()),
        "ideas": pages.ideas_of(meeting.ideas.all()),
        "today": timezone.localdate(),
        "can_contribute": permissions.can_contribute(request, meeting.network),
    }
    return render(request, "networks/meeting_detail.html", ctx)


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def meeting_edit(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    _contributable(request, meeting.network)
    form = MeetingForm(request.POST or None, network=meeting.network, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.save_meeting(meeting.network, request.user, form.values(), meeting=meeting)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(meeting.get_absolute_url())
    title = _("Treffen bearbeiten: %(meeting)s") % {"meeting": meeting}
    return form_page(request, form, title, meeting.get_absolute_url())


@role_required(*CONTRIBUTORS)
@require_POST
def meeting_invite(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    _contributable(request, meeting.network)
    if invitations.send_invitation(meeting, request.user) is None:
        messages.info(request, _("Alle Mitglieder mit E-Mail-Adresse haben diese Einladung schon."))
    else:
        messages.success(request, _("Die Einladungen werden versandt."))
    return redirect(meeting.get_absolute_url())


@role_required(*CONTRIBUTORS)
@require_POST
def meeting_send_minutes(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    _contributable(request, meeting.network)
    if invitations.send_minutes(meeting, request.user) is None:
        messages.info(request, _("Alle Mitglieder mit E-Mail-Adresse haben das Protokoll schon."))
    else:
        messages.success(request, _("Das Protokoll wird versandt."))
    return redirect(meeting.get_absolute_url())


@member_required
@require_safe
def meeting_ics(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    response = HttpResponse(invitations.meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    return attachment(response, download_name(pgettext_lazy("Dateiname", "Termin"), meeting.date, ext="ics"))


# Tasks


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def task_create(request, network_id):
    network = _contributable(request, get_scoped_or_404(Network, request, pk=network_id))
    meeting_id = request.GET.get("treffen")
    initial = {"meeting": meeting_id} if meeting_id and meeting_id.isdigit() else {}
    form = TaskForm(request.POST or None, municipality=request.municipality, network=network, initial=initial)
    del form.fields["done"]
    if request.method == "POST" and form.is_valid():
        try:
            task_actions.save_task(request.municipality, request.user, {**form.values(), "network": network})
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Aufgabe ist eingetragen."))
            return redirect(network.get_absolute_url())
    title = _("Neue Aufgabe: %(name)s") % {"name": network.name}
    return form_page(request, form, title, network.get_absolute_url())


def _task(request, task_id):
    task = get_scoped_or_404(Task.objects.select_related("network", "meeting"), request, pk=task_id)
    if not permissions.can_contribute(request, task.network):
        raise PermissionDenied
    return task


def _after_task(request, task):
    """Back where the task was opened from (`weiter`: a programme's page), else its network or the start page."""
    back = request.POST.get("weiter") or request.GET.get("weiter") or ""
    if back.startswith(f"/{request.municipality.slug}/") and "//" not in back:
        return back
    if task.network_id:
        return task.network.get_absolute_url()
    return f"/{request.municipality.slug}/"


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def task_edit(request, task_id):
    task = _task(request, task_id)
    form = TaskForm(
        request.POST or None, municipality=request.municipality, network=task.network, instance=task
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        done = values.pop("done")
        try:
            task_actions.save_task(request.municipality, request.user, values, task=task)
            if done != task.done:
                task_actions.set_done(task, request.user, done)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Die Aufgabe ist gespeichert."))
            return redirect(_after_task(request, task))
    title = _("Aufgabe: %(title)s") % {"title": task.title}
    return form_page(request, form, title, _after_task(request, task))


@role_required(*CONTRIBUTORS)
@require_POST
def task_done(request, task_id):
    task = _task(request, task_id)
    task_actions.set_done(task, request.user, True)
    messages.success(request, _("„%(title)s“ ist erledigt.") % {"title": task.title})
    return redirect(_after_task(request, task))


# Ideas


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


# Public


@public_view
@require_safe
def public_list(request):
    networks_shown = pages.public_networks(request.municipality)
    rows = [(network, pages.public_organisations(network)) for network in networks_shown]
    return render(request, "networks/public_list.html", {"rows": rows})
