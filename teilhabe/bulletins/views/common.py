"""What the composition's views share: the permission rule, form errors from named actions, the form page."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import OFFICE
from teilhabe.networks.views import form_errors  # the one helper the programmes use too

__all__ = ["form_errors", "form_page", "is_office", "refuse_if_frozen"]


def is_office(request) -> bool:
    return role_of(request) == OFFICE


def form_page(request, form, title, cancel_url, **extra):
    return render(
        request, "bulletins/form.html", {"form": form, "title": title, "cancel_url": cancel_url, **extra}
    )


def refuse_if_frozen(request, issue):
    """A sent or frozen issue's edit pages send back to the issue, saying why (None when it is editable)."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.urls import reverse

    from teilhabe.bulletins.services.texts import ensure_editable

    try:
        ensure_editable(issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("bulletins:issue", args=[request.municipality.slug, issue.pk]))
    return None
