"""Meetings: agenda, minutes, invitations and minutes by e-mail, the .ics, deleting (the office)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import member_required, role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.downloads import attachment, download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks import permissions
from teilhabe.networks.forms import (
    MeetingForm,
)
from teilhabe.networks.models import Meeting, Network, NetworkMember
from teilhabe.networks.services import invitations, pages
from teilhabe.networks.services import meetings as meeting_actions
from teilhabe.networks.views import CONTRIBUTORS, confirm_delete, contributable, form_errors, form_page


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def meeting_create(request, network_id):
    network = contributable(request, get_scoped_or_404(Network, request, pk=network_id))
    form = MeetingForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_actions.save_meeting(network, request.user, form.values())
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
        "tasks": (tasks := pages.tasks_of(meeting.tasks.all())),
        "editable_tasks": permissions.editable_task_ids(request, tasks),
        "ideas": pages.ideas_of(meeting.ideas.all()),
        "today": timezone.localdate(),
        "can_contribute": permissions.can_contribute(request, meeting.network),
        "is_office": permissions.is_office(request),
    }
    return render(request, "networks/meeting_detail.html", ctx)


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def meeting_edit(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    contributable(request, meeting.network)
    form = MeetingForm(request.POST or None, network=meeting.network, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_actions.save_meeting(meeting.network, request.user, form.values(), meeting=meeting)
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
    contributable(request, meeting.network)
    if invitations.send_invitation(meeting, request.user) is None:
        messages.info(request, _("Alle Mitglieder mit E-Mail-Adresse haben diese Einladung schon."))
    else:
        messages.success(request, _("Die Einladungen werden versandt."))
    return redirect(meeting.get_absolute_url())


@role_required(*CONTRIBUTORS)
@require_POST
def meeting_send_minutes(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    contributable(request, meeting.network)
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


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def meeting_delete(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    tasks, ideas = meeting.tasks.count(), meeting.ideas.count()
    consequences = []
    if tasks:
        consequences.append(
            ngettext(
                "Die Aufgabe dieses Treffens bleibt erhalten, ohne Bezug auf das Treffen.",
                "Die %(count)s Aufgaben dieses Treffens bleiben erhalten, ohne Bezug auf das Treffen.",
                tasks,
            )
            % {"count": tasks}
        )
    if ideas:
        consequences.append(
            ngettext(
                "Die Idee aus diesem Treffen bleibt erhalten, ohne Bezug auf das Treffen.",
                "Die %(count)s Ideen aus diesem Treffen bleiben erhalten, ohne Bezug auf das Treffen.",
                ideas,
            )
            % {"count": ideas}
        )
    return confirm_delete(
        request,
        meeting,
        title=_("Treffen löschen"),
        consequences=consequences,
        delete=lambda: meeting_actions.delete_meeting(meeting, request.user),
        back_url=meeting.get_absolute_url(),
        done_url=meeting.network.get_absolute_url(),
        done_message=_("Das Treffen ist gelöscht."),
    )
