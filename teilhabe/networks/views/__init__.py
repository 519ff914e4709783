"""Network pages (one module per part): networks and members with the public list (`networks.py`), meetings
with agenda and minutes, invitations and minutes by e-mail (`meetings.py`), tasks (`tasks.py`), ideas and their
list (`ideas.py`). The helpers here are shared with the programmes' pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.networks import permissions

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


def contributable(request, network):
    if not permissions.can_contribute(request, network):
        raise PermissionDenied
    return network


def confirm_delete(request, obj, *, title, consequences, delete, back_url, done_url, done_message):
    """GET: what deleting `obj` means, with a button; POST: `delete()` (the named action), then `done_url`."""
    if request.method == "POST":
        delete()
        messages.success(request, done_message)
        return redirect(done_url)
    ctx = {"title": title, "object": obj, "consequences": consequences, "back_url": back_url}
    return render(request, "networks/confirm_delete.html", ctx)
