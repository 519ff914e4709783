"""User management of one municipality (office staff)."""

from django.urls import path

from teilhabe.accounts.views import account as views
from teilhabe.accounts.views import oidc as oidc_views

app_name = "members"
urlpatterns = [
    path("benutzer/", views.member_list, name="list"),
    path("benutzer/einladen/", views.member_invite, name="invite"),
    path("benutzer/<int:membership_id>/", views.member_edit, name="edit"),
    path("benutzer/<int:membership_id>/deaktivieren/", views.member_deactivate, name="deactivate"),
    path("benutzer/<int:membership_id>/reaktivieren/", views.member_reactivate, name="reactivate"),
    path("benutzer/<int:membership_id>/einladung-senden/", views.member_resend, name="resend"),
    path("benutzer/<int:membership_id>/sso-loesen/", oidc_views.member_sso_unbind, name="sso_unbind"),
]
