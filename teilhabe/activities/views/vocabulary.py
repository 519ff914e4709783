"""The municipality's places and target groups: lists, create and edit (the office; everyone reads the
activity pages that use them). Saved through services/vocabulary.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import OFFICE
from teilhabe.activities.forms import TargetGroupForm, VenueForm
from teilhabe.activities.models import TargetGroup, Venue
from teilhabe.activities.services import vocabulary
from teilhabe.activities.views.pages import _form_errors
from teilhabe.municipalities.scoping import get_scoped_or_404


@role_required(OFFICE)
@require_safe
def venue_list(request):
    venues = Venue.objects.for_municipality(request.municipality).annotate(used=Count("activities"))
    return render(request, "activities/venue_list.html", {"venues": venues})


def _venue_form(request, venue):
    initial = {name: getattr(venue, name) for name in vocabulary.VENUE_FIELDS} if venue else None
    form = VenueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            vocabulary.save_venue(request.municipality, request.user, form.cleaned_data, venue=venue)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Der Ort ist gespeichert."))
            return redirect("activities:venue_list", request.municipality.slug)
    return render(request, "activities/venue_form.html", {"form": form, "venue": venue})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def venue_create(request):
    return _venue_form(request, None)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def venue_edit(request, venue_id):
    return _venue_form(request, get_scoped_or_404(Venue, request, pk=venue_id))


@role_required(OFFICE)
@require_safe
def target_group_list(request):
    groups = TargetGroup.objects.for_municipality(request.municipality).annotate(used=Count("activities"))
    return render(request, "activities/target_group_list.html", {"groups": groups})


def _group_form(request, group):
    form = TargetGroupForm(request.POST or None, initial={"name": group.name} if group else None)
    if request.method == "POST" and form.is_valid():
        try:
            vocabulary.save_target_group(request.municipality, request.user, form.cleaned_data["name"], group)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Zielgruppe ist gespeichert."))
            return redirect("activities:target_group_list", request.municipality.slug)
    return render(request, "activities/target_group_form.html", {"form": form, "group": group})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def target_group_create(request):
    return _group_form(request, None)


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def target_group_edit(request, target_group_id):
    return _group_form(request, get_scoped_or_404(TargetGroup, request, pk=target_group_id))
