"""The reminder the day before (`teilhabe send_event_reminders`, daily by cron): every confirmed registration
with an e-mail address whose day is tomorrow, once.

A registration for one date (or a one-off activity) is reminded once (`reminded_at`). A registration for a
whole series is reminded before each of its dates that takes place (not before an excepted one): once per
date, guarded by `reminded_at` (not again the same day) and by the mail's key, which names the date."""

import datetime
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from teilhabe.activities.models import ActivityDate
from teilhabe.registrations import mails
from teilhabe.registrations.models import Registration


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _open(queryset):
    return (
        queryset.filter(status=Registration.Status.CONFIRMED)
        .exclude(email="")
        .exclude(activity__state="cancelled")
        .select_related("activity__municipality", "activity__venue", "activity_date")
    )


def _series_unreminded(today) -> Q:
    """A series registration not yet reminded today (it was for an earlier date, or never)."""
    return Q(reminded_at=None) | Q(reminded_at__lt=_start_of(today))


def due(today=None) -> list[tuple[Registration, object]]:
    """(registration, the date it is reminded of: an ActivityDate, or None for an activity without rows)."""
    today = today or timezone.localdate()
    tomorrow = today + timedelta(days=1)
    for_a_date = _open(Registration.objects.filter(reminded_at=None)).filter(
        activity_date__date=tomorrow, activity_date__cancelled=False
    )
    whole = (
        _open(Registration.objects.filter(activity_date=None))
        .filter(_series_unreminded(today))
        .filter(
            Q(activity__dates__date=tomorrow, activity__dates__cancelled=False)
            | Q(activity__dates__isnull=True, activity__first_on=tomorrow)
        )
        .distinct()
    )
    whole = list(whole)
    occurrences = {
        row.activity_id: row
        for row in ActivityDate.objects.filter(
            activity_id__in={r.activity_id for r in whole}, date=tomorrow, cancelled=False
        )
    }
    return [(r, r.activity_date) for r in for_a_date] + [(r, occurrences.get(r.activity_id)) for r in whole]


def send_reminders(now=None) -> int:
    """Queue tomorrow's reminders as of `now` (default: now); the number queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    count = 0
    for registration, occurrence in due(today):
        unreminded = Q(reminded_at=None) if registration.activity_date_id else _series_unreminded(today)
        with transaction.atomic():
            claimed = (
                Registration.objects.filter(pk=registration.pk).filter(unreminded).update(reminded_at=now)
            )
            if claimed:
                mails.reminder(registration, occurrence)
                count += 1
    return count
