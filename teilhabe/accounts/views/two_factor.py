"""Two-factor pages: the code after the password, setting up an authenticator app, recovery codes."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from teilhabe.accounts import two_factor
from teilhabe.accounts.two_factor_middleware import SESSION_KEY


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@never_cache
@login_required
def verify(request):
    """The second step of the login: a code from the app, or one recovery code."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if two_factor.needed_step(request.user) != two_factor.VERIFY:
        return redirect(_next_url(request))  # no device (any more): the middleware decides what follows
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            request.session[SESSION_KEY] = [two_factor.NOTHING, 0]
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "Der Code stimmt nicht oder ist abgelaufen. Geben Sie den aktuellen Code aus Ihrer App ein oder einen Ihrer Wiederherstellungscodes. Nach mehreren Fehlversuchen müssen Sie kurz warten."
            ),
        )
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request, "")})


@never_cache
@login_required
def setup(request):
    """Set up an authenticator app: QR code (drawn here, no outside service), key, first code."""
    user = request.user
    if two_factor.has_two_factor(user) and not user.is_verified():
        return redirect("accounts:two_factor_verify")
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = two_factor.confirm(request, device, form.cleaned_data["code"])
        if confirmed:
            request.session[SESSION_KEY] = [two_factor.NOTHING, 0]
            ctx = {
                "codes": confirmed.recovery_codes,
                "next": _next_url(request, "accounts:profile"),
                "new": True,
            }
            return render(request, "accounts/two_factor_codes.html", ctx)
        form.add_error(
            "code", _("Der Code stimmt nicht. Bitte geben Sie den Code ein, den Ihre App gerade zeigt.")
        )
    ctx = {
        "form": form,
        "qr_svg": two_factor.qr_code_svg(device, _("QR-Code für Ihre Authenticator-App")),
        "secret": two_factor.secret_for_typing(device),
        "required": two_factor.is_required(user),
        "replacing": two_factor.has_two_factor(user),
        "next": _next_url(request, ""),
    }
    return render(request, "accounts/two_factor_setup.html", ctx)


@never_cache
@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown once."""
    if not (request.user.is_verified() and two_factor.has_two_factor(request.user)):
        return redirect("accounts:profile")
    codes = two_factor.new_recovery_codes(request.user)
    return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next": "accounts:profile"})


@login_required
@require_POST
def switch_off(request):
    user = request.user
    if two_factor.is_required(user):
        messages.error(request, _("Für Ihr Konto ist die Zwei-Faktor-Anmeldung vorgeschrieben."))
    elif user.is_verified():
        two_factor.switch_off(user)
        request.session[SESSION_KEY] = [two_factor.NOTHING, 0]
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
    return redirect("accounts:profile")
