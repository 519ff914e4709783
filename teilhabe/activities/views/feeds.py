"""Calendar feeds (iCalendar, feeds.py): the public feed of a municipality's public upcoming activities
(filtered like the public list: language, target group, kind), and each staff member's personal feed of all
upcoming activities behind a secret address they can renew."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from teilhabe.accounts.decorators import member_required, public_view, secret_link_view
from teilhabe.activities import feeds
from teilhabe.activities.models import Activity, CalendarToken
from teilhabe.activities.public_filters import PublicFilterForm, filtered
from teilhabe.activities.services import lists
from teilhabe.activities.services.calendar_tokens import renew_token

PUBLIC_STATES = (Activity.State.PLANNED, Activity.State.CANCELLED)


def _calendar_response(body: bytes, filename: str, private: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    return response


def _with_dates(queryset):
    """What a VEVENT reads: the venue and the municipality (the dates come from the activity's own fields)."""
    return queryset.select_related("venue", "municipality")


@public_view
@require_safe
def public_feed(request):
    municipality = request.municipality
    form = PublicFilterForm(request.GET or None, municipality)
    filters = form.cleaned_data if form.is_valid() else {}
    activities = Activity.objects.for_municipality(municipality).filter(public=True, state__in=PUBLIC_STATES)
    activities = _with_dates(filtered(lists.upcoming(activities), filters)).order_by("first_on", "pk")

    def link(activity):
        return request.build_absolute_uri(reverse("events:detail", args=[municipality.slug, activity.pk]))

    name = _("%(office)s %(name)s: Aktivitäten") % {
        "office": municipality.office_name,
        "name": municipality.name,
    }
    return _calendar_response(feeds.activities_calendar(activities, name, link), f"{municipality.slug}.ics")


@secret_link_view
@require_safe
def personal_feed(request, feed_token):
    """Every upcoming activity (not only public ones, no ideas) for the member who holds the token."""
    token = (
        CalendarToken.objects.filter(municipality=request.municipality, token=feed_token)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_active:
        raise Http404
    from teilhabe.accounts.models import Membership

    if (
        not token.user.is_superuser
        and not Membership.objects.filter(
            user=token.user, municipality=request.municipality, is_active=True
        ).exists()
    ):
        raise Http404
    municipality = request.municipality
    activities = Activity.objects.for_municipality(municipality).exclude(state=Activity.State.IDEA)
    activities = _with_dates(lists.upcoming(activities)).order_by("first_on", "pk")

    def link(activity):
        return request.build_absolute_uri(activity.get_absolute_url())

    name = _("Teilhabe %(name)s: alle Aktivitäten") % {"name": municipality.name}
    return _calendar_response(
        feeds.activities_calendar(activities, name, link), "aktivitaeten.ics", private=True
    )


def _token_of(request):
    token = CalendarToken.objects.filter(municipality=request.municipality, user=request.user).first()
    return token


@member_required
@require_safe
def subscription(request):
    token = _token_of(request)
    url = None
    if token is not None:
        url = request.build_absolute_uri(
            reverse("activities:personal_feed", args=[request.municipality.slug, token.token])
        )
    public = request.build_absolute_uri(reverse("feeds:public", args=[request.municipality.slug]))
    return render(request, "activities/subscription.html", {"feed_url": url, "public_feed_url": public})


@member_required
@require_POST
def subscription_renew(request):
    renew_token(request.municipality, request.user)
    messages.success(request, _("Die neue Adresse ist bereit; die alte gilt nicht mehr."))
    return redirect("activities:subscription", request.municipality.slug)
