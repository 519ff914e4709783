"""Demo data: two leaflets. "Angebote für neu zugewanderte Frauen" (A4, from the demo's activities, up to date)
and "Beratungsstellen auf einen Blick" (A5 folded, from the demo's counselling services and two contacts),
whose Stand lies six weeks back, before its organisations changed: the list shows it as outdated.

The demo directory has no published details; the counselling services get example addresses and phone numbers
marked public here, and the two contacts agree to be printed (through the directory's named actions).
Idempotent: a leaflet that exists (by title) is left as it is."""

import datetime

from django.utils import timezone

from teilhabe.activities.models import Activity
from teilhabe.bulletins.models import Leaflet
from teilhabe.bulletins.services.leaflets import save_leaflet
from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.services import update_contact, update_organisation

WOMEN_ACTIVITIES = [
    "Connected Women – Teilhabe von neu zugewanderten Frauen",
    "Sprachcafé mit dem Ukrainischen Verein",
    "Informationsnachmittag für internationale Pflegekräfte",
    "Info-Veranstaltung zu Pflegeberufen",
    "Jobbörse für Geflüchtete",
]
WOMEN_ORGANISATIONS = ["Sozialdienst muslimischer Frauen e.V.", "Pro Familia e.V."]

# name: (address, phone, website)
COUNSELLING = {
    "Amt für Integration": ("Rathausplatz 1, 87435 Musterstadt", "0831 2525-100", ""),
    "Caritasverband Musterstadt": ("Haslacher Straße 2, 87435 Musterstadt", "0831 5404-0", "https://caritas-musterstadt.example"),
    "Diakonie Musterstadt": ("Salzstraße 8, 87435 Musterstadt", "0831 5405-22", "https://diakonie-musterstadt.example"),
    "Jobcenter Musterstadt": ("Bahnhofstraße 55, 87435 Musterstadt", "0831 2065-0", ""),
    "Beratungszentrum Pflege und Demenz": ("Bodmanstraße 3, 87435 Musterstadt", "0831 2525-300", ""),
    "Sozialdienst muslimischer Frauen e.V.": ("Memminger Straße 12, 87439 Musterstadt", "0831 9609-11", ""),
    "Pro Familia e.V.": ("Kronenstraße 6, 87435 Musterstadt", "0831 1337-0", "https://profamilia-musterstadt.example"),
}  # fmt: skip
COUNSELLING_CONTACTS = ["Miriam Vogt", "Sarah Becker"]


def load(municipality):
    existing = set(Leaflet.objects.for_municipality(municipality).values_list("title", flat=True))
    organisations = _publish_counselling(municipality)
    if "Angebote für neu zugewanderte Frauen" not in existing:
        save_leaflet(
            municipality,
            None,
            {
                "title": "Angebote für neu zugewanderte Frauen",
                "language": "de",
                "format": Leaflet.Format.A4,
                "intro": "Sie sind neu in Musterstadt? Hier finden Sie Treffpunkte, Sprachangebote und Beratung "
                "– viele davon mehrsprachig und kostenlos.",
                "activities": list(
                    Activity.objects.for_municipality(municipality).filter(title__in=WOMEN_ACTIVITIES)
                ),
                "organisations": [
                    organisations[name] for name in WOMEN_ORGANISATIONS if name in organisations
                ],
                "contacts": [],
                "show_pictures": True,
            },
        )
    if "Beratungsstellen auf einen Blick" not in existing:
        leaflet = save_leaflet(
            municipality,
            None,
            {
                "title": "Beratungsstellen auf einen Blick",
                "language": "de",
                "format": Leaflet.Format.A5_FOLDED,
                "intro": "Wo Sie in Musterstadt Rat und Hilfe bekommen: zu Aufenthalt, Arbeit, Familie und Pflege.",
                "activities": [],
                "organisations": list(organisations.values()),
                "contacts": list(
                    Contact.objects.for_municipality(municipality).filter(name__in=COUNSELLING_CONTACTS)
                ),
                "show_pictures": False,
            },
        )
        # Printed six weeks ago; the organisations' details were entered since: the list says "veraltet".
        Leaflet.objects.filter(pk=leaflet.pk).update(stand_at=timezone.now() - datetime.timedelta(weeks=6))


def _publish_counselling(municipality):
    found = {
        o.name: o for o in Organisation.objects.for_municipality(municipality).filter(name__in=COUNSELLING)
    }
    for name, organisation in found.items():
        if organisation.public_fields:
            continue
        address, phone, website = COUNSELLING[name]
        public = ["address", "phone", "languages"] + (["website"] if website else [])
        update_organisation(
            organisation,
            {
                "address": organisation.address or address,
                "phone": organisation.phone or phone,
                "website": organisation.website or website,
                "public_fields": public,
            },
        )
    for contact in Contact.objects.for_municipality(municipality).filter(name__in=COUNSELLING_CONTACTS):
        if not contact.public_fields and contact.has_consent:
            update_contact(
                contact,
                {
                    "consent_purpose": contact.consent_purpose
                    + "; Abdruck auf Flyern (Name, Funktion, E-Mail)",
                    "public_fields": ["name", "function", "email"],
                },
            )
    return found
