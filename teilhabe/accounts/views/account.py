from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from teilhabe import sections
from teilhabe.accounts import services, two_factor
from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.forms import (
    InviteForm,
    LoginForm,
    MembershipForm,
    NotificationForm,
    ProfileForm,
    has_access_somewhere,
)
from teilhabe.accounts.models import Membership, SingleSignOnIdentity
from teilhabe.accounts.roles import OFFICE, Role
from teilhabe.accounts.views.oidc import (
    login_page_context,
    member_list_sso_context,
    member_sso_context,
    oidc_context,
)
from teilhabe.municipalities.scoping import get_scoped_or_404


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # Read at request time, so switching single sign-on on or off needs no URL reload.
        return {**super().get_context_data(**kwargs), **login_page_context()}


def admin_login(request, extra_context=None):
    """The Django admin's login page: it sends everyone to the site's own login, so the admin has no
    second, unthrottled password form (and goes through two-factor authentication like every other page)."""
    if request.user.is_authenticated:
        # Logged in but not a superuser: the admin is not for them (a redirect to the login would loop).
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The link in an invitation: set a first password (Django's reset token), then go in directly."""

    template_name = "accounts/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        response = super().form_valid(form)
        if not has_access_somewhere(form.user):
            # Deactivated since the invitation went out: the password is kept, but no way in.
            logout(self.request)
            messages.error(
                self.request,
                _(
                    "Ihr Passwort ist gespeichert, aber Ihr Zugang ist derzeit in keiner Kommune freigeschaltet. Bitte wenden Sie sich an Ihr Integrationsamt."
                ),
            )
            return redirect("accounts:login")
        messages.success(self.request, _("Willkommen bei Teilhabe! Ihr Passwort ist gespeichert."))
        return response


@login_required
def profile(request):
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("municipality", "organisation")
        .order_by("-is_active", "municipality__name")
    )
    is_notifications = request.POST.get("aktion") == "benachrichtigungen"
    form = ProfileForm(
        request.POST if request.method == "POST" and not is_notifications else None, instance=request.user
    )
    notification_form = NotificationForm(
        request.POST if is_notifications else None,
        initial={"round_opened": request.user.notify_round_opened},
        prefix="benachrichtigung",
    )
    if is_notifications and notification_form.is_valid():
        services.set_notifications(request.user, round_opened=notification_form.cleaned_data["round_opened"])
        messages.success(request, _("Ihre Benachrichtigungen wurden gespeichert."))
        return redirect("accounts:profile")
    if request.method == "POST" and not is_notifications and form.is_valid():
        services.rename_user(request.user, form.cleaned_data["first_name"], form.cleaned_data["last_name"])
        messages.success(request, _("Ihr Name wurde gespeichert."))
        return redirect("accounts:profile")
    ctx = {
        "memberships": memberships,
        "form": form,
        "notification_form": notification_form,
        "two_factor_on": two_factor.has_two_factor(request.user),
        "two_factor_required": two_factor.is_required(request.user),
        "recovery_codes_left": two_factor.remaining_recovery_codes(request.user),
        **oidc_context(),
        # what higher apps add (the API's tokens, teilhabe/api)
        **sections.context("accounts.profile", request.user),
    }
    return render(request, "accounts/profile.html", ctx)


# User management of one municipality (office staff).

STATUS_FILTERS = {
    "aktiv": Q(is_active=True),
    "deaktiviert": Q(is_active=False),
    "eingeladen": Q(is_active=True)
    & (Q(awaiting_acceptance=True) | Q(user__last_login__isnull=True, user__password__startswith="!")),
}


@role_required(OFFICE)
def member_list(request):
    members = (
        Membership.objects.filter(municipality=request.municipality)
        .select_related("user", "organisation")
        .annotate(sso_bound=Exists(SingleSignOnIdentity.objects.filter(user=OuterRef("user"))))
    )
    query = request.GET.get("q", "").strip()
    role = request.GET.get("rolle", "")
    status = request.GET.get("status", "")
    if query:
        members = members.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(organisation__name__icontains=query)
        )
    if role in Role.values:
        members = members.filter(role=role)
    if status in STATUS_FILTERS:
        members = members.filter(STATUS_FILTERS[status])
    members = members.order_by("-is_active", "user__last_name", "user__first_name", "user__email")
    page = Paginator(members, 100).get_page(request.GET.get("seite"))
    ctx = {
        "page": page,
        "query": query,
        "role": role,
        "status": status,
        "roles": Role.choices,
        "statuses": [
            ("aktiv", _("aktiv")),
            ("eingeladen", _("eingeladen, noch nicht angenommen")),
            ("deaktiviert", _("deaktiviert")),
        ],
        **member_list_sso_context(request.municipality),
    }
    return render(request, "accounts/member_list.html", ctx)


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


@role_required(OFFICE)
def member_invite(request):
    form = InviteForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.invite_member(
            municipality=request.municipality,
            invited_by=request.user,
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            role=data["role"],
            organisation=data["organisation"],
            base_url=_base_url(request),
            language=data["language"],
        )
        # The same answer for every address: the office must not learn whether it has an account elsewhere.
        text = _(
            "Die Einladung an %(email)s ist verschickt. Der Zugang gilt, sobald die Person die Einladung angenommen hat."
        )
        messages.success(request, text % {"email": data["email"]})
        return redirect("members:list", request.municipality.slug)
    return render(request, "accounts/member_invite.html", {"form": form})


@role_required(OFFICE)
def member_edit(request, membership_id):
    membership = get_scoped_or_404(
        Membership.objects.select_related("user", "organisation", "invited_by", "municipality"),
        request,
        pk=membership_id,
    )
    form = MembershipForm(request.POST or None, instance=membership, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        services.change_membership(
            membership,
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            team={name: form.cleaned_data[name] for name in services.TEAM_FIELDS},
        )
        messages.success(request, _("Rolle und Organisation wurden gespeichert."))
        return redirect("members:list", request.municipality.slug)
    ctx = {
        "member": membership,
        "form": form,
        "is_self": membership.user_id == request.user.pk,
        **member_sso_context(membership),
    }
    return render(request, "accounts/member_edit.html", ctx)


def _member_action(request, membership_id, action, success_text):
    membership = get_scoped_or_404(Membership.objects.select_related("user"), request, pk=membership_id)
    try:
        action(membership)
    except services.MembershipRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success_text % {"name": membership.user})
    return redirect("members:list", request.municipality.slug)


@role_required(OFFICE)
@require_POST
def member_deactivate(request, membership_id):
    return _member_action(
        request,
        membership_id,
        lambda m: services.deactivate_membership(m, acting_user=request.user),
        _("Der Zugang von %(name)s zu dieser Kommune ist deaktiviert."),
    )


@role_required(OFFICE)
@require_POST
def member_reactivate(request, membership_id):
    return _member_action(
        request,
        membership_id,
        services.reactivate_membership,
        _("Der Zugang von %(name)s ist wieder aktiv."),
    )


@role_required(OFFICE)
@require_POST
def member_resend(request, membership_id):
    return _member_action(
        request,
        membership_id,
        lambda m: services.resend_invitation(m, _base_url(request), acting_user=request.user),
        _("Die Einladung an %(name)s wurde erneut gesendet."),
    )


@login_required
def invitations(request):
    """Memberships another municipality offered to this (existing) account: accept or decline each."""
    pending = services.pending_invitations(request.user)
    if request.method == "POST":
        membership = pending.filter(pk=request.POST.get("membership")).first()
        if membership is None:
            raise Http404
        if request.POST.get("answer") == "accept":
            services.accept_invitation(membership)
            messages.success(
                request,
                _("Sie haben jetzt Zugang zu %(municipality)s.") % {"municipality": membership.municipality},
            )
            return redirect("municipalities:home", membership.municipality.slug)
        services.decline_invitation(membership)
        messages.success(
            request,
            _("Sie haben die Einladung von %(municipality)s abgelehnt.")
            % {"municipality": membership.municipality},
        )
        return redirect("accounts:invitations")
    return render(request, "accounts/invitations.html", {"pending": pending})
