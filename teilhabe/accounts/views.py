from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import OFFICE


@login_required
def profile(request):
    memberships = Membership.objects.filter(user=request.user).select_related("municipality", "organisation")
    return render(request, "accounts/profile.html", {"memberships": memberships})


@role_required(OFFICE)
def member_list(request):
    members = (
        Membership.objects.filter(municipality=request.municipality)
        .select_related("user", "organisation")
        .order_by("role", "user__email")
    )
    return render(request, "accounts/member_list.html", {"members": members})
