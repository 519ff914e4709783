"""One saved sample object per concept model, for the site-wide tenant-isolation and role tests.

All samples of one municipality hang in the same concept, so a URL with several objects (a round and a
measure) gets objects that belong together. Names carry the municipality's slug (the isolation walk's marker).
"""

import datetime

from teilhabe.concept import models as m
from teilhabe.testing.samples import serial, unique


def concept(municipality):
    title = f"Konzept {municipality.slug}"
    existing = m.Concept.objects.for_municipality(municipality).filter(title=title).first()
    return existing or m.Concept.objects.create(municipality=municipality, title=title, short_name="K")


def field_of_action(municipality):
    return m.FieldOfAction.objects.create(
        municipality=municipality,
        concept=concept(municipality),
        number=serial(),
        title=f"Feld {municipality.slug}",
    )


def goal(municipality):
    return m.Goal.objects.create(
        municipality=municipality, field_of_action=field_of_action(municipality), number="1.1", title="Ziel"
    )


def measure(municipality):
    return m.Measure.objects.create(
        municipality=municipality,
        goal=goal(municipality),
        number=f"1.1.{serial()}",
        title=f"Maßnahme {municipality.slug}",
    )


def status(municipality):
    m.ensure_default_statuses(municipality)
    return m.Status.objects.filter(municipality=municipality).first()


def tag(municipality):
    return m.Tag.objects.create(municipality=municipality, name=unique(f"Schlagwort {municipality.slug}"))


def focus(municipality):
    return m.Focus.objects.create(
        municipality=municipality,
        concept=concept(municipality),
        year=2024,
        title=f"Schwerpunkt {municipality.slug}",
    )


def reporting_round(municipality):
    return m.ReportingRound.objects.create(
        municipality=municipality,
        concept=concept(municipality),
        title=f"Runde {municipality.slug}",
        due_date=datetime.date(2030, 10, 31),
    )


def status_report(municipality):
    a_measure = measure(municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=municipality,
        concept=a_measure.concept,
        title="Runde",
        due_date=datetime.date(2030, 10, 31),
    )
    return m.StatusReport.objects.create(
        municipality=municipality,
        round=a_round,
        measure=a_measure,
        status=status(municipality),
        done=f"Bericht aus {municipality.slug}",
    )


def closed_round(municipality):
    """A round with one report, closed: its exports and frozen pages have content."""
    from teilhabe.concept.services.reporting import close_round

    report = status_report(municipality)
    a_round = report.round
    a_round.title = f"Abgeschlossene Runde {municipality.slug}"
    a_round.save()
    close_round(a_round, None)
    a_round.refresh_from_db()
    return a_round


# model -> {variant name: factory}, besides the default sample
SAMPLE_VARIANTS = {m.ReportingRound: {"closed": closed_round}}

SAMPLE_FACTORIES = {
    m.Concept: concept,
    m.FieldOfAction: field_of_action,
    m.Goal: goal,
    m.Measure: measure,
    m.Status: status,
    m.Tag: tag,
    m.Focus: focus,
    m.ReportingRound: reporting_round,
    m.StatusReport: status_report,
}
