"""Registering, cancelling, the waiting list and attendance.

`register` is what the public form calls: it checks the rules (open, before the closing time, a date still
to come, consent given), the rate limits, and whether a seat is free; beyond the capacity the person joins
the waiting list. `cancel` (the link in the confirmation) frees the seats, and `fill_from_waiting_list`
moves the first in line up while their party fits, telling each by e-mail. Seats are counted in people.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.registrations import mails
from teilhabe.registrations.models import Registration, RegistrationSettings

#: At most this many registrations per e-mail address (or phone number) per hour, site-wide.
LIMIT_PER_ADDRESS = getattr(settings, "REGISTRATION_LIMIT_PER_ADDRESS", 5)
#: At most this many registrations from one network address per hour (a whole town hall shares one).
LIMIT_PER_CLIENT = getattr(settings, "REGISTRATION_LIMIT_PER_CLIENT", 30)
WINDOW = timedelta(hours=1)

Status = Registration.Status


class RateLimited(Exception):
    """Too many registrations from one address; the message is German for the page."""


@dataclass
class Outcome:
    registration: Registration
    waiting: bool
    again: bool  # the address had registered already: nothing new was saved


def client_hash(address: str | None) -> str:
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def _scope(activity, activity_date):
    rows = Registration.objects.filter(activity=activity)
    return rows.filter(activity_date=activity_date) if activity_date else rows.filter(activity_date=None)


def seats_taken(activity, activity_date=None) -> int:
    return (
        _scope(activity, activity_date).filter(status=Status.CONFIRMED).aggregate(n=Sum("people"))["n"] or 0
    )


def closed_reason(activity, settings_row, activity_date=None, now=None) -> str:
    """Why no registration is possible now ('' when it is)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if settings_row is None or not settings_row.is_open:
        return _("Für diese Aktivität ist keine Anmeldung möglich.")
    if activity.state == activity.State.CANCELLED:
        return _("Die Aktivität ist abgesagt.")
    if settings_row.closes_at and now >= settings_row.closes_at:
        return _("Der Anmeldeschluss ist vorbei.")
    if settings_row.per_date:
        if activity_date is None:
            return _("Bitte einen Termin wählen.")
        if activity_date.cancelled:
            return _("Dieser Termin fällt aus.")
        if activity_date.date < today:
            return _("Dieser Termin ist vorbei.")
    elif activity.first_on is None or (activity.last_on or activity.first_on) < today:
        return _("Die Aktivität ist vorbei.")
    return ""


def _check_values(values, settings_row):
    errors = {}
    if not (values.get("name") or "").strip():
        errors["name"] = _("Bitte einen Namen oder ein Pseudonym angeben.")
    if not (values.get("email") or "").strip() and not (values.get("phone") or "").strip():
        errors["email"] = _("Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.")
    people = values.get("people") or 1
    if people < 1 or people > settings_row.max_people:
        errors["people"] = _("Bitte 1 bis %(max)s Personen angeben.") % {"max": settings_row.max_people}
    if not values.get("consent"):
        errors["consent"] = _("Ohne Einwilligung können wir die Anmeldung nicht speichern.")
    if errors:
        raise ValidationError(errors)


def _check_rate(email, phone, client, now):
    recent = Registration.objects.filter(created_at__gte=now - WINDOW)
    if email and recent.filter(email__iexact=email).count() >= LIMIT_PER_ADDRESS:
        raise RateLimited(_("Von dieser Adresse kamen in der letzten Stunde zu viele Anmeldungen."))
    if phone and recent.filter(phone=phone).count() >= LIMIT_PER_ADDRESS:
        raise RateLimited(_("Von dieser Adresse kamen in der letzten Stunde zu viele Anmeldungen."))
    if client and recent.filter(client_hash=client).count() >= LIMIT_PER_CLIENT:
        raise RateLimited(_("Von Ihrem Anschluss kamen in der letzten Stunde zu viele Anmeldungen."))


def _lock_settings(activity):
    return RegistrationSettings.objects.select_for_update().filter(activity=activity).first()


@transaction.atomic
def register(activity, values: dict, *, activity_date=None, client_address=None, interface_language="de"):
    """Register one party for the activity (or one date of it) from plain values: name, email, phone,
    language, accessibility_needs, people, consent (bool). Returns an Outcome; raises ValidationError
    (German, by field) or RateLimited."""
    now = timezone.now()
    settings_row = _lock_settings(activity)
    if activity_date is not None and activity_date.activity_id != activity.pk:
        raise ValidationError({"activity_date": _("Der Termin gehört nicht zu dieser Aktivität.")})
    if settings_row is not None and not settings_row.per_date:
        activity_date = None
    reason = closed_reason(activity, settings_row, activity_date, now)
    if reason:
        raise ValidationError(reason)
    _check_values(values, settings_row)
    email = (values.get("email") or "").strip()
    phone = (values.get("phone") or "").strip()
    client = client_hash(client_address)
    _check_rate(email, phone, client, now)
    existing = _scope(activity, activity_date).exclude(status=Status.CANCELLED)
    existing = existing.filter(email__iexact=email) if email else existing.filter(phone=phone)
    registration = existing.first()
    if registration is not None:
        mails.registered(registration, again=True)
        return Outcome(registration, registration.status == Status.WAITING, again=True)
    people = values.get("people") or 1
    language = (values.get("language") or "de").strip()
    languages = dict(settings.LANGUAGES)
    registration = Registration(
        municipality_id=activity.municipality_id,
        activity=activity,
        activity_date=activity_date,
        name=values["name"].strip(),
        email=email,
        phone=phone,
        language=language,
        mail_language=language if language in languages else (interface_language or "de")[:2],
        accessibility_needs=(values.get("accessibility_needs") or "").strip(),
        people=people,
        consent_text=settings_row.consent_text,
        consented_at=now,
        client_hash=client,
    )
    if registration.mail_language not in languages:
        registration.mail_language = settings.LANGUAGE_CODE
    queue = _scope(activity, activity_date).filter(status=Status.WAITING).exists()
    fits = (
        settings_row.capacity is None
        or seats_taken(activity, activity_date) + people <= settings_row.capacity
    )
    registration.status = Status.CONFIRMED if fits and not queue else Status.WAITING
    registration.save()
    mails.registered(registration)
    return Outcome(registration, registration.status == Status.WAITING, again=False)


@transaction.atomic
def cancel(registration, user=None) -> Registration:
    """Cancel (from the link, or by staff); a freed seat goes to the waiting list."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        return registration
    was_confirmed = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save()
    if was_confirmed:
        fill_from_waiting_list(registration.activity, registration.activity_date, user)
    return registration


@transaction.atomic
def fill_from_waiting_list(activity, activity_date, user=None) -> list[Registration]:
    """Move people up in the order they registered while their party fits; the first who does not fit
    keeps the first place (nobody overtakes). Each one moved up is told by e-mail."""
    settings_row = _lock_settings(activity)
    if settings_row is None:
        return []
    waiting = list(_scope(activity, activity_date).filter(status=Status.WAITING).order_by("created_at", "pk"))
    if not waiting:
        return []
    free = (
        None
        if settings_row.capacity is None
        else settings_row.capacity - seats_taken(activity, activity_date)
    )
    moved = []
    for registration in waiting:
        if free is not None and registration.people > free:
            break
        registration.status = Status.CONFIRMED
        registration.moved_up_at = timezone.now()
        registration.save()
        if free is not None:
            free -= registration.people
        moved.append(registration)
        mails.moved_up(registration, user)
    return moved


@transaction.atomic
def mark_attendance(activity, user, attended: dict) -> int:
    """attended: {registration pk: True/False/None}; only the activity's own registrations change."""
    changed = 0
    for registration in Registration.objects.filter(activity=activity, pk__in=list(attended)):
        value = attended[registration.pk]
        if registration.attended != value:
            registration.attended = value
            registration.save()
            changed += 1
    return changed
