"""The office (or an organiser) opens an activity for registration and sets its rules."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.registrations.models import RegistrationPolicy, RegistrationSettings

SETTING_FIELDS = ("is_open", "per_date", "capacity", "max_people", "closes_at", "consent_text")


@transaction.atomic
def save_registration_settings(activity, user, values: dict) -> RegistrationSettings:
    """Create or update the activity's registration settings from plain values; a capacity made larger moves
    people up from the waiting list (and tells them)."""
    from teilhabe.registrations.services.registering import fill_from_waiting_list

    settings_row = RegistrationSettings.objects.filter(activity=activity).first()
    if settings_row is None:
        settings_row = RegistrationSettings(municipality_id=activity.municipality_id, activity=activity)
    for name in SETTING_FIELDS:
        if name in values:
            setattr(settings_row, name, values[name])
    errors = {}
    if not (settings_row.consent_text or "").strip():
        errors["consent_text"] = _("Bitte den Einwilligungstext angeben, dem die Angemeldeten zustimmen.")
    if settings_row.is_open and not activity.first_on:
        errors["is_open"] = _("Eine Anmeldung braucht einen Termin der Aktivität.")
    if not settings_row.max_people:
        errors["max_people"] = _("Mindestens eine Person je Anmeldung.")
    if settings_row.per_date and not activity.recurrence:
        errors["per_date"] = _("Anmeldung je Termin gibt es nur bei Aktivitäten mit Wiederholung.")
    if errors:
        raise ValidationError(errors)
    settings_row.save()
    fill_from_waiting_list(activity, None, user)
    for activity_date in activity.dates.filter(registrations__status="waiting").distinct():
        fill_from_waiting_list(activity, activity_date, user)
    return settings_row


@transaction.atomic
def save_policy(municipality, user, values: dict) -> RegistrationPolicy:
    policy, _created = RegistrationPolicy.objects.get_or_create(municipality=municipality)
    for name in ("retention_days", "default_consent_text"):
        if name in values:
            setattr(policy, name, values[name])
    if not policy.retention_days or policy.retention_days < 1:
        raise ValidationError({"retention_days": _("Mindestens ein Tag.")})
    policy.save()
    return policy
