"""What a round holds, counted once: each measure's row and state in a round (the office's view), and the
open items of one organisation (the editors' to-do list, the dashboard's note). States and their labels come
from StatusReport (State, MISSING, OPEN_STATES, HANDED_IN_STATES, state_label); pages only show these
counts."""

from dataclasses import dataclass, field

from teilhabe.concept.models import Measure, ReportingRound, StatusReport
from teilhabe.concept.services.access import measures_of_organisation

MISSING = StatusReport.MISSING


def report_status(report, a_round):
    """The status a report shows: a closed round's frozen snapshot, else the live status."""
    if report is None:
        return None
    frozen = (report.snapshot or {}).get("status") if a_round.is_closed else None
    if frozen:
        return {"name": frozen["name"], "colour": frozen["colour"]}
    return {"name": report.status.name, "colour": report.status.colour}


@dataclass
class RoundRows:
    rows: list  # dicts: measure, report, state, status
    counts: dict  # state -> count, every state of StatusReport.ALL_STATES
    state: str = ""  # the filter applied, "" for all

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def filters(self):
        """(state, label, count) for the filter tabs, in workflow order."""
        return [(s, StatusReport.state_label(s), self.counts[s]) for s in StatusReport.ALL_STATES]


def round_rows(a_round, state=""):
    """Every measure of the round's concept with its report and state, filtered to one state if given.
    Two queries."""
    measures = (
        Measure.objects.filter(concept_id=a_round.concept_id)
        .select_related("lead", "current_status")
        .order_by("sort_key")
    )
    reports = {
        r.measure_id: r
        for r in StatusReport.objects.filter(round=a_round).select_related("status", "reported_by")
    }
    state = state if state in StatusReport.ALL_STATES else ""
    counts = dict.fromkeys(StatusReport.ALL_STATES, 0)
    rows = []
    for measure in measures:
        report = reports.get(measure.pk)
        if report is not None:
            report.round = a_round
        row_state = report.state if report else MISSING
        counts[row_state] += 1
        if state and row_state != state:
            continue
        rows.append(
            {
                "measure": measure,
                "report": report,
                "state": row_state,
                "status": report_status(report, a_round),
            }
        )
    return RoundRows(rows, counts, state)


@dataclass
class OrganisationRound:
    round: ReportingRound
    items: list = field(default_factory=list)  # dicts: measure, report, state, is_lead

    @property
    def open_count(self):
        return sum(1 for item in self.items if item["state"] in StatusReport.OPEN_STATES)


def open_items(municipality, organisation, concept=None):
    """The organisation's measures in every open round (of one concept, if given), with each report's state.
    Four queries, whatever the number of rounds and measures."""
    if organisation is None:
        return []
    rounds = ReportingRound.objects.filter(municipality=municipality, closed_at__isnull=True)
    if concept is not None:
        rounds = rounds.filter(concept=concept)
    rounds = list(rounds.select_related("concept").order_by("due_date", "pk"))
    if not rounds:
        return []
    measures = list(
        measures_of_organisation(municipality, organisation)
        .filter(concept_id__in={r.concept_id for r in rounds})
        .select_related("current_status", "lead")
        .order_by("sort_key")
    )
    reports = {
        (r.round_id, r.measure_id): r
        for r in StatusReport.objects.filter(round__in=rounds, measure__in=measures).select_related("status")
    }
    result = []
    for a_round in rounds:
        section = OrganisationRound(a_round)
        for measure in measures:
            if measure.concept_id != a_round.concept_id:
                continue
            report = reports.get((a_round.pk, measure.pk))
            section.items.append(
                {
                    "measure": measure,
                    "report": report,
                    "state": report.state if report else MISSING,
                    "is_lead": measure.lead_id == organisation.pk,
                }
            )
        result.append(section)
    return result


def open_items_count(municipality, organisation, concept=None):
    return sum(section.open_count for section in open_items(municipality, organisation, concept))


def due_for_home(municipality, organisation, reviews: bool) -> dict:
    """What the start page says about status reports: for an editor's organisation the open rounds in which
    something is still to report (with how many were returned), for the office (``reviews``) how many
    handed-in reports wait for review. At most four queries."""
    if reviews:
        waiting = (
            StatusReport.objects.for_municipality(municipality)
            .filter(state=StatusReport.State.SUBMITTED, round__closed_at__isnull=True)
            .count()
        )
        return {"reports_waiting": waiting}
    due = []
    for section in open_items(municipality, organisation):
        if section.open_count:
            returned = sum(1 for item in section.items if item["state"] == StatusReport.State.RETURNED)
            due.append({"round": section.round, "open": section.open_count, "returned": returned})
    return {"reports_due": due}
