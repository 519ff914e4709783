"""The registrations' e-mails, through teilhabe.notifications (the person's language, a background job, never
twice per key and address). Confirmations carry the date as an .ics file and the cancellation link.

Abuse guard: mails caused by the public form (confirmation, waiting-list notice, a repeated registration)
go to one address at most once per hour per activity (`Registration.mailed_at`); mails caused by someone
else (moved up from the waiting list, the reminder) always go, once each.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from teilhabe.activities import feeds
from teilhabe.notifications.mail import Attachment, Recipient, queue_mail

HOURLY = timedelta(hours=1)


def _ics(registration, occurrence=None) -> Attachment:
    activity = registration.activity
    link = _page(registration)
    if occurrence is not None or registration.activity_date_id:
        events = [feeds.date_event(activity, occurrence or registration.activity_date, link)]
    else:
        events = feeds.activity_events(activity, link)
    return Attachment("termin.ics", feeds.calendar(events, method="PUBLISH"), "text/calendar")


def _page(registration) -> str:
    activity = registration.activity
    return settings.SITE_URL + reverse("events:detail", args=[activity.municipality.slug, activity.pk])


def _send(registration, template, key, user=None, ics=False, occurrence=None):
    from teilhabe.registrations.services.tokens import cancel_url

    if not registration.email:
        return None
    activity = registration.activity
    recipient = Recipient(
        email=registration.email,
        language=registration.mail_language,
        attachments=[_ics(registration, occurrence)] if ics else [],
    )
    return queue_mail(
        activity.municipality,
        template=f"registrations/email/{template}",
        recipients=[recipient],
        context={
            "registration": registration,
            "activity": activity,
            "municipality": activity.municipality,
            "day": occurrence.date if occurrence is not None else registration.event_day,
            "occurrence": occurrence,
            "cancel_link": cancel_url(registration),
            "link": _page(registration),
        },
        key=key,
        started_by=user,
    )


def _mailed_within_hour(registration) -> bool:
    from teilhabe.registrations.models import Registration

    return Registration.objects.filter(
        activity_id=registration.activity_id,
        email__iexact=registration.email,
        mailed_at__gte=timezone.now() - HOURLY,
    ).exists()


def registered(registration, again=False):
    """After the public form: the confirmation (with .ics) or the waiting-list notice."""
    if not registration.email or _mailed_within_hour(registration):
        return None
    waiting = registration.status == registration.Status.WAITING
    stamp = timezone.now()
    key = f"registration:{registration.pk}:{'waiting' if waiting else 'confirmed'}"
    if again:
        key += f":{stamp:%Y%m%d%H%M}"
    job = _send(registration, "waiting" if waiting else "confirmed", key, ics=not waiting)
    type(registration).objects.filter(pk=registration.pk).update(mailed_at=stamp)
    return job


def moved_up(registration, user=None):
    return _send(registration, "moved_up", f"registration:{registration.pk}:moved-up", user, ics=True)


def reminder(registration, occurrence=None):
    """The reminder of tomorrow's date. A registration for a whole series is reminded of each date (the key
    names it) with that date in the mail and its .ics."""
    if registration.activity_date_id or occurrence is None:
        return _send(registration, "reminder", f"registration:{registration.pk}:reminder", ics=True)
    key = f"registration:{registration.pk}:reminder:{occurrence.date.isoformat()}"
    return _send(registration, "reminder", key, ics=True, occurrence=occurrence)


def activity_cancelled(registration, user=None):
    """The activity is called off: everyone registered or waiting is told, once."""
    return _send(registration, "cancelled", f"registration:{registration.pk}:activity-cancelled", user)
