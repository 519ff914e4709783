"""The public activity pages: upcoming public activities, one activity with its registration form, the
thanks page and the cancellation link. Nothing personal is shown: no participants, no contacts, only
pictures the office released (credit and alt text given)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teilhabe.accounts.decorators import public_view, secret_link_view
from teilhabe.accounts.throttle import client_address
from teilhabe.activities.models import Activity, ActivityPartner, ActivityPicture
from teilhabe.activities.public_filters import PublicFilterForm, feed_query, filtered
from teilhabe.activities.services import lists
from teilhabe.activities.views.pages import _file_response, _form_errors
from teilhabe.downloads import download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.registrations.forms import HONEYPOT, RegistrationForm
from teilhabe.registrations.models import Registration, settings_of
from teilhabe.registrations.services import registering, tokens

PAGE_SIZE = 30
SHOWN_STATES = (Activity.State.PLANNED, Activity.State.DONE, Activity.State.CANCELLED)


def public_activities(municipality):
    return Activity.objects.for_municipality(municipality).filter(public=True, state__in=SHOWN_STATES)


@public_view
@require_safe
def activity_list(request):
    municipality = request.municipality
    form = PublicFilterForm(request.GET or None, municipality)
    filters = form.cleaned_data if form.is_valid() else {}
    activities = filtered(lists.upcoming(public_activities(municipality)), filters)
    activities = lists.with_rows(activities.select_related("registration_settings")).order_by(
        "first_on", "start_time", "title"
    )
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("seite"))
    query = feed_query(filters)
    feed = reverse("feeds:public", args=[municipality.slug]) + (f"?{query}" if query else "")
    ctx = {"form": form, "page": page, "feed_url": feed, "feed_absolute": request.build_absolute_uri(feed)}
    return render(request, "registrations/public/list.html", ctx)


def _public_activity(request, activity_id):
    return get_scoped_or_404(
        public_activities(request.municipality)
        .select_related("venue", "registration_settings")
        .prefetch_related(
            Prefetch("partners", queryset=ActivityPartner.objects.select_related("organisation")),
            "target_groups",
        ),
        request,
        pk=activity_id,
    )


@public_view
@require_http_methods(["GET", "POST"])
def activity_detail(request, activity_id):
    activity = _public_activity(request, activity_id)
    settings_row = settings_of(activity)
    today = timezone.localdate()
    dates = list(activity.dates.filter(date__gte=today)[:24])
    form = None
    reason = ""
    if settings_row is not None and settings_row.is_open:
        reason = registering.closed_reason(activity, settings_row, dates[0] if dates else None)
        if settings_row.per_date and reason == _("Bitte einen Termin wählen."):
            reason = ""
        if settings_row.per_date and not [d for d in dates if not d.cancelled]:
            reason = _("Es gibt keinen Termin mehr, für den man sich anmelden kann.")
        if not reason:
            form = RegistrationForm(
                request.POST or None, settings_row=settings_row, dates=dates, language=get_language()[:2]
            )
    if request.method == "POST":
        if form is None:
            messages.error(request, reason or _("Für diese Aktivität ist keine Anmeldung möglich."))
            return redirect("events:detail", request.municipality.slug, activity.pk)
        if request.POST.get(HONEYPOT):
            # A bot filled the field people never see: answer as if it worked, save nothing.
            return redirect("events:thanks", request.municipality.slug, activity.pk)
        if form.is_valid():
            activity_date = None
            if settings_row.per_date:
                activity_date = next((d for d in dates if d.pk == form.cleaned_data["activity_date"]), None)
            try:
                outcome = registering.register(
                    activity,
                    form.values(),
                    activity_date=activity_date,
                    client_address=client_address(request),
                    interface_language=get_language()[:2],
                )
            except registering.RateLimited as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                _form_errors(form, error)
            else:
                url = reverse("events:thanks", args=[request.municipality.slug, activity.pk])
                if outcome.registration.status == Registration.Status.WAITING and not outcome.again:
                    url += "?warteliste=1"
                if not outcome.registration.email:
                    url += ("&" if "?" in url else "?") + "telefon=1"
                return redirect(url)
    taken = None
    if settings_row is not None and settings_row.capacity and not settings_row.per_date:
        taken = registering.seats_taken(activity, None)
    ctx = {
        "activity": activity,
        "dates": dates,
        "pictures": [p for p in activity.pictures.all() if p.shown_publicly],
        "settings_row": settings_row,
        "form": form,
        "reason": reason,
        "full": taken is not None and taken >= settings_row.capacity,
        "honeypot": HONEYPOT,
    }
    return render(request, "registrations/public/detail.html", ctx)


@public_view
@require_safe
def thanks(request, activity_id):
    activity = _public_activity(request, activity_id)
    ctx = {
        "activity": activity,
        "waiting": request.GET.get("warteliste") == "1",
        "by_phone": request.GET.get("telefon") == "1",
    }
    return render(request, "registrations/public/thanks.html", ctx)


@secret_link_view
@require_http_methods(["GET", "POST"])
def cancel(request, cancel_token):
    """GET shows what will be cancelled and a button; only the POST cancels (mail scanners open links)."""
    pk = tokens.registration_pk(cancel_token)
    registration = None
    if pk is not None:
        registration = (
            Registration.objects.filter(municipality=request.municipality, pk=pk, anonymised_at=None)
            .select_related("activity", "activity_date")
            .first()
        )
    if registration is None:
        raise Http404
    if request.method == "POST" and registration.is_active:
        registering.cancel(registration)
        registration.refresh_from_db()
        messages.success(request, _("Sie sind abgemeldet. Danke, dass Sie Bescheid gegeben haben."))
        return redirect("events:cancel", request.municipality.slug, cancel_token)
    return render(request, "registrations/public/cancel.html", {"registration": registration})


@public_view
@require_safe
def picture_file(request, picture_id):
    """A picture the office released, of a public activity (the renditions only)."""
    picture = get_scoped_or_404(
        ActivityPicture.objects.filter(activity__public=True, activity__state__in=SHOWN_STATES),
        request,
        pk=picture_id,
    )
    if not picture.shown_publicly:
        raise Http404
    file = picture.large if request.GET.get("groesse") == "gross" else picture.thumbnail
    if not file:
        raise Http404
    extension = file.name.rsplit(".", 1)[-1]
    content_type = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}.get(extension)
    if content_type is None:
        raise Http404
    response = _file_response(
        file,
        content_type,
        download_name(pgettext_lazy("Dateiname", "Bild"), picture.pk, ext=extension),
        False,
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
