"""An activity's dates as occurrences, expanded with python-dateutil (RFC 5545), never by hand.

`occurrences(activity)` yields the dates; `sync_dates(activity)` keeps `ActivityDate` rows in step with them
and stores `first_on`/`last_on`. A rule without end (no UNTIL, no COUNT) is expanded up to `HORIZON_DAYS`
ahead of today; `last_on` then stays empty, which the lists read as "still running".
"""

import datetime

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

HORIZON_DAYS = 2 * 365
MAX_OCCURRENCES = 1000


class RecurrenceError(ValueError):
    """The rule is not valid RFC 5545 (message in German for the form)."""


def _rule(activity):
    text = activity.recurrence.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    # Expanded from midnight: a date UNTIL ("until 25 June") then includes that day even for an evening
    # event; only the dates are used, the time of day comes from the activity.
    start = datetime.datetime.combine(activity.starts_on, datetime.time(0))
    try:
        return rrulestr(text, dtstart=start, forceset=False, ignoretz=True)
    except (ValueError, TypeError) as error:
        raise RecurrenceError(
            _("Die Wiederholungsregel „%(rule)s“ ist nicht gültig (RFC 5545): %(error)s")
            % {"rule": activity.recurrence, "error": error}
        ) from None


def check_rule(activity) -> None:
    """Raise RecurrenceError if the rule is invalid or has no start date."""
    if not activity.recurrence:
        return
    if not activity.starts_on:
        raise RecurrenceError(_("Eine Wiederholung braucht ein Datum für den ersten Termin."))
    rule = _rule(activity)
    if getattr(rule, "_until", None) is None and getattr(rule, "_count", None) is None:
        return
    if next(iter(rule), None) is None:
        raise RecurrenceError(_("Die Wiederholungsregel ergibt keinen einzigen Termin."))


def is_unbounded(activity) -> bool:
    if not activity.recurrence:
        return False
    rule = _rule(activity)
    return rule._until is None and rule._count is None


def occurrences(activity, today=None):
    """[(date, end_date or None)] of all occurrences, excepted dates included (callers mark them)."""
    if not activity.starts_on:
        return []
    if not activity.recurrence:
        end = activity.ends_on if activity.is_multi_day else None
        return [(activity.starts_on, end)]
    rule = _rule(activity)
    horizon = None
    if rule._until is None and rule._count is None:
        today = today or timezone.localdate()
        horizon = datetime.datetime.combine(today + datetime.timedelta(days=HORIZON_DAYS), datetime.time.max)
    span = (activity.ends_on - activity.starts_on) if activity.is_multi_day else None
    result = []
    for moment in rule:
        if horizon and moment > horizon or len(result) >= MAX_OCCURRENCES:
            break
        day = moment.date()
        result.append((day, day + span if span else None))
    return result


@transaction.atomic
def sync_dates(activity, today=None):
    """Make the activity's ActivityDate rows match its dates; store first_on and last_on."""
    from teilhabe.activities.models import ActivityDate

    wanted = occurrences(activity, today)
    excepted = set(activity.exdate_values())
    existing = {row.date: row for row in activity.dates.all()}
    keep = set()
    new_rows = []
    for day, end in wanted:
        keep.add(day)
        row = existing.get(day)
        values = {
            "end_date": end,
            "start_time": activity.start_time,
            "end_time": activity.end_time,
            "cancelled": day in excepted or activity.state == activity.State.CANCELLED,
        }
        if row is None:
            new_rows.append(
                ActivityDate(municipality_id=activity.municipality_id, activity=activity, date=day, **values)
            )
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save(update_fields=list(values))
    ActivityDate.objects.bulk_create(new_rows)
    stale = [pk for day, pk in ((d, r.pk) for d, r in existing.items()) if day not in keep]
    if stale:
        ActivityDate.objects.filter(pk__in=stale).delete()
    held = [day for day, _end in wanted if day not in excepted] or [day for day, _end in wanted]
    first = min(held) if held else None
    last = None
    if held and not is_unbounded(activity):
        last = max((end or day) for day, end in wanted if day in set(held))
    if (activity.first_on, activity.last_on) != (first, last):
        activity.first_on, activity.last_on = first, last
        type(activity).objects.filter(pk=activity.pk).update(first_on=first, last_on=last)
