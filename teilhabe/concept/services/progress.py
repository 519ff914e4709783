"""The Umsetzungsstand: how many measures hold which status, overall and per field of action, the trend
across closed rounds, the focus of the year, overdue measures and measures without a report.

Every function runs a fixed number of queries, whatever the number of measures and rounds."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.concept.models import FieldOfAction, Focus, Measure, ReportingRound, Status, StatusReport

NO_STATUS_COLOUR = "#d5dbe2"


@dataclass
class Cell:
    key: str
    label: str
    colour: str
    count: int
    share: float  # 0..100


@dataclass
class Breakdown:
    label: str
    total: int
    cells: list = field(default_factory=list)
    started: int = 0
    implemented: int = 0
    field_of_action: FieldOfAction | None = None

    @property
    def share_started(self):
        return percent(self.started, self.total)

    @property
    def share_implemented(self):
        return percent(self.implemented, self.total)


def percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


@dataclass
class StatusOverview:
    columns: list  # (key, label, colour) in vocabulary order; "none" last if any measure lacks a status
    overall: Breakdown
    per_field: list


def status_overview(concept, measures=None):
    """Counts per status, overall and per field of action. Three queries."""
    statuses = list(Status.objects.filter(municipality_id=concept.municipality_id))
    fields = list(FieldOfAction.objects.filter(concept=concept).order_by("number"))
    measures = Measure.objects.filter(concept=concept) if measures is None else measures
    rows = measures.values_list("field_of_action_id", "current_status_id").annotate(n=Count("pk")).order_by()
    counts = {}
    for field_id, status_id, n in rows:
        counts.setdefault(field_id, {})
        counts[field_id][status_id] = counts[field_id].get(status_id, 0) + n
    by_status = {s.pk: s for s in statuses}
    columns = [(str(s.pk), s.name, s.colour) for s in statuses]
    if any(None in per_status for per_status in counts.values()):
        columns.append(("none", _("noch kein Status"), NO_STATUS_COLOUR))

    def breakdown(label, per_status, field_of_action=None):
        total = sum(per_status.values())
        result = Breakdown(label=label, total=total, field_of_action=field_of_action)
        for key, name, colour in columns:
            status_id = None if key == "none" else int(key)
            n = per_status.get(status_id, 0)
            result.cells.append(Cell(key, name, colour, n, percent(n, total)))
            status = by_status.get(status_id)
            if status is not None:
                result.started += n if status.counts_as_started else 0
                result.implemented += n if status.counts_as_implemented else 0
        return result

    overall_counts = {}
    for per_status in counts.values():
        for status_id, n in per_status.items():
            overall_counts[status_id] = overall_counts.get(status_id, 0) + n
    return StatusOverview(
        columns=columns,
        overall=breakdown(_("Alle Handlungsfelder"), overall_counts),
        per_field=[breakdown(str(f), counts.get(f.pk, {}), f) for f in fields],
    )


@dataclass
class TrendPoint:
    round: ReportingRound
    measures: int
    started: int
    implemented: int

    @property
    def share_started(self):
        return percent(self.started, self.measures)

    @property
    def share_implemented(self):
        return percent(self.implemented, self.measures)


def trend(concept):
    """Share of started / implemented measures per closed round, oldest first. Reads the summaries written
    when the rounds closed; rounds closed without one (e.g. loaded data) are counted from their accepted
    reports. At most three queries."""
    rounds = list(
        ReportingRound.objects.filter(concept=concept, closed_at__isnull=False).order_by("due_date", "pk")
    )
    missing = [r.pk for r in rounds if not r.summary]
    fallback = {}
    if missing:
        total = Measure.objects.filter(concept=concept).count()
        rows = (
            StatusReport.objects.filter(round_id__in=missing, state=StatusReport.State.ACCEPTED)
            .values("round_id")
            .annotate(
                started=Count("pk", filter=Q(status__counts_as_started=True)),
                implemented=Count("pk", filter=Q(status__counts_as_implemented=True)),
            )
            .order_by()
        )
        fallback = {row["round_id"]: (total, row["started"], row["implemented"]) for row in rows}
        for round_id in missing:
            fallback.setdefault(round_id, (total, 0, 0))
    points = []
    for a_round in rounds:
        if a_round.summary:
            s = a_round.summary
            points.append(
                TrendPoint(a_round, s.get("measures", 0), s.get("started", 0), s.get("implemented", 0))
            )
        else:
            points.append(TrendPoint(a_round, *fallback[a_round.pk]))
    return points


def current_focus(concept, year=None):
    """The focus of the given (default: this) year, else the latest before it, else the latest at all."""
    year = year or timezone.localdate().year
    foci = Focus.objects.filter(concept=concept).prefetch_related("fields_of_action")
    return foci.filter(year__lte=year).order_by("-year").first() or foci.order_by("-year").first()


def focus_measures(focus):
    """Measures of a focus: those tied to it directly and those of its fields of action."""
    return (
        Measure.objects.filter(concept_id=focus.concept_id)
        .filter(Q(foci=focus) | Q(field_of_action__foci=focus))
        .distinct()
    )


def overdue_measures(concept, today=None):
    """Measures whose end date has passed and that are not implemented (ongoing ones never are overdue)."""
    today = today or timezone.localdate()
    return (
        Measure.objects.filter(concept=concept, end__lt=today, ongoing=False)
        .exclude(current_status__counts_as_implemented=True)
        .select_related("lead", "current_status")
        .order_by("end", "sort_key")
    )


def last_closed_round(concept):
    return (
        ReportingRound.objects.filter(concept=concept, closed_at__isnull=False)
        .order_by("-due_date", "-pk")
        .first()
    )


def measures_without_report(concept, a_round):
    """Measures of the concept without an accepted report in the round."""
    reported = StatusReport.objects.filter(round=a_round, state=StatusReport.State.ACCEPTED).values(
        "measure_id"
    )
    return (
        Measure.objects.filter(concept=concept)
        .exclude(pk__in=reported)
        .select_related("lead", "current_status")
    )


@dataclass
class OpenRound:
    round: ReportingRound
    total: int
    counts: dict

    @property
    def handed_in(self):
        return sum(self.counts.get(state, 0) for state in StatusReport.HANDED_IN_STATES)

    @property
    def share_handed_in(self):
        return percent(self.handed_in, self.total)


def open_rounds(concept):
    """Open rounds with their report counts per state. Three queries."""
    rounds = list(ReportingRound.objects.filter(concept=concept, closed_at__isnull=True).order_by("due_date"))
    if not rounds:
        return []
    total = Measure.objects.filter(concept=concept).count()
    counts = {}
    rows = (
        StatusReport.objects.filter(round__in=rounds)
        .values_list("round_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for round_id, state, n in rows:
        counts.setdefault(round_id, {})[state] = n
    return [OpenRound(r, total, counts.get(r.pk, {})) for r in rounds]
