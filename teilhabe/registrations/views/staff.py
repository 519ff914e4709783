"""Staff pages of registrations: an activity's settings and participant list with attendance, its exports
(XLSX, PDF sign-in sheet), the municipality's rules, and the privacy search by e-mail address. Participant
data is for the office and the activity's organisers only (activities.permissions.can_edit)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from teilhabe.accounts.decorators import role_required
from teilhabe.accounts.roles import DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.activities import permissions
from teilhabe.activities.models import Activity
from teilhabe.activities.views.pages import _form_errors
from teilhabe.downloads import download_name
from teilhabe.municipalities.scoping import get_scoped_or_404
from teilhabe.registrations.forms import PolicyForm, PrivacySearchForm, SettingsForm
from teilhabe.registrations.models import (
    Registration,
    RegistrationPolicy,
    consent_default,
    settings_of,
)
from teilhabe.registrations.services import exports, privacy, registering, setup

ORGANISERS = (OFFICE, DEPARTMENT_EDITOR, PARTNER_EDITOR)


def _organised(request, activity_id):
    activity = get_scoped_or_404(Activity.objects.select_related("venue"), request, pk=activity_id)
    if not permissions.can_edit(request, activity):
        raise PermissionDenied
    return activity


@role_required(*ORGANISERS)
@require_safe
def participant_list(request, activity_id):
    activity = _organised(request, activity_id)
    settings_row = settings_of(activity)
    rows = exports.participants(activity)
    confirmed = [r for r in rows if r.status == Registration.Status.CONFIRMED]
    ctx = {
        "activity": activity,
        "settings_row": settings_row,
        "confirmed": confirmed,
        "waiting": [r for r in rows if r.status == Registration.Status.WAITING],
        "cancelled": [r for r in rows if r.status == Registration.Status.CANCELLED],
        "people": sum(r.people for r in confirmed),
    }
    return render(request, "registrations/participants.html", ctx)


@role_required(*ORGANISERS)
@require_POST
def attendance(request, activity_id):
    activity = _organised(request, activity_id)
    values = {}
    for registration in Registration.objects.filter(activity=activity, status=Registration.Status.CONFIRMED):
        answer = request.POST.get(f"attended-{registration.pk}", "")
        values[registration.pk] = {"ja": True, "nein": False}.get(answer)
    registering.mark_attendance(activity, request.user, values)
    messages.success(request, _("Die Teilnahme ist gespeichert."))
    return redirect("registrations:participants", request.municipality.slug, activity.pk)


@role_required(*ORGANISERS)
@require_POST
def cancel_registration(request, registration_id):
    """Staff cancel for someone who phoned or wrote (the freed seat goes to the waiting list)."""
    registration = get_scoped_or_404(Registration, request, pk=registration_id)
    activity = _organised(request, registration.activity_id)
    registering.cancel(registration, request.user)
    messages.success(request, _("%(name)s ist abgemeldet.") % {"name": registration.name})
    return redirect("registrations:participants", request.municipality.slug, activity.pk)


@role_required(*ORGANISERS)
@require_http_methods(["GET", "POST"])
def settings_edit(request, activity_id):
    activity = _organised(request, activity_id)
    current = settings_of(activity)
    if current is not None:
        initial = {name: getattr(current, name) for name in setup.SETTING_FIELDS}
        if current.closes_at:
            initial["closes_at"] = timezone.localtime(current.closes_at)
    else:
        initial = {"max_people": 5, "consent_text": consent_default(request.municipality)}
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            setup.save_registration_settings(activity, request.user, form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Einstellungen zur Anmeldung sind gespeichert."))
            return redirect("registrations:participants", request.municipality.slug, activity.pk)
    return render(request, "registrations/settings_form.html", {"form": form, "activity": activity})


@role_required(*ORGANISERS)
@require_safe
def export_xlsx(request, activity_id):
    activity = _organised(request, activity_id)
    response = HttpResponse(
        exports.export_xlsx(activity),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = download_name(pgettext("Dateiname", "Teilnehmende"), activity.pk, timezone.localdate(), ext="xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*ORGANISERS)
@require_safe
def sign_in_sheet(request, activity_id):
    activity = _organised(request, activity_id)
    activity_date = None
    if request.GET.get("termin"):
        activity_date = activity.dates.filter(pk=request.GET["termin"]).first()
    response = HttpResponse(exports.sign_in_pdf(activity, activity_date), content_type="application/pdf")
    name = download_name(pgettext("Dateiname", "Anwesenheitsliste"), activity.pk, ext="pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def policy_edit(request):
    policy = RegistrationPolicy.objects.filter(municipality=request.municipality).first()
    initial = {
        "retention_days": policy.retention_days if policy else 90,
        "default_consent_text": policy.default_consent_text if policy else "",
    }
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            setup.save_policy(request.municipality, request.user, form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Die Regeln für Anmeldungen sind gespeichert."))
            return redirect("registrations:policy", request.municipality.slug)
    return render(request, "registrations/policy_form.html", {"form": form})


@role_required(OFFICE)
@require_http_methods(["GET", "POST"])
def privacy_search(request):
    """Find a person's registrations by e-mail address or phone; download them (POST) or erase them (POST)."""
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = PrivacySearchForm(data)
    found = None
    if form.is_valid():
        address = form.cleaned_data["adresse"]
        if request.method == "POST" and request.POST.get("action") == "export":
            body = privacy.export_registrations(request.municipality, address, request.user)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            name = download_name(
                pgettext("Dateiname", "Auskunft Anmeldungen"), timezone.localdate(), ext="json"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            response["Cache-Control"] = "private, no-store"
            return response
        if request.method == "POST" and request.POST.get("action") == "erase":
            count = privacy.erase_registrations(request.municipality, address, request.user)
            messages.success(request, _("%(count)s Anmeldungen sind anonymisiert.") % {"count": count})
            return redirect("registrations:privacy", request.municipality.slug)
        found = list(privacy.find(request.municipality, address))
    return render(request, "registrations/privacy.html", {"form": form, "found": found})
