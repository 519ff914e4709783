"""Figures for the municipality's start page: a bounded number of queries, whatever the data size."""

from teilhabe.concept.models import Measure
from teilhabe.directory.models import Contact, Organisation


def home_overview(municipality):
    return {
        "organisations": Organisation.objects.filter(municipality=municipality).count(),
        "contacts": Contact.objects.filter(municipality=municipality, erased_at__isnull=True).count(),
        "measures": Measure.objects.filter(municipality=municipality, concept__is_current=True).count(),
    }
