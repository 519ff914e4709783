"""Account pages that do not belong to one municipality: login, logout, password."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from teilhabe.accounts.forms import QueuedPasswordResetForm
from teilhabe.accounts.views import account as views
from teilhabe.accounts.views import oidc as oidc_views
from teilhabe.accounts.views import two_factor as views_two_factor

app_name = "accounts"
urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", oidc_views.LogoutView.as_view(), name="logout"),
    path(
        "passwort/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "passwort/vergessen/",
        auth_views.PasswordResetView.as_view(
            form_class=QueuedPasswordResetForm,
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "passwort/vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "passwort/neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "passwort/neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path(
        "einladung/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("profil/", views.profile, name="profile"),
    path("einladungen/", views.invitations, name="invitations"),
    path("zwei-faktor/", views_two_factor.verify, name="two_factor_verify"),
    path("zwei-faktor/einrichten/", views_two_factor.setup, name="two_factor_setup"),
    path("zwei-faktor/codes/", views_two_factor.recovery_codes, name="two_factor_codes"),
    path("zwei-faktor/ausschalten/", views_two_factor.switch_off, name="two_factor_off"),
    # Single sign-on (OpenID Connect): always routed, 404 unless settings.OIDC_ENABLED.
    path("sso/anmelden/", oidc_views.oidc_login, name="oidc_login"),
    path("sso/callback/", oidc_views.oidc_callback, name="oidc_callback"),
]
