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
    """The concept's open round (a concept has at most one)."""
    a_concept = concept(municipality)
    existing = m.ReportingRound.objects.filter(concept=a_concept, closed_at__isnull=True).first()
    return existing or m.ReportingRound.objects.create(
        municipality=municipality,
        concept=a_concept,
        title=f"Runde {municipality.slug}",
        due_date=datetime.date(2030, 10, 31),
    )


def status_report(municipality):
    return m.StatusReport.objects.create(
        municipality=municipality,
        round=reporting_round(municipality),
        measure=measure(municipality),
        status=status(municipality),
        done=f"Bericht aus {municipality.slug}",
    )


def closed_round(municipality):
    """A closed round with one report, frozen as close_round() leaves it (its exports and pages have content).
    Created closed, beside the concept's open round."""
    from django.utils import timezone

    from teilhabe.concept.services import reporting

    a_measure = measure(municipality)
    a_round = m.ReportingRound.objects.create(
        municipality=municipality,
        concept=a_measure.concept,
        title=f"Abgeschlossene Runde {municipality.slug}",
        due_date=datetime.date(2030, 4, 30),
        closed_at=timezone.now(),
    )
    report = m.StatusReport(
        municipality=municipality,
        round=a_round,
        measure=a_measure,
        status=status(municipality),
        done=f"Bericht aus {municipality.slug}",
    )
    statuses = {s.pk: s for s in m.Status.objects.filter(municipality=municipality)}
    report.snapshot = reporting.report_snapshot(report, statuses)
    report.save(allow_closed=True)
    summary = reporting.round_summary(a_round, statuses)
    m.ReportingRound.objects.filter(pk=a_round.pk).update(summary=summary)
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
