"""Reporting rounds and the status-report workflow.

A report moves draft -> submitted -> accepted, or submitted -> returned (with the office's comment) ->
submitted again. Accepting a report makes it the measure's current status if it belongs to the measure's
latest round with an accepted report. Closing a round writes every report's snapshot and the round's summary
and freezes the round: nothing in it can change afterwards (the models refuse, too).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.concept.models import (
    Concept,
    Measure,
    ReportingRound,
    RoundClosedError,
    Status,
    StatusReport,
)
from teilhabe.concept.services import notifications, versions

State = StatusReport.State
OPEN_STATES = (State.DRAFT, State.RETURNED)  # a saved report still with the reporting organisation


class ReportingError(ValidationError):
    """A workflow step that is not possible now; the message is German and meant for the user."""


def check_due_date(due_date, today=None):
    if due_date < (today or timezone.localdate()):
        raise ReportingError(
            _("Die Meldefrist liegt in der Vergangenheit. Bitte wählen Sie ein künftiges Datum.")
        )


def open_round(concept, title, due_date, user=None, *, allow_past=False, notify=True):
    """Open a reporting round: at most one open round per concept, the due date not in the past (allow_past
    is for loading history, e.g. the demo). Tells the responsible editors (see notifications)."""
    if not allow_past:
        check_due_date(due_date)
    with transaction.atomic():
        Concept.objects.select_for_update().get(pk=concept.pk)
        current = ReportingRound.objects.filter(concept=concept, closed_at__isnull=True).first()
        if current is not None:
            raise ReportingError(
                _(
                    "Die Berichtsrunde „%(title)s“ ist noch offen. Schließen Sie sie ab, bevor Sie eine neue eröffnen."
                )
                % {"title": current.title}
            )
        a_round = ReportingRound.objects.create(
            municipality=concept.municipality, concept=concept, title=title, due_date=due_date
        )
        if notify:
            notifications.round_opened(a_round, started_by=user)
    return a_round


def update_round(a_round, *, title, due_date):
    """Rename an open round or move its due date (not into the past)."""
    ensure_open(a_round)
    if due_date != a_round.due_date:
        check_due_date(due_date)
    a_round.title, a_round.due_date = title, due_date
    a_round.save(update_fields=["title", "due_date"])
    return a_round


def ensure_open(a_round):
    if a_round.is_closed:
        raise RoundClosedError()


def report_for(a_round, measure):
    """The measure's report in the round, or a new unsaved one preset with the current status."""
    report = StatusReport.objects.filter(round=a_round, measure=measure).first()
    if report is None:
        report = StatusReport(
            municipality=a_round.municipality,
            round=a_round,
            measure=measure,
            status_id=measure.current_status_id,
        )
    return report


def may_edit(report, is_office):
    """Editors may change a report while it is with them (new, draft, returned); the office any time until
    the round closes."""
    if report.round.is_closed:
        return False
    if is_office:
        return True
    return report.pk is None or report.state in OPEN_STATES


@dataclass
class ReportInput:
    status: Status
    done: str = ""
    next_steps: str = ""
    obstacles: str = ""


def save_report(
    a_round,
    measure,
    user,
    data: ReportInput,
    *,
    submit=False,
    is_office=False,
    accept=False,
    expected_version=None,
):
    """Save the measure's report in the round as draft, or submit it (accept: office only, submit and accept
    in one step). Returns the report.

    `expected_version` is the report's version the form was opened on (0: there was no report yet); if the
    report changed since, versions.EditConflict is raised and nothing is saved."""
    with transaction.atomic():
        a_round = ReportingRound.objects.select_for_update().get(pk=a_round.pk)
        ensure_open(a_round)
        report = report_for(a_round, measure)
        if report.pk is not None:
            expected = report.version if expected_version is None else expected_version
            versions.claim_version(report, expected, _("Diese Sachstandsmeldung"))
        if not may_edit(report, is_office):
            raise ReportingError(
                _(
                    "Diese Meldung ist eingereicht und wird gerade geprüft. Sie kann erst wieder bearbeitet werden, wenn das Integrationsamt sie zurückgibt."
                )
            )
        if data.status.municipality_id != a_round.municipality_id:
            raise PermissionDenied
        was_accepted = report.state == State.ACCEPTED
        report.status = data.status
        report.done = data.done
        report.next_steps = data.next_steps
        report.obstacles = data.obstacles
        report.reported_by = user
        if submit or accept:
            report.state = State.SUBMITTED
            report.reported_at = timezone.now()
        elif report.state not in OPEN_STATES:
            report.state = State.DRAFT
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            # Another editor created this report at the same moment (one report per round and measure).
            other = StatusReport.objects.get(round=a_round, measure=measure)
            raise versions.EditConflict(
                versions.conflict_message(other, _("Diese Sachstandsmeldung")), other.version
            ) from None
        if accept:
            if not is_office:
                raise PermissionDenied
            accept_report(report, user)
        elif was_accepted:
            # The office reopened an accepted report: the measure falls back to its previous accepted status.
            refresh_current_status(measure)
    return report


def accept_report(report, user):
    ensure_open(report.round)
    if report.state != State.SUBMITTED:
        raise ReportingError(_("Nur eingereichte Meldungen können angenommen werden."))
    report.state = State.ACCEPTED
    report.reviewed_by = user
    report.reviewed_at = timezone.now()
    report.review_comment = ""
    versions.claim_version(report, report.version, _("Diese Sachstandsmeldung"))
    report.save(update_fields=["state", "reviewed_by", "reviewed_at", "review_comment", "version"])
    refresh_current_status(report.measure)
    return report


def send_back(report, user, comment):
    ensure_open(report.round)
    if report.state != State.SUBMITTED:
        raise ReportingError(_("Nur eingereichte Meldungen können zurückgegeben werden."))
    if not comment.strip():
        raise ReportingError(_("Bitte schreiben Sie, was an der Meldung noch fehlt."))
    report.state = State.RETURNED
    report.review_comment = comment.strip()
    report.reviewed_by = user
    report.reviewed_at = timezone.now()
    versions.claim_version(report, report.version, _("Diese Sachstandsmeldung"))
    report.save(update_fields=["state", "review_comment", "reviewed_by", "reviewed_at", "version"])
    notifications.report_returned(report, started_by=user)
    return report


def latest_accepted_report(measure):
    return (
        StatusReport.objects.filter(measure=measure, state=State.ACCEPTED)
        .order_by("-round__due_date", "-round__pk")
        .first()
    )


def refresh_current_status(measure):
    """Current status = the status of the measure's latest accepted report (latest by the round's due date)."""
    report = latest_accepted_report(measure)
    new_report_id = report.pk if report else None
    if report is not None:
        new_status_id = report.status_id
    elif measure.current_report_id:
        new_status_id = None  # the status came from a report that is no longer accepted
    else:
        new_status_id = measure.current_status_id  # e.g. set by an import, before any round
    if (measure.current_report_id, measure.current_status_id) != (new_report_id, new_status_id):
        measure.current_report_id = new_report_id
        measure.current_status_id = new_status_id
        measure.save(update_fields=["current_report", "current_status"])


def statuses_as_of(a_round):
    """{measure_id: status_id} as of the round: the status accepted in this round, else the last accepted
    one of an earlier round of the same concept (by due date). One query."""
    rows = (
        StatusReport.objects.filter(round__concept_id=a_round.concept_id, state=State.ACCEPTED)
        .filter(
            Q(round__due_date__lt=a_round.due_date)
            | Q(round__due_date=a_round.due_date, round__pk__lte=a_round.pk)
        )
        .order_by("round__due_date", "round__pk")
        .values_list("measure_id", "status_id")
    )
    return dict(rows)


def status_snapshot(status):
    if status is None:
        return None
    return {
        "id": status.pk,
        "name": status.name,
        "colour": status.colour,
        "progress": status.progress,
        "started": status.counts_as_started,
        "implemented": status.counts_as_implemented,
    }


def round_summary(a_round, statuses=None):
    """The figures a closed round keeps for the trend (see ReportingRound.summary)."""
    statuses = statuses or {s.pk: s for s in Status.objects.filter(municipality=a_round.municipality_id)}
    as_of = statuses_as_of(a_round)
    measure_ids = list(Measure.objects.filter(concept_id=a_round.concept_id).values_list("pk", flat=True))
    counts = {}
    started = implemented = without = 0
    for measure_id in measure_ids:
        status = statuses.get(as_of.get(measure_id))
        if status is None:
            without += 1
            continue
        counts[status.pk] = counts.get(status.pk, 0) + 1
        started += status.counts_as_started
        implemented += status.counts_as_implemented
    reported = StatusReport.objects.filter(round=a_round, state=State.ACCEPTED).count()
    return {
        "measures": len(measure_ids),
        "reported": reported,
        "started": started,
        "implemented": implemented,
        "without_status": without,
        "statuses": [
            {**status_snapshot(status), "count": counts[status.pk]}
            for status in sorted(statuses.values(), key=lambda s: (s.order, s.name))
            if status.pk in counts
        ],
    }


def report_snapshot(report, statuses):
    """What a closed round keeps of a report (see StatusReport.snapshot)."""
    measure = report.measure
    return {
        "measure": {
            "number": measure.number,
            "title": measure.title,
            "field_of_action": str(measure.field_of_action),
            "goal": measure.goal.number,
            "lead": measure.lead.name if measure.lead else "",
        },
        "status": status_snapshot(statuses.get(report.status_id)),
        "state": report.state,
        "reported_by": str(report.reported_by) if report.reported_by else "",
        "reviewed_by": str(report.reviewed_by) if report.reviewed_by else "",
    }


def close_round(a_round, user):
    """Freeze the round: write each report's snapshot and the round's summary, then mark it closed."""
    with transaction.atomic():
        a_round = ReportingRound.objects.select_for_update().get(pk=a_round.pk)
        ensure_open(a_round)
        statuses = {s.pk: s for s in Status.objects.filter(municipality=a_round.municipality_id)}
        reports = list(
            StatusReport.objects.filter(round=a_round).select_related(
                "measure__field_of_action", "measure__goal", "measure__lead", "reported_by", "reviewed_by"
            )
        )
        for report in reports:
            report.snapshot = report_snapshot(report, statuses)
        StatusReport.objects.bulk_update(reports, ["snapshot"], batch_size=500)
        a_round.summary = round_summary(a_round, statuses)
        a_round.closed_at = timezone.now()
        a_round.closed_by = user
        a_round.save()
    return a_round


def state_counts(a_round):
    """{state: count} of the round's reports plus "missing" (measures without any report). Two queries."""
    counts = dict(
        StatusReport.objects.filter(round=a_round).values_list("state").annotate(n=Count("pk")).order_by()
    )
    total = Measure.objects.filter(concept_id=a_round.concept_id).count()
    counts["missing"] = total - sum(counts.values())
    counts["total"] = total
    return counts
