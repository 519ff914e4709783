"""The sample leaflet of the site-wide walks: one public activity, one organisation with public fields and one
contact that agreed to be printed, all named after the municipality (so a leak shows)."""

import datetime

from teilhabe.bulletins.models import Leaflet
from teilhabe.bulletins.services.leaflets import save_leaflet
from teilhabe.directory.models import Contact, Organisation
from teilhabe.testing.samples import make_sample, unique


def leaflet(municipality):
    from teilhabe.activities.models import Activity

    organisation = Organisation.objects.create(
        municipality=municipality,
        kind="partner",
        name=unique(f"Beratungsstelle {municipality.slug}"),
        phone=f"0831 {municipality.pk}",
        public_fields=["phone"],
    )
    contact = Contact.objects.create(
        municipality=municipality,
        organisation=organisation,
        name=f"Kontakt {municipality.slug}",
        consent_purpose="Flyer",
        consent_date=datetime.date.today(),
        consent_method="written",
        public_fields=["name"],
    )
    return save_leaflet(
        municipality,
        None,
        {
            "title": f"Angebote {municipality.slug}",
            "language": "de",
            "format": Leaflet.Format.A4,
            "intro": f"Einleitung {municipality.slug}",
            "activities": [make_sample(Activity, municipality)],
            "organisations": [organisation],
            "contacts": [contact],
            "show_pictures": True,
        },
    )


def leaflet_print(municipality):
    """A frozen print of the sample leaflet (a real PDF: the walks read it)."""
    from teilhabe.bulletins.services.leaflets import create_print

    return create_print(leaflet(municipality), None)
