"""Single sign-on pages: the start (redirect to the provider), the callback, the logout through the provider,
and the error page. The URLs always exist and answer 404 unless settings.OIDC_ENABLED, so tests can switch
single sign-on on with settings alone."""

import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session, generate_code_challenge
from mozilla_django_oidc.views import get_next_url

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.models import Membership, SingleSignOnIdentity
from teilhabe.accounts.oidc import BACKEND, InvitedUserOIDCBackend
from teilhabe.accounts.oidc_accounts import Refused, mapping_for, unbind
from teilhabe.accounts.oidc_config import (
    SignOnError,
    cached_provider_config,
    post_logout_redirect_uri,
    provider_config,
    redirect_uri,
    setting,
)
from teilhabe.accounts.roles import OFFICE, Role
from teilhabe.municipalities.scoping import get_scoped_or_404

logger = logging.getLogger(__name__)

# What the person reads on the error page, by SignOnError.code. The cause is in the log, with the reference.
ERROR_TEXTS = {
    "unreachable": gettext_lazy(
        "Teilhabe erreicht den Anmeldedienst %(provider)s gerade nicht. Bitte versuchen Sie es in einigen Minuten erneut oder melden Sie sich mit E-Mail-Adresse und Passwort an."
    ),
    "client_rejected": gettext_lazy(
        "%(provider)s hat Teilhabe abgewiesen: Die Zugangsdaten, mit denen sich Teilhabe beim Anmeldedienst ausweist, stimmen nicht (zum Beispiel ein abgelaufenes Client-Secret). Bitte melden Sie das Ihrer IT."
    ),
    "provider_error": gettext_lazy(
        "%(provider)s hat die Anmeldung mit einem Fehler beendet. Bitte versuchen Sie es erneut; wenn es wieder nicht klappt, melden Sie das Ihrer IT."
    ),
    "bad_signature": gettext_lazy(
        "Die Anmeldebestätigung von %(provider)s trägt keine gültige Signatur. Teilhabe hat sie deshalb nicht angenommen. Bitte melden Sie das Ihrer IT."
    ),
    "invalid_token": gettext_lazy(
        "Die Anmeldebestätigung von %(provider)s ist ungültig. Bitte starten Sie die Anmeldung erneut; wenn es wieder nicht klappt, melden Sie das Ihrer IT."
    ),
    "expired": gettext_lazy(
        "Die Anmeldebestätigung von %(provider)s ist bereits abgelaufen. Meist gehen die Uhren von Teilhabe und Anmeldedienst unterschiedlich. Bitte melden Sie das Ihrer IT."
    ),
    "not_yet_valid": gettext_lazy(
        "Die Anmeldebestätigung von %(provider)s ist noch nicht gültig. Meist gehen die Uhren von Teilhabe und Anmeldedienst unterschiedlich. Bitte melden Sie das Ihrer IT."
    ),
    "wrong_issuer": gettext_lazy(
        "Die Anmeldebestätigung stammt nicht von dem Anmeldedienst, dem Teilhabe vertraut. Teilhabe hat sie deshalb nicht angenommen. Bitte melden Sie das Ihrer IT."
    ),
    "wrong_audience": gettext_lazy(
        "Die Anmeldebestätigung von %(provider)s ist für eine andere Anwendung ausgestellt, nicht für Teilhabe. Bitte melden Sie das Ihrer IT."
    ),
    "state": gettext_lazy(
        "Diese Anmeldung ist abgelaufen oder wurde in einem anderen Browserfenster begonnen. Bitte starten Sie sie erneut."
    ),
    "configuration": gettext_lazy(
        "Die Anmeldung mit %(provider)s ist in Teilhabe nicht vollständig eingerichtet. Bitte melden Sie das Ihrer IT."
    ),
}

# What the person reads on the login page when the provider vouched for them but Teilhabe lets them not in.
REFUSAL_TEXTS = {
    "no_account": gettext_lazy(
        "Für Ihre E-Mail-Adresse gibt es keinen freigeschalteten Zugang zu Teilhabe. Bitte wenden Sie sich an Ihr Integrationsamt: Es lädt Sie ein, danach können Sie sich mit %(provider)s anmelden."
    ),
    "unverified_email": gettext_lazy(
        "%(provider)s hat keine bestätigte E-Mail-Adresse übermittelt. Bitte wenden Sie sich an Ihre IT."
    ),
    "address_reused": gettext_lazy(
        "Ihre E-Mail-Adresse gehört in Teilhabe zu einem Konto, das mit einem anderen Konto bei %(provider)s verbunden ist. Zum Schutz dieses Kontos ist die Anmeldung gesperrt, bis Ihr Integrationsamt die Verbindung prüft und löst."
    ),
    "superuser": gettext_lazy(
        "Administrationskonten melden sich nicht mit %(provider)s an, sondern mit E-Mail-Adresse, Passwort und zweitem Faktor."
    ),
}


def provider_name() -> str:
    return getattr(settings, "OIDC_PROVIDER_NAME", "") or _("Single Sign-on")


def oidc_context() -> dict:
    return {"oidc_enabled": settings.OIDC_ENABLED, "oidc_provider_name": provider_name()}


def login_page_context() -> dict:
    """For the login page: the button, and the shared-PC note when the provider cannot log out."""
    context = oidc_context()
    if settings.OIDC_ENABLED:
        config = cached_provider_config()
        context["oidc_logout_at_provider"] = bool(config and config.end_session_endpoint)
    return context


def _require_oidc():
    if not settings.OIDC_ENABLED:
        raise Http404


def error_page(request, error: SignOnError):
    """The German (or English) page for a provider, network or token error, with a reference to quote."""
    reference = "SSO-" + secrets.token_hex(3).upper()
    logger.warning("Single sign-on failed [%s] %s: %s", reference, error.code, error.cause)
    text = ERROR_TEXTS.get(error.code, ERROR_TEXTS["provider_error"]) % {"provider": provider_name()}
    status = 502 if error.code in ("unreachable", "client_rejected", "provider_error") else 400
    ctx = {"text": text, "reference": reference, "code": error.code, **oidc_context()}
    return render(request, "accounts/sso_error.html", ctx, status=status)


@require_GET
def oidc_login(request):
    """Start: remember state, nonce and PKCE verifier in the session, then off to the provider."""
    _require_oidc()
    try:
        config = provider_config()
    except SignOnError as error:
        return error_page(request, error)
    state = get_random_string(32)
    params = {
        "response_type": "code",
        "scope": setting("OIDC_RP_SCOPES", "openid email profile") or "openid",
        "client_id": setting("OIDC_RP_CLIENT_ID", ""),
        "redirect_uri": redirect_uri(),
        "state": state,
    }
    if setting("OIDC_USE_NONCE", True):
        params["nonce"] = get_random_string(32)
    code_verifier = None
    if setting("OIDC_USE_PKCE", True):
        code_verifier = get_random_string(64)
        params["code_challenge"] = generate_code_challenge(code_verifier, "S256")
        params["code_challenge_method"] = "S256"
    params.update(setting("OIDC_AUTH_REQUEST_EXTRA_PARAMS", {}) or {})
    add_state_and_verifier_and_nonce_to_session(request, state, params, code_verifier)
    request.session["oidc_login_next"] = get_next_url(request, "next")
    separator = "&" if "?" in config.authorization_endpoint else "?"
    return HttpResponseRedirect(config.authorization_endpoint + separator + urlencode(params))


@require_GET
def oidc_callback(request):
    """The provider's redirect back: check state, exchange the code, check the token, log in."""
    _require_oidc()
    states = request.session.get("oidc_states") or {}
    state = request.GET.get("state", "")
    pending = states.pop(state, None) if state else None
    if pending is not None:  # a state works once
        request.session["oidc_states"] = states
        request.session.save()
    if request.GET.get("error"):
        cause = "the provider answered error=%r %r" % (
            request.GET.get("error"),
            request.GET.get("error_description", ""),
        )
        return error_page(request, SignOnError("provider_error", cause))
    if pending is None or not request.GET.get("code"):
        return error_page(request, SignOnError("state", "callback without a code or with an unknown state"))
    try:
        user = InvitedUserOIDCBackend().authenticate(
            request,
            code=request.GET["code"],
            nonce=pending.get("nonce"),
            code_verifier=pending.get("code_verifier"),
        )
    except SignOnError as error:
        return error_page(request, error)
    except Refused as refusal:
        logger.info("Single sign-on refused (%s): %s", refusal.reason, refusal.detail)
        if request.user.is_authenticated:
            auth.logout(request)
        messages.error(request, REFUSAL_TEXTS[refusal.reason] % {"provider": provider_name()})
        return redirect("accounts:login")
    next_url = request.session.get("oidc_login_next")
    auth.login(request, user, backend=BACKEND)
    # Kept for the logout at the provider (id_token_hint); the session is server-side.
    request.session["oidc_id_token"] = request.oidc_id_token
    return HttpResponseRedirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


class LogoutView(auth_views.LogoutView):
    """Log out of Teilhabe, and of the provider too when the session came from single sign-on and the
    provider has an end_session_endpoint (RP-initiated logout): on a shared PC the next person must not find
    the previous one still signed in at the provider."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        if not (id_token and settings.OIDC_ENABLED):
            return response
        config = cached_provider_config()
        if config is None or not config.end_session_endpoint:
            return response
        params = {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": post_logout_redirect_uri(),
            "client_id": setting("OIDC_RP_CLIENT_ID", ""),
        }
        separator = "&" if "?" in config.end_session_endpoint else "?"
        return HttpResponseRedirect(config.end_session_endpoint + separator + urlencode(params))


# The office's view of single sign-on: which accounts are bound, and unbinding one.


def member_sso_context(membership) -> dict:
    """For the member page: the account's bindings to the provider."""
    return {
        "oidc_enabled": settings.OIDC_ENABLED,
        "oidc_provider_name": provider_name(),
        "sso_identities": list(SingleSignOnIdentity.objects.filter(user_id=membership.user_id)),
    }


def member_list_sso_context(municipality) -> dict:
    """For the member list: whether roles come from the provider, and from which claim values."""
    if not settings.OIDC_ENABLED:
        return {}
    rules = mapping_for(municipality)
    return {
        "oidc_provider_name": provider_name(),
        "sso_roles_claim": setting("OIDC_ROLES_CLAIM", "") if rules else "",
        "sso_role_rules": [(Role(rule.role).label, rule.values) for rule in rules],
    }


@role_required(OFFICE)
@require_POST
def member_sso_unbind(request, membership_id):
    membership = get_scoped_or_404(Membership.objects.select_related("user"), request, pk=membership_id)
    if unbind(membership.user):
        messages.success(
            request,
            _(
                "Die Verbindung von %(name)s zu %(provider)s ist gelöst. Bei der nächsten Anmeldung mit %(provider)s wird das Konto wieder über die bestätigte E-Mail-Adresse zugeordnet."
            )
            % {"name": membership.user, "provider": provider_name()},
        )
    return redirect("members:edit", request.municipality.slug, membership.pk)
