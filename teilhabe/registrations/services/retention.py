"""Participant data is kept only as long as needed: `teilhabe purge_participants` (daily by cron) anonymises
every registration whose event lies more than the municipality's `retention_days` back (default 90). The row
stays (status, number of people, attendance) for the counts; name, contact details, needs and the network
address hash go, also from the audit trail.

A registration with no last day to count from (for the whole of a weekly series without end, or for an
activity without a date) is kept while the person takes part, and goes `retention_days` after they cancelled
or after the activity was done or cancelled: otherwise it would be kept for ever."""

from datetime import timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from teilhabe.activities.models import Activity, ActivityStateChange
from teilhabe.municipalities.models import Municipality
from teilhabe.registrations.models import Registration, retention_days
from teilhabe.registrations.services.privacy import anonymise

#: The states that end an activity, and so the need for its participants' data.
ENDED = (Activity.State.DONE, Activity.State.CANCELLED)


def _ended_on():
    """The day the activity reached the state it is in now (for a done or cancelled one: the day it ended)."""
    changes = ActivityStateChange.objects.filter(
        activity=OuterRef("activity"), state=OuterRef("activity__state")
    )
    return Subquery(changes.order_by("-reached_on", "-pk").values("reached_on")[:1])


def expired(municipality, today=None):
    cutoff = (today or timezone.localdate()) - timedelta(days=retention_days(municipality))
    rows = Registration.objects.filter(municipality=municipality, anonymised_at=None)
    single_day = Q(activity__last_on=None, activity__first_on__isnull=False, activity__recurrence="")
    without_end = Q(activity_date=None, activity__last_on=None) & ~single_day
    left = Q(cancelled_at__date__lt=cutoff) | Q(activity__state__in=ENDED, ended_on__lt=cutoff)
    return rows.annotate(ended_on=_ended_on()).filter(
        Q(activity_date__isnull=False, activity_date__date__lt=cutoff)
        | Q(activity_date=None, activity__last_on__lt=cutoff)
        | (Q(activity_date=None) & single_day & Q(activity__first_on__lt=cutoff))
        | (without_end & left)
    )


def purge_participants(today=None) -> int:
    count = 0
    for municipality in Municipality.objects.all():
        for registration in expired(municipality, today).select_related("activity"):
            anonymise(registration, None, reason="retention")
            count += 1
    return count
