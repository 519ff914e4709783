"""Data for the API tests: a published concept, unpublished and internal things with markers that must never
appear publicly, a small count, personal data, and another municipality's data."""

import datetime as dt

from django.utils import timezone

from teilhabe.activities.models import Activity, ActivityPartner
from teilhabe.activities.services.dates import sync_dates
from teilhabe.concept import models as cm
from teilhabe.directory.models import Contact, Organisation
from teilhabe.registrations.models import Registration
from teilhabe.statistics.models import FactCheck, Indicator

#: Strings no public answer may contain.
SECRETS = (
    "GEHEIME-MASSNAHME",
    "INTERNER-BERICHT",
    "Erika Geheimkontakt",
    "erika.geheim@example.org",
    "Max Teilnehmer",
    "max.teilnehmer@example.org",
    "IDEE-INTERN",
    "NICHT-OEFFENTLICH",
    "ENTWURF-KONZEPT",
)


def concept_for(municipality, *, public=True, title=None):
    cm.ensure_default_statuses(municipality)
    concept = cm.Concept.objects.create(
        municipality=municipality,
        title=title or f"Integrationskonzept {municipality.name}",
        short_name="KIK",
        public=public,
    )
    field = cm.FieldOfAction.objects.create(
        municipality=municipality, concept=concept, number=1, title=f"Sprache {municipality.name}"
    )
    goal = cm.Goal.objects.create(
        municipality=municipality, field_of_action=field, number="1.1", title="Ziel"
    )
    return concept, field, goal


def status(municipality, name):
    return cm.Status.objects.get(municipality=municipality, name=name)


def published_world(municipality, other_municipality):
    """Everything the tests read; returns a dict of the objects."""
    concept, field, goal = concept_for(municipality)
    lead = Organisation.objects.create(
        municipality=municipality, kind=Organisation.Kind.DEPARTMENT, name="Kulturamt"
    )
    Contact.objects.create(
        municipality=municipality,
        organisation=lead,
        name="Erika Geheimkontakt",
        email="erika.geheim@example.org",
    )
    done = cm.Measure.objects.create(
        municipality=municipality,
        goal=goal,
        number="1.1.1",
        title="Sprachcafé",
        lead=lead,
        current_status=status(municipality, "umgesetzt"),
    )
    cm.Measure.objects.create(
        municipality=municipality, goal=goal, number="1.1.2", title="GEHEIME-MASSNAHME", public=False
    )
    # A report still in the open round: its status and text are not published.
    a_round = cm.ReportingRound.objects.create(
        municipality=municipality, concept=concept, title="Runde offen", due_date=dt.date(2030, 1, 1)
    )
    cm.StatusReport.objects.create(
        municipality=municipality,
        round=a_round,
        measure=done,
        status=status(municipality, "zurückgestellt"),
        done="INTERNER-BERICHT",
        state=cm.StatusReport.State.SUBMITTED,
    )
    # Another municipality: a published concept of its own, and an unpublished one elsewhere.
    concept_for(other_municipality, title="Konzept Anderstadt")
    # Faktencheck with a small count (1 EU foreigner): suppressed publicly.
    date = dt.date(2023, 12, 31)
    fact = FactCheck.objects.create(
        municipality=municipality, reference_date=date, source="statistics_office"
    )
    headline = {
        "residents": 1000,
        "migration_background": 300,
        "foreigners": 100,
        "foreigners_eu": 1,
        "foreigners_third_country": 99,
    }
    for key, value in headline.items():
        Indicator.objects.create(
            municipality=municipality, fact_check=fact, reference_date=date, indicator=key, value=value
        )
    # Activities: one public upcoming, one internal, one idea.
    soon = timezone.localdate() + dt.timedelta(days=10)
    public = Activity.objects.create(
        municipality=municipality, title="Sprachcafé im Mai", public=True, state="planned", starts_on=soon
    )
    ActivityPartner.objects.create(municipality=municipality, activity=public, organisation=lead)
    hidden = Activity.objects.create(
        municipality=municipality, title="NICHT-OEFFENTLICH", public=False, state="planned", starts_on=soon
    )
    idea = Activity.objects.create(
        municipality=municipality, title="IDEE-INTERN", public=True, state="idea", starts_on=soon
    )
    other = Activity.objects.create(
        municipality=other_municipality,
        title="Fest in Anderstadt",
        public=True,
        state="planned",
        starts_on=soon,
    )
    for activity in (public, hidden, idea, other):
        sync_dates(activity)
    Registration.objects.create(
        municipality=municipality,
        activity=public,
        name="Max Teilnehmer",
        email="max.teilnehmer@example.org",
        consent_text="ja",
        consented_at=timezone.now(),
    )
    return {"concept": concept, "measure": done, "activity": public, "lead": lead}
