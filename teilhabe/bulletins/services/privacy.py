"""Data subject rights for the people on distribution lists, beside the directory's (contacts) and the
registrations' (people who registered): the office finds one address, downloads everything held about it as
JSON (Auskunft, Art. 15 DSGVO) or erases it (Art. 17): the subscriber, the subscriptions and the consent
records go; the send records keep only that a mail went out, not to whom; the audit trail is scrubbed.

A directory contact's erasure (directory/privacy.py) erases the subscriber linked to it too: the directory
sends `contact_erased`, which `erase_for_contact` receives (the directory never imports the bulletins)."""

import json

from auditlog.models import LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.audit.services import log_event, scrub_entries
from teilhabe.bulletins.models import SendRecord, Subscriber
from teilhabe.bulletins.services.subscribing import normalise

REDACTED = "[gelöscht]"


def find(municipality, address: str) -> Subscriber | None:
    address = normalise(address)
    if not address:
        return None
    return Subscriber.objects.filter(municipality=municipality, email=address).first()


def subscriber_data(subscriber: Subscriber) -> dict:
    subscriptions = subscriber.subscriptions.select_related("distribution_list__bulletin").order_by("pk")
    consents = subscriber.consents.select_related("distribution_list__bulletin").order_by("at", "pk")
    records = subscriber.send_records.select_related("sending__issue__bulletin").order_by("at", "pk")
    return {
        "art_der_auskunft": _("Auskunft nach Art. 15 DSGVO"),
        "erstellt_am": timezone.localtime().isoformat(timespec="seconds"),
        "kommune": subscriber.municipality.name,
        "empfaenger": {
            "e_mail": subscriber.email,
            "name": subscriber.name,
            "ansprechperson_im_adressbuch": subscriber.contact_id,
            "themen": [t.name for t in subscriber.topics.all()],
            "unzustellbar_gezaehlt": subscriber.bounce_count,
            "letzte_rueckmeldung": subscriber.last_bounce,
            "gesperrt_seit": subscriber.suspended_at,
            "erfasst_am": subscriber.created_at,
        },
        "verteiler": [
            {
                "verteiler": str(s.distribution_list),
                "stand": s.get_state_display(),
                "herkunft": s.get_source_display(),
                "bestaetigt_am": s.confirmed_at,
                "abgemeldet_am": s.unsubscribed_at,
            }
            for s in subscriptions
        ],
        "einwilligungen": [
            {
                "zeitpunkt": c.at,
                "verteiler": str(c.distribution_list) if c.distribution_list else "",
                "vorgang": c.get_event_display(),
                "weg": c.get_method_display(),
                "wortlaut": c.text,
                "formular": c.form,
                "rechtsgrundlage": c.legal_basis,
            }
            for c in consents
        ],
        "versand": [
            {"ausgabe": str(r.sending.issue), "stand": r.get_state_display(), "zeitpunkt": r.at}
            for r in records
        ],
    }


def export_subscriber(subscriber: Subscriber, actor) -> bytes:
    data = json.dumps(subscriber_data(subscriber), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    log_event(subscriber, LogEntry.Action.ACCESS, _("Auskunft (JSON) heruntergeladen"), actor)
    return data.encode("utf-8")


@transaction.atomic
def erase_subscriber(subscriber: Subscriber, actor) -> None:
    """Erase the person: subscriber, subscriptions and consent records deleted, send records anonymised,
    the audit trail scrubbed of the address and the name."""
    secrets = [subscriber.email, subscriber.name]
    for record in SendRecord.objects.filter(subscriber=subscriber):
        SendRecord.objects.filter(pk=record.pk).update(
            subscriber=None, address=f"{REDACTED} #{record.pk}", message_id="", reply=""
        )
    subscriber.email = f"{REDACTED} #{subscriber.pk}"
    subscriber.name = ""
    scrub_entries(subscriber, Subscriber.PERSONAL_FIELDS, REDACTED, secrets)
    log_event(subscriber, LogEntry.Action.DELETE, _("Personendaten gelöscht"), actor)
    subscriber.delete()


def erase_for_contact(sender, contact, actor=None, **kwargs) -> None:
    for subscriber in Subscriber.objects.filter(contact=contact):
        erase_subscriber(subscriber, actor)
