"""Reminder e-mails before a round's due date (`teilhabe send_round_reminders`, run daily by cron).

Each active editor whose organisation leads or is involved in measures that still lack a handed-in report
(none yet, a draft, or sent back) gets one e-mail per round and day, listing those measures with a link to
"Meine Meldungen". Editors with nothing open get nothing."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import EDITORS
from teilhabe.concept.models import Measure, ReportingRound, RoundReminder, StatusReport
from teilhabe.notifications.mail import Recipient, queue_mail

HANDED_IN = StatusReport.HANDED_IN_STATES


@dataclass
class Reminder:
    round: ReportingRound
    user: object
    organisation: object
    items: list  # (measure, state or None)
    sent: bool = False


def open_items(a_round):
    """[(membership, [(measure, state)])] for every editor with open items in the round. Four queries."""
    memberships = list(
        Membership.objects.filter(
            municipality_id=a_round.municipality_id,
            role__in=EDITORS,
            is_active=True,
            awaiting_acceptance=False,
            organisation__isnull=False,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user", "organisation")
    )
    if not memberships:
        return []
    measures = list(Measure.objects.filter(concept_id=a_round.concept_id).order_by("sort_key"))
    involved = {}
    for measure_id, organisation_id in Measure.involved.through.objects.filter(
        measure__concept_id=a_round.concept_id
    ).values_list("measure_id", "organisation_id"):
        involved.setdefault(organisation_id, set()).add(measure_id)
    states = dict(StatusReport.objects.filter(round=a_round).values_list("measure_id", "state"))
    result = []
    for membership in memberships:
        org_id = membership.organisation_id
        mine = [
            (m, states.get(m.pk))
            for m in measures
            if (m.lead_id == org_id or m.pk in involved.get(org_id, ())) and states.get(m.pk) not in HANDED_IN
        ]
        if mine:
            result.append((membership, mine))
    return result


def rounds_due(today, days, municipality=None):
    dates = [today + datetime.timedelta(days=d) for d in days]
    rounds = ReportingRound.objects.filter(closed_at__isnull=True, due_date__in=dates).select_related(
        "municipality", "concept"
    )
    if municipality is not None:
        rounds = rounds.filter(municipality=municipality)
    return rounds.order_by("due_date", "pk")


def send_round_reminders(today=None, days=(7, 1), dry_run=False, municipality=None):
    """Queue the day's reminders, one mail job per round; returns the Reminder list (sent=False for dry runs
    and repeats). RoundReminder records who was reminded on which day (and keeps a second run quiet)."""
    today = today or timezone.localdate()
    reminders = []
    for a_round in rounds_due(today, days, municipality):
        already = set(
            RoundReminder.objects.filter(round=a_round, sent_on=today).values_list("user_id", flat=True)
        )
        due_now = []
        for membership, items in open_items(a_round):
            reminder = Reminder(a_round, membership.user, membership.organisation, items)
            reminders.append(reminder)
            if dry_run or membership.user_id in already:
                continue
            try:
                with transaction.atomic():
                    RoundReminder.objects.create(
                        municipality_id=a_round.municipality_id,
                        round=a_round,
                        user=membership.user,
                        sent_on=today,
                        open_items=len(items),
                    )
            except IntegrityError:  # another run sent it meanwhile
                continue
            reminder.sent = True
            due_now.append(reminder)
        if due_now:
            _queue(a_round, due_now, today)
    return reminders


def _queue(a_round, reminders, today):
    queue_mail(
        a_round.municipality,
        template="concept/email/round_reminder",
        recipients=[
            Recipient.for_user(r.user, organisation=r.organisation, items=r.items) for r in reminders
        ],
        context={
            "round": a_round,
            "link": settings.SITE_URL + reverse("concept:my_reports", args=[a_round.municipality.slug]),
            "days_left": (a_round.due_date - today).days,
            "municipality": a_round.municipality,
        },
        key=f"round-reminder:{a_round.pk}:{today.isoformat()}",
    )
