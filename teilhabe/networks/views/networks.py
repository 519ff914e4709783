"""Networks and their members (the office), the network page, the public list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, public_view, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks import permissions
from teilhabe.networks.forms import (
    MemberForm,
    NetworkForm,
)
from teilhabe.networks.models import Network, NetworkMember
from teilhabe.networks.services import networks as network_actions
from teilhabe.networks.services import pages
from teilhabe.networks.services import tasks as task_actions
from teilhabe.networks.views import form_errors, form_page


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
            network = network_actions.save_network(request.municipality, request.user, form.values())
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
        "editable_tasks": permissions.editable_task_ids(request, open_tasks),
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
            network_actions.save_network(request.municipality, request.user, form.values(), network=network)
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
            network_actions.add_member(network, request.user, **form.cleaned_data)
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
    network_actions.remove_member(member, request.user)
    messages.success(request, _("Das Mitglied ist ausgetragen."))
    return redirect(member.network.get_absolute_url())


@public_view
@require_safe
def public_list(request):
    networks_shown = pages.public_networks(request.municipality)
    rows = [(network, pages.public_organisations(network)) for network in networks_shown]
    return render(request, "networks/public_list.html", {"rows": rows})
