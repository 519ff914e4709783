"""Django's admin, for superusers only (the system administration of an installation): who may enter, and
the users with their memberships."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from teilhabe.accounts.models import Membership, User


def _superusers_only(request):
    # is_verified: the second factor (the middleware asks for it first; this holds even without it).
    return request.user.is_active and request.user.is_superuser and request.user.is_verified()


def _login(request, extra_context=None):
    # The accounts views (with the single sign-on's libraries) are imported on the first call, not with the
    # admin, which every process start loads (about 0.07 s of every `teilhabe factcheck`, issue 14).
    from teilhabe.accounts.views.account import admin_login

    return admin_login(request, extra_context)


admin.site.has_permission = _superusers_only
admin.site.login = _login  # one throttled login for every way in
admin.site.site_header = "Teilhabe – Systemverwaltung"


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["municipality"]
    raw_id_fields = ["organisation", "invited_by"]


@admin.register(User)
class TeilhabeUserAdmin(UserAdmin):
    inlines = [MembershipInline]
