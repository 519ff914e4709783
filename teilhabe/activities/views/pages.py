"""Activity pages: upcoming and past lists with filters, month calendar, activity page, forms, files."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe import sections
from teilhabe.accounts.decorators import member_required, role_of, role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.activities import permissions
from teilhabe.activities.forms import (
    ActivityFilterForm,
    ActivityForm,
    AttachmentForm,
    PartnerForm,
    PictureForm,
    PictureUploadForm,
    StateForm,
)
from teilhabe.activities.models import (
    Activity,
    ActivityAttachment,
    ActivityPartner,
    ActivityPicture,
)
from teilhabe.activities.services import activities as actions
from teilhabe.activities.services import lists, uploads
from teilhabe.downloads import download_name
from teilhabe.media import MEDIA_HEADERS
from teilhabe.municipalities.scoping import get_scoped_or_404

PAGE_SIZE = 50
CREATORS = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR)


def _form_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


def _list(request, *, past: bool):
    municipality = request.municipality
    form = ActivityFilterForm(request.GET or None, municipality, lists.years(municipality))
    filters = form.cleaned_data if form.is_valid() else {}
    activities = Activity.objects.for_municipality(municipality)
    activities = lists.past(activities) if past else lists.upcoming(activities)
    activities = lists.filter_activities(activities, filters)
    order = ("-first_on", "title") if past else ("first_on", "start_time", "title")
    page = Paginator(lists.with_rows(activities.order_by(*order)), PAGE_SIZE).get_page(
        request.GET.get("seite")
    )
    query = request.GET.copy()
    query.pop("seite", None)
    ctx = {
        "form": form,
        "page": page,
        "past": past,
        "query": query.urlencode(),
        "is_filtered": bool(filters and any(v not in ("", None) for v in filters.values())),
        "can_create": permissions.can_create(request),
        "is_office": role_of(request) == OFFICE,
    }
    return render(request, "activities/list.html", ctx)


@member_required
@require_safe
def activity_list(request):
    return _list(request, past=False)


@member_required
@require_safe
def past_list(request):
    return _list(request, past=True)


@member_required
@require_safe
def month_calendar(request):
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("monat", "").split("-"))
        shown = datetime.date(year, month, 1)
    except ValueError:
        shown = today.replace(day=1)
    previous = (shown - datetime.timedelta(days=1)).replace(day=1)
    following = (shown + datetime.timedelta(days=32)).replace(day=1)
    ctx = {
        "month": shown,
        "weeks": lists.month_grid(request.municipality, shown.year, shown.month),
        "previous": previous,
        "following": following,
        "today": today,
    }
    return render(request, "activities/calendar.html", ctx)


@member_required
@require_safe
def activity_detail(request, activity_id):
    activity = get_scoped_or_404(
        Activity.objects.select_related("venue", "focus", "created_by").prefetch_related(
            Prefetch("partners", queryset=ActivityPartner.objects.select_related("organisation")),
            "target_groups",
            "state_changes__changed_by",
            "arose_from",
            "gave_rise_to",
        ),
        request,
        pk=activity_id,
    )
    today = timezone.localdate()
    dates = list(activity.dates.filter(date__gte=today)[:12]) or list(activity.dates.order_by("-date")[:12])
    groups = dict(Activity.GENDER_GROUPS + Activity.AGE_GROUPS)
    roles = list(ActivityPartner.Role.values)  # lead, partner, funder, host: the order the page lists them
    ctx = {
        "activity": activity,
        "partners": sorted(
            activity.partners.all(), key=lambda p: (roles.index(p.role), p.organisation.name.casefold())
        ),
        "can_edit": permissions.can_edit(request, activity),
        "measures": list(
            activity.measures.select_related("field_of_action", "current_status").order_by("sort_key")
        ),
        "dates": sorted(dates, key=lambda d: d.date),
        "date_count": activity.dates.count(),
        "pictures": list(activity.pictures.all()),
        "attachments": list(activity.attachments.all()),
        "groups": [
            (groups[key], value)
            for key, value in (activity.participants_by_group or {}).items()
            if key in groups
        ],
        "state_form": StateForm(activity=activity, initial={"reached_on": today}),
        **sections.context("activities.activity", activity),
    }
    return render(request, "activities/detail.html", ctx)


def _editable(request, activity_id):
    activity = get_scoped_or_404(Activity, request, pk=activity_id)
    if not permissions.can_edit(request, activity):
        raise PermissionDenied
    return activity


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def activity_create(request):
    if not permissions.can_create(request):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        organisation = None
        if permissions.acting_organisation_id(request):
            organisation = request.membership.organisation
        try:
            activity = actions.save_activity(
                request.municipality, request.user, form.values(), organisation=organisation
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Aktivität ist angelegt."))
            return redirect(activity.get_absolute_url())
    return render(request, "activities/form.html", {"form": form, "activity": None})


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def activity_edit(request, activity_id):
    activity = _editable(request, activity_id)
    form = ActivityForm(request.POST or None, municipality=request.municipality, activity=activity)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_activity(request.municipality, request.user, form.values(), activity=activity)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(activity.get_absolute_url())
    return render(request, "activities/form.html", {"form": form, "activity": activity})


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def activity_state(request, activity_id):
    activity = _editable(request, activity_id)
    form = StateForm(request.POST or None, activity=activity, initial={"reached_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_state(
                activity,
                form.cleaned_data["state"],
                request.user,
                reached_on=form.cleaned_data["reached_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Der Stand ist geändert."))
            return redirect(activity.get_absolute_url())
    return render(request, "activities/state_form.html", {"form": form, "activity": activity})


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def partner_add(request, activity_id):
    activity = _editable(request, activity_id)
    form = PartnerForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        actions.add_partner(
            activity, form.cleaned_data["organisation"], form.cleaned_data["role"], request.user
        )
        messages.success(request, _("Die Organisation ist eingetragen."))
        return redirect(activity.get_absolute_url())
    return render(request, "activities/partner_form.html", {"form": form, "activity": activity})


@role_required(*CREATORS)
@require_POST
def partner_remove(request, partner_id):
    partner = get_scoped_or_404(ActivityPartner.objects.select_related("activity"), request, pk=partner_id)
    activity = _editable(request, partner.activity_id)
    actions.remove_partner(partner, request.user)
    messages.success(request, _("Die Organisation ist ausgetragen."))
    return redirect(activity.get_absolute_url())


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def picture_add(request, activity_id):
    activity = _editable(request, activity_id)
    form = PictureUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            uploads.add_picture(
                activity,
                request.user,
                data["image"],
                credit=data["credit"],
                alt_text=data["alt_text"],
                shows_people=data["shows_people"],
                people_consent=data["people_consent"],
            )
        except ValidationError as error:
            form.add_error("image", error.messages)
        else:
            messages.success(request, _("Das Bild ist gespeichert."))
            return redirect(activity.get_absolute_url())
    return render(
        request, "activities/picture_form.html", {"form": form, "activity": activity, "picture": None}
    )


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def picture_edit(request, picture_id):
    picture = get_scoped_or_404(ActivityPicture, request, pk=picture_id)
    activity = _editable(request, picture.activity_id)
    initial = {
        name: getattr(picture, name)
        for name in ("credit", "alt_text", "shows_people", "people_consent", "public")
    }
    form = PictureForm(request.POST or None, initial=initial)
    if request.method == "POST" and "delete" in request.POST:
        uploads.delete_picture(picture, request.user)
        messages.success(request, _("Das Bild ist gelöscht."))
        return redirect(activity.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        try:
            uploads.update_picture(picture, request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Angaben zum Bild sind gespeichert."))
            return redirect(activity.get_absolute_url())
    return render(
        request, "activities/picture_form.html", {"form": form, "activity": activity, "picture": picture}
    )


def _file_response(file, content_type, filename, as_attachment):
    try:
        handle = file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type, as_attachment=as_attachment, filename=filename)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    response["Cache-Control"] = "private, no-store"
    return response


@member_required
@require_safe
def picture_file(request, picture_id):
    """The picture for members of the municipality (a public page would serve only shown_publicly ones)."""
    picture = get_scoped_or_404(ActivityPicture, request, pk=picture_id)
    size = request.GET.get("groesse", "klein")
    file = {"klein": picture.thumbnail, "gross": picture.large, "original": picture.image}.get(size)
    if not file:
        raise Http404
    extension = file.name.rsplit(".", 1)[-1]
    content_type = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}.get(extension)
    if content_type is None:
        raise Http404
    return _file_response(
        file,
        content_type,
        download_name(pgettext_lazy("Dateiname", "Bild"), picture.pk, ext=extension),
        as_attachment=False,
    )


@role_required(*CREATORS)
@require_http_methods(["GET", "POST"])
def attachment_add(request, activity_id):
    activity = _editable(request, activity_id)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            uploads.add_attachment(
                activity, request.user, data["file"], title=data["title"], public=data["public"]
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, _("Der Anhang ist gespeichert."))
            return redirect(activity.get_absolute_url())
    return render(request, "activities/attachment_form.html", {"form": form, "activity": activity})


@role_required(*CREATORS)
@require_POST
def attachment_delete(request, attachment_id):
    attachment = get_scoped_or_404(ActivityAttachment, request, pk=attachment_id)
    activity = _editable(request, attachment.activity_id)
    uploads.delete_attachment(attachment, request.user)
    messages.success(request, _("Der Anhang ist gelöscht."))
    return redirect(activity.get_absolute_url())


@member_required
@require_safe
def attachment_file(request, attachment_id):
    attachment = get_scoped_or_404(ActivityAttachment, request, pk=attachment_id)
    return _file_response(
        attachment.file,
        "application/pdf",
        download_name(pgettext_lazy("Dateiname", "Anhang"), attachment.pk, ext="pdf"),
        as_attachment=True,
    )
