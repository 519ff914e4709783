"""Data subject rights for contacts: Auskunft (everything held about one person, as JSON) and erasure.

Erasure keeps the row and its links (an organisation still "had a contact"), but removes every personal value,
from the contact and from the audit trail. Both actions are themselves recorded in the audit trail.
"""

import json

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import describe_entries, entries_for_object, log_event, scrub_entries
from teilhabe.directory.models import Contact
from teilhabe.directory.signals import contact_erased

REDACTED = "[gelöscht]"


def contact_data(contact: Contact) -> dict:
    """Everything held about one contact: its fields, its organisation and the audit entries about it."""
    entries = describe_entries(list(entries_for_object(contact)))
    return {
        "art_der_auskunft": _("Auskunft nach Art. 15 DSGVO"),
        "erstellt_am": timezone.localtime().isoformat(timespec="seconds"),
        "kommune": contact.municipality.name,
        "ansprechperson": {
            "id": contact.pk,
            "name": contact.name,
            "funktion": contact.function,
            "e_mail": contact.email,
            "telefon": contact.phone,
            "sprachen": contact.languages,
            "sprachen_namen": contact.language_names(),
            "einwilligung": {
                "zweck": contact.consent_purpose,
                "datum": contact.consent_date,
                "art": contact.get_consent_method_display() if contact.consent_method else "",
                "widerrufen": contact.consent_withdrawn,
                "gueltig": contact.has_consent,
            },
            "personendaten_geloescht_am": contact.erased_at,
        },
        "organisation": {
            "id": contact.organisation_id,
            "name": contact.organisation.name,
            "art": contact.organisation.get_kind_display(),
        },
        "verlauf": [
            {
                "zeitpunkt": item.timestamp,
                "aktion": item.event or item.action,
                "von": item.actor,
                "aenderungen": [{"feld": c.label, "vorher": c.old, "nachher": c.new} for c in item.changes],
            }
            for item in entries
        ],
    }


def export_contact(contact: Contact, actor) -> bytes:
    """The Auskunft as a JSON document; the download is recorded in the contact's history."""
    data = json.dumps(contact_data(contact), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    log_event(contact, LogEntry.Action.ACCESS, _("Auskunft (JSON) heruntergeladen"), actor)
    return data.encode("utf-8")


@transaction.atomic
def erase_contact(contact: Contact, actor) -> Contact:
    """Remove the personal data of `contact`, keep the row anonymous, scrub the audit trail."""
    secrets = [contact.email, contact.phone, contact.name]
    changed = [name for name in Contact.PERSONAL_FIELDS if getattr(contact, name)]
    contact.name = _("Gelöschte Person #%(id)s") % {"id": contact.pk}
    contact.function = ""
    contact.email = ""
    contact.phone = ""
    contact.languages = []
    contact.consent_purpose = ""
    contact.public_fields = []
    contact.erased_at = timezone.now()
    with disable_auditlog():  # the ordinary diff would write the old values into the trail once more
        contact.save()
    scrub_entries(contact, Contact.PERSONAL_FIELDS, REDACTED, secrets)
    entry = log_event(contact, LogEntry.Action.UPDATE, _("Personendaten gelöscht (anonymisiert)"), actor)
    changes = {name: [REDACTED, _display_new(contact, name)] for name in changed}
    changes["erased_at"] = ["None", contact.erased_at.isoformat()]
    LogEntry.objects.filter(pk=entry.pk).update(changes=changes)
    contact_erased.send(sender=Contact, contact=contact, actor=actor)
    return contact


@transaction.atomic
def delete_contact(contact: Contact, actor) -> None:
    """Delete a contact without leaving its personal data in the audit trail: erase first, then delete."""
    erase_contact(contact, actor)
    contact.delete()


def _display_new(contact, name):
    value = getattr(contact, name)
    return json.dumps(value) if isinstance(value, list) else str(value or "")


@transaction.atomic
def withdraw_consent(contact: Contact) -> Contact:
    """The person withdrew consent: their data may no longer be used (the office should then erase it)."""
    contact.consent_withdrawn = True
    contact.save(update_fields=["consent_withdrawn"])
    return contact
