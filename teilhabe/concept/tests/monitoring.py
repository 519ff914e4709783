"""Helpers for the monitoring tests (dashboard, rounds, lists): build a concept of any size quickly."""

import datetime

from django.utils import timezone

from teilhabe.concept import models as m
from teilhabe.concept.services import reporting
from teilhabe.directory.models import Organisation


def statuses(municipality):
    m.ensure_default_statuses(municipality)
    return {s.name: s for s in m.Status.objects.filter(municipality=municipality)}


def build_concept(municipality, *, fields=2, goals=2, measures=3, leads=(), involved=(), title="KIK"):
    """A concept with fields x goals x measures; leads and involved are cycled over the measures."""
    concept = m.Concept.objects.create(
        municipality=municipality, title="Integrationskonzept " + title, short_name=title
    )
    statuses(municipality)
    created = []
    for f in range(1, fields + 1):
        field = m.FieldOfAction.objects.create(
            municipality=municipality, concept=concept, number=f, title=f"Handlungsfeld {f}"
        )
        for g in range(1, goals + 1):
            goal = m.Goal.objects.create(
                municipality=municipality, field_of_action=field, number=f"{f}.{g}", title=f"Ziel {f}.{g}"
            )
            for n in range(1, measures + 1):
                i = len(created)
                created.append(
                    m.Measure(
                        municipality=municipality,
                        concept=concept,
                        field_of_action=field,
                        goal=goal,
                        number=f"{f}.{g}.{n}",
                        sort_key=m.number_sort_key(f"{f}.{g}.{n}"),
                        title=f"Maßnahme {f}.{g}.{n}",
                        lead=leads[i % len(leads)] if leads else None,
                    )
                )
    m.Measure.objects.bulk_create(created)
    if involved:
        through = m.Measure.involved.through
        through.objects.bulk_create(
            through(measure_id=measure.pk, organisation_id=involved[i % len(involved)].pk)
            for i, measure in enumerate(m.Measure.objects.filter(concept=concept).order_by("sort_key"))
        )
    return concept


def organisations(municipality, count, kind=Organisation.Kind.DEPARTMENT, prefix="Amt"):
    return [
        Organisation.objects.create(municipality=municipality, kind=kind, name=f"{prefix} {i}")
        for i in range(count)
    ]


def accepted_round(concept, title, due_date, status_for, user=None, close=True):
    """A round in which every measure's report (status_for(measure) -> Status or None) is accepted."""
    a_round = reporting.open_round(concept, title, due_date, allow_past=True, notify=False)
    reports = []
    now = timezone.now()
    for measure in m.Measure.objects.filter(concept=concept):
        status = status_for(measure)
        if status is None:
            continue
        reports.append(
            m.StatusReport(
                municipality=concept.municipality,
                round=a_round,
                measure=measure,
                status=status,
                state=m.StatusReport.State.ACCEPTED,
                reported_at=now,
                reviewed_at=now,
            )
        )
    m.StatusReport.objects.bulk_create(reports)
    for measure in m.Measure.objects.filter(concept=concept):
        reporting.refresh_current_status(measure)
    if close:
        reporting.close_round(a_round, user)
    a_round.refresh_from_db()
    return a_round


def date(year, month, day):
    return datetime.date(year, month, day)
