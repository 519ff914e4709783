"""Tasks of a network: created by who may contribute, edited and marked done by the office or the task's own organisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from teilhabe.accounts.decorators import role_required
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.networks import permissions
from teilhabe.networks.forms import (
    TaskForm,
)
from teilhabe.networks.models import Network, Task
from teilhabe.networks.services import tasks as task_actions
from teilhabe.networks.views import CONTRIBUTORS, contributable, form_errors, form_page


@role_required(*CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def task_create(request, network_id):
    network = contributable(request, get_scoped_or_404(Network, request, pk=network_id))
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
    task = get_scoped_or_404(
        Task.objects.select_related("network", "meeting", "assignee_contact"), request, pk=task_id
    )
    if not permissions.can_edit_task(request, task):
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
