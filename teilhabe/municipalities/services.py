"""Figures for the municipality's start page: a bounded number of queries, whatever the data size."""

from django.apps import apps


def home_overview(municipality):
    Organisation = apps.get_model("directory", "Organisation")
    Contact = apps.get_model("directory", "Contact")
    Measure = apps.get_model("concept", "Measure")
    return {
        "organisations": Organisation.objects.filter(municipality=municipality).count(),
        "contacts": Contact.objects.filter(municipality=municipality, erased_at__isnull=True).count(),
        "measures": Measure.objects.filter(municipality=municipality, concept__is_current=True).count(),
    }


def update_municipality(municipality, values: dict):
    """The office changes the municipality's own details (name, office, logo, disclosure threshold, two-factor
    rule): one save the audit trail records field by field."""
    from teilhabe.actions import save_values

    return save_values(municipality, values)
