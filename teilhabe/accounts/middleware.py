"""Resolves /<municipality_slug>/... and checks access once, centrally, before any view runs."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from teilhabe.accounts.models import active_membership
from teilhabe.municipalities.models import Municipality


class MunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = None
        request.membership = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("municipality_slug", None)
        if slug is None:
            return None
        try:
            request.municipality = Municipality.objects.get(slug=slug)
        except Municipality.DoesNotExist:
            raise Http404 from None
        if getattr(view_func, "public_view", False):
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if user.is_superuser:
            return None
        request.membership = active_membership(user, request.municipality)
        if request.membership is None:
            # Same answer as for a missing object: no hint about another municipality's data.
            raise Http404
        allowed = getattr(view_func, "allowed_roles", None)
        if allowed is not None and request.membership.role not in allowed:
            raise PermissionDenied
        return None
