"""Data subject rights for people who registered, beside the directory's for contacts (directory/privacy.py):
the office finds every registration of one e-mail address (or phone number), downloads them as JSON
(Auskunft, Art. 15 DSGVO) or erases them (anonymised, scrubbed from the audit trail)."""

import json

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import log_event, scrub_entries
from teilhabe.registrations.models import Registration

REDACTED = "[gelöscht]"


def find(municipality, address: str):
    address = (address or "").strip()
    if not address:
        return Registration.objects.none()
    return (
        Registration.objects.filter(municipality=municipality, anonymised_at=None)
        .filter(Q(email__iexact=address) | Q(phone=address))
        .select_related("activity", "activity_date")
        .order_by("created_at", "pk")
    )


def registration_data(registrations, municipality, address) -> dict:
    return {
        "art_der_auskunft": _("Auskunft nach Art. 15 DSGVO"),
        "erstellt_am": timezone.localtime().isoformat(timespec="seconds"),
        "kommune": municipality.name,
        "gesucht_nach": address,
        "anmeldungen": [
            {
                "id": r.pk,
                "aktivitaet": r.activity.title,
                "termin": r.event_day,
                "name": r.name,
                "e_mail": r.email,
                "telefon": r.phone,
                "sprache": r.language,
                "barrierefreiheit": r.accessibility_needs,
                "personen": r.people,
                "stand": r.get_status_display(),
                "teilgenommen": r.attended,
                "angemeldet_am": r.created_at,
                "nachgerueckt_am": r.moved_up_at,
                "abgemeldet_am": r.cancelled_at,
                "erinnert_am": r.reminded_at,
                "einwilligung": {"wortlaut": r.consent_text, "zeitpunkt": r.consented_at},
            }
            for r in registrations
        ],
    }


def export_registrations(municipality, address: str, actor) -> bytes:
    registrations = list(find(municipality, address))
    data = json.dumps(
        registration_data(registrations, municipality, address),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
    for registration in registrations:
        log_event(registration, LogEntry.Action.ACCESS, _("Auskunft (JSON) heruntergeladen"), actor)
    return data.encode("utf-8")


@transaction.atomic
def anonymise(registration, actor, reason="request") -> Registration:
    """Remove the person's values from the registration and from its audit trail; keep the row."""
    secrets = [value for value in (registration.email, registration.phone, registration.name) if value]
    registration.name = _("Gelöschte Person #%(id)s") % {"id": registration.pk}
    registration.email = ""
    registration.phone = ""
    registration.accessibility_needs = ""
    registration.client_hash = ""
    registration.anonymised_at = timezone.now()
    with disable_auditlog():
        registration.save()
    scrub_entries(registration, Registration.PERSONAL_FIELDS, REDACTED, secrets)
    message = (
        _("Personendaten nach Ablauf der Aufbewahrungsfrist gelöscht")
        if reason == "retention"
        else _("Personendaten gelöscht (anonymisiert)")
    )
    log_event(registration, LogEntry.Action.UPDATE, message, actor)
    return registration


@transaction.atomic
def erase_registrations(municipality, address: str, actor) -> int:
    registrations = list(find(municipality, address))
    for registration in registrations:
        anonymise(registration, actor)
    return len(registrations)
