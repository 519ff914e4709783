"""Small builders shared by the directory tests."""

import datetime

from django.urls import reverse

from teilhabe.directory.models import Contact, Organisation


def url(name, municipality, *args):
    return reverse(f"directory:{name}", args=[municipality.slug, *args])


def contact(organisation, name="Miriam Vogt", email="m.vogt@caritas.example", consent=True, **extra):
    values = {
        "municipality": organisation.municipality,
        "organisation": organisation,
        "name": name,
        "function": "Migrationsberatung",
        "email": email,
        "phone": "0851 123-45",
        "languages": ["de", "ru"],
    }
    if consent:
        values.update(
            consent_purpose="Einladungen zu Netzwerktreffen",
            consent_date=datetime.date(2024, 2, 27),
            consent_method=Contact.ConsentMethod.WRITTEN,
        )
    values.update(extra)
    return Contact.objects.create(**values)


def organisations(municipality, count, prefix="Verein"):
    return Organisation.objects.bulk_create(
        Organisation(
            municipality=municipality, kind="community", name=f"{prefix} {i:03d}", languages=["de", "tr"]
        )
        for i in range(count)
    )


def measure(municipality, lead=None, involved=(), number="1.1.1", title="Sprachcafé ausbauen"):
    from teilhabe.concept.models import Concept, FieldOfAction, Goal, Measure, Status

    concept, _ = Concept.objects.get_or_create(
        municipality=municipality, short_name="KIK", defaults={"title": "KIK"}
    )
    field, _ = FieldOfAction.objects.get_or_create(
        municipality=municipality, concept=concept, number=1, defaults={"title": "Sprache"}
    )
    goal, _ = Goal.objects.get_or_create(
        municipality=municipality, field_of_action=field, number="1.1", defaults={"title": "Deutsch lernen"}
    )
    status, _ = Status.objects.get_or_create(
        municipality=municipality, name="in Umsetzung", defaults={"colour": "#2f7fc1"}
    )
    m = Measure.objects.create(
        municipality=municipality, goal=goal, number=number, title=title, lead=lead, current_status=status
    )
    m.involved.set(involved)
    return m
