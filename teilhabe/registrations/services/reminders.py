"""The reminder the day before (`teilhabe send_event_reminders`, daily by cron): every confirmed registration
with an e-mail address whose day is tomorrow, once (`reminded_at`, and the mail's key)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from teilhabe.registrations import mails
from teilhabe.registrations.models import Registration


def due(today=None):
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    return (
        Registration.objects.filter(status=Registration.Status.CONFIRMED, reminded_at=None)
        .exclude(email="")
        .exclude(activity__state="cancelled")
        .filter(
            Q(activity_date__date=tomorrow, activity_date__cancelled=False)
            | Q(activity_date=None, activity__first_on=tomorrow)
        )
        .select_related("activity__municipality", "activity__venue", "activity_date")
    )


def send_reminders(today=None) -> int:
    count = 0
    for registration in due(today):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminded_at=None).update(
                reminded_at=timezone.now()
            )
            if claimed:
                mails.reminder(registration)
                count += 1
    return count
