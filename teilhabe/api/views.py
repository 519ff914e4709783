"""Making and revoking API tokens (the forms sit on the profile page, accounts.profile)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe.api import tokens
from teilhabe.api.forms import TokenForm
from teilhabe.api.models import ApiToken


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("accounts:profile")
    token, key = tokens.create_token(
        request.user, form.cleaned_data["municipality"], form.cleaned_data["name"]
    )
    # The key is shown in this answer only (never stored, never in a message or the session).
    # (logged-in answers are never stored: teilhabe/headers.py sends no-store)
    return render(request, "api/token_created.html", {"token": token, "key": key})


@login_required
@require_POST
def token_revoke(request, token_id):
    token = ApiToken.objects.filter(user=request.user, pk=token_id).first()
    if token is None:
        raise Http404
    tokens.revoke_token(token)
    messages.success(request, _("Der API-Schlüssel „%(name)s“ wurde widerrufen.") % {"name": token.name})
    return redirect("accounts:profile")
