"""The public rows of the API and its CSV downloads, built from the apps' own public services: the concept's
publication rules (concept/services/publication.py), the Faktencheck's published tables with disclosure control
(statistics/tables.py, public=True), the public upcoming activities (activities' `public` flag, as the public
pages show them). Plain dicts in the shapes of schemas.py; each builder runs a fixed number of queries."""

import datetime as dt
import re
from decimal import Decimal

from django.urls import reverse

from teilhabe.activities.models import Activity
from teilhabe.activities.services import lists
from teilhabe.concept.services import publication
from teilhabe.municipalities.models import Municipality
from teilhabe.statistics import tables as fact_tables

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,60}\Z")
#: Public activity states (ideas never leave the office), as on the public activity pages.
SHOWN_STATES = (Activity.State.PLANNED, Activity.State.DONE, Activity.State.CANCELLED)
FACTCHECK_TABLES = ("comparison", "timeseries", "categories", "districts", "nationalities", "pyramid")


def municipalities(slug=None):
    """Every municipality, or the one of `slug` (none for a slug that is not one)."""
    found = Municipality.objects.order_by("name")
    if slug is not None:
        found = found.filter(slug=slug) if SLUG.match(slug) else found.none()
    return found


def municipality_rows(slug=None):
    fields = ("slug", "name", "office_name", "office_address", "office_email", "office_phone", "office_hours")
    return [{f: getattr(m, f) for f in fields} for m in municipalities(slug)]


def _concepts(slug):
    concepts = publication.published_concepts().order_by("municipality__name")
    if slug is not None:
        concepts = concepts.filter(municipality__in=municipalities(slug))
    return list(concepts)


def concept_rows(slug=None):
    return [
        {
            "municipality": c.municipality.slug,
            "title": c.title,
            "short_name": c.short_name,
            "adopted_on": c.adopted_on,
            "period_start": c.period_start,
            "period_end": c.period_end,
            "description": c.description,
        }
        for c in _concepts(slug)
    ]


def _status_counts(breakdown):
    return [
        {"status": str(c.label), "colour": c.colour, "count": c.count, "share": c.share}
        for c in breakdown.cells
    ]


def _shares(breakdown):
    return {
        "measures": breakdown.total,
        "started": breakdown.started,
        "implemented": breakdown.implemented,
        "share_started": breakdown.share_started,
        "share_implemented": breakdown.share_implemented,
        "statuses": _status_counts(breakdown),
    }


def field_rows(slug=None):
    rows = []
    for concept in _concepts(slug):
        overview = publication.public_overview(concept)
        for breakdown in overview.per_field:
            f = breakdown.field_of_action
            rows.append(
                {
                    "municipality": concept.municipality.slug,
                    "number": f.number,
                    "title": f.title,
                    "description": f.description,
                    "colour": f.colour,
                    **_shares(breakdown),
                }
            )
    return rows


def progress_rows(slug=None):
    rows = []
    for concept in _concepts(slug):
        overall = publication.public_overview(concept).overall
        rows.append({"municipality": concept.municipality.slug, **_shares(overall)})
    return rows


def goal_rows(slug=None):
    rows = []
    for concept in _concepts(slug):
        for f in publication.published_fields(concept):
            for goal in f.public_goals:
                rows.append(
                    {
                        "municipality": concept.municipality.slug,
                        "field_of_action": f.number,
                        "number": goal.number,
                        "title": goal.title,
                        "description": goal.description,
                    }
                )
    return rows


def measure_row(m):
    status = m.current_status
    return {
        "municipality": m.municipality.slug,
        "field_of_action": m.field_of_action.number,
        "goal": m.goal.number,
        "number": m.number,
        "title": m.title,
        "description": m.description,
        "lead": m.lead.name if m.lead else None,
        "start": m.start,
        "end": m.end,
        "ongoing": m.ongoing,
        "timeframe": m.timeframe_note,
        "status": status.name if status else None,
        "progress": status.progress if status else None,
        "implemented": bool(status and status.counts_as_implemented),
    }


def measure_rows(slug=None, field_of_action=None):
    measures = publication.published_measures()
    if slug is not None:
        measures = measures.filter(municipality__in=municipalities(slug))
    if field_of_action is not None:
        measures = measures.filter(field_of_action__number=field_of_action)
    return [measure_row(m) for m in measures.order_by("municipality__name", "sort_key")]


def status_rows(slug=None):
    rows = []
    for concept in _concepts(slug):
        for s in publication.statuses(concept.municipality):
            rows.append(
                {
                    "municipality": concept.municipality.slug,
                    "name": s.name,
                    "colour": s.colour,
                    "order": s.order,
                    "progress": s.progress,
                    "counts_as_started": s.counts_as_started,
                    "counts_as_implemented": s.counts_as_implemented,
                }
            )
    return rows


def trend_rows(slug=None):
    rows = []
    for concept in _concepts(slug):
        for point in publication.public_trend(concept):
            rows.append(
                {
                    "municipality": concept.municipality.slug,
                    "round": point.round.title,
                    "due_date": point.round.due_date,
                    "measures": point.measures,
                    "started": point.started,
                    "implemented": point.implemented,
                    "share_started": point.share_started,
                    "share_implemented": point.share_implemented,
                }
            )
    return rows


# --- Faktencheck -------------------------------------------------------------------------------------


def factcheck_date_rows(slug=None):
    rows = []
    for m in municipalities(slug):
        rows += [{"municipality": m.slug, "reference_date": d} for d in fact_tables.available_dates(m)]
    return rows


def _parse_date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def factcheck_table(municipality, key: str, date=None):
    """A published Faktencheck table (disclosure control applied), or None without figures. `date` picks the
    reference date (default the latest; for the comparison, the second of the two compared)."""
    dates = fact_tables.available_dates(municipality)
    if not dates or key not in FACTCHECK_TABLES:
        return None
    chosen = _parse_date(date)
    chosen = chosen if chosen in dates else dates[-1]
    options = {"public": True, "threshold": municipality.publication_threshold}
    if key == "comparison":
        earlier = [d for d in dates if d < chosen]
        return fact_tables.comparison_table(municipality, [*earlier[-1:], chosen], **options)
    if key == "timeseries":
        return fact_tables.timeseries_table(municipality, dates=dates, **options)
    builder = {
        "categories": fact_tables.category_table,
        "districts": fact_tables.district_table,
        "nationalities": fact_tables.nationality_table,
        "pyramid": fact_tables.pyramid_table,
    }[key]
    return builder(municipality, chosen, **options)


def _cell(cell):
    if cell.hidden:  # suppressed: the mark only, never the value
        return {"text": cell.text, "value": None, "suppressed": True}
    value = cell.value
    if isinstance(value, Decimal):
        value = float(value)
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return {"text": cell.text, "value": value, "suppressed": False}


def factcheck_rows(municipality, table):
    return {
        "municipality": municipality.slug,
        "table": table.key,
        "title": str(table.title),
        "caption": str(table.caption),
        "header": [str(h) for h in table.header],
        "rows": [[_cell(c) for c in row] for row in table.rows],
    }


# --- activities --------------------------------------------------------------------------------------


def activity_row(a):
    return {
        "municipality": a.municipality.slug,
        "id": a.pk,
        "title": a.title,
        "kind": a.kind,
        "state": a.state,
        "summary": a.summary,
        "description": a.description,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "start_time": a.start_time,
        "end_time": a.end_time,
        "first_on": a.first_on,
        "last_on": a.last_on,
        "recurrence": a.recurrence,
        "venue": a.venue.name if a.venue else None,
        "venue_address": a.venue.address if a.venue else None,
        "languages": list(a.languages or []),
        "target_groups": [t.name for t in a.target_groups.all()],
        "partners": [{"organisation": p.organisation.name, "role": p.role} for p in a.partners.all()],
        "url": reverse("events:detail", args=[a.municipality.slug, a.pk]) if a.public else "",
    }


def public_activities(slug=None):
    activities = Activity.objects.filter(public=True, state__in=SHOWN_STATES)
    if slug is not None:
        activities = activities.filter(municipality__in=municipalities(slug))
    return lists.with_rows(lists.upcoming(activities).select_related("municipality")).order_by(
        "first_on", "start_time", "title", "pk"
    )


def activity_rows(slug=None):
    return [activity_row(a) for a in public_activities(slug)]
