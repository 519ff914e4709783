"""iCalendar (RFC 5545) for activities, written with the `icalendar` library.

One VEVENT per activity with a stable UID (`activity-<pk>.<municipality>@teilhabe`); a recurring activity
keeps its rule (RRULE) and each date the office excepted appears as an override of its occurrence
(RECURRENCE-ID) with STATUS:CANCELLED, so a subscriber who had it sees it called off rather than silently
gone; a cancelled activity is STATUS:CANCELLED as a whole. Times are local Europe/Berlin with its VTIMEZONE;
all-day activities are DATE values. Used by the public and personal feeds (views/feeds.py) and by the .ics a
registration confirmation carries (teilhabe/registrations).
"""

import datetime
import zoneinfo

import icalendar
from django.conf import settings
from django.utils import timezone

PRODID = "-//Teilhabe//Aktivitaeten//DE"
DEFAULT_DURATION = datetime.timedelta(hours=2)


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def uid(activity, day: datetime.date | None = None) -> str:
    """Stable across feeds and exports: the activity (and, for a single date of a series, that date)."""
    suffix = f"-{day:%Y%m%d}" if day else ""
    return f"activity-{activity.pk}{suffix}.{activity.municipality.slug}@teilhabe"


def _start_end(activity, day: datetime.date, end_day: datetime.date | None):
    """(start, end) of one occurrence: aware datetimes with times, else DATE values (end exclusive)."""
    if activity.start_time:
        start = datetime.datetime.combine(day, activity.start_time, tzinfo=_zone())
        if activity.end_time:
            end = datetime.datetime.combine(end_day or day, activity.end_time, tzinfo=_zone())
            if end <= start:
                end = start + DEFAULT_DURATION
        else:
            end = start + DEFAULT_DURATION
        return start, end
    return day, (end_day or day) + datetime.timedelta(days=1)


def _location(activity) -> str:
    venue = activity.venue
    if venue is None:
        return ""
    if venue.is_online:
        return f"{venue.name} ({venue.online_link})"
    address = ", ".join(line.strip() for line in venue.address.splitlines() if line.strip())
    return f"{venue.name}, {address}" if address else venue.name


def _rule(activity):
    """The activity's RRULE; with a start time its UNTIL becomes UTC, as RFC 5545 wants next to a DTSTART
    with TZID. A date UNTIL includes its day (its end in Berlin), as services/dates.py reads it, so the feed
    holds exactly the dates the activity's pages show."""
    text = activity.recurrence.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    rule = icalendar.vRecur.from_ical(text)
    until = rule.get("UNTIL")
    if until and activity.start_time:
        value = until[0]
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime.combine(value, datetime.time(23, 59, 59))
        if value.tzinfo is None:
            value = value.replace(tzinfo=_zone())
        rule["UNTIL"] = [value.astimezone(datetime.UTC)]
    return rule


def _base(activity, link: str, stamp) -> icalendar.Event:
    event = icalendar.Event()
    event.add("summary", activity.title)
    description = "\n\n".join(part for part in (activity.summary, activity.description) if part)
    if link:
        description = f"{description}\n\n{link}" if description else link
        event.add("url", link)
    if description:
        event.add("description", description)
    location = _location(activity)
    if location:
        event.add("location", location)
    event.add("dtstamp", stamp)
    event.add("last-modified", activity.updated_at or stamp)
    return event


def activity_events(activity, link: str = "", stamp=None) -> list[icalendar.Event]:
    """The VEVENTs of one activity: the event (with its rule) and the overrides of its excepted dates (from
    the activity's own fields, so a feed of many needs no query per activity)."""
    if not activity.starts_on:
        return []
    stamp = stamp or timezone.now()
    end_day = activity.ends_on if activity.is_multi_day else None
    start, end = _start_end(activity, activity.starts_on, end_day)
    event = _base(activity, link, stamp)
    event.add("uid", uid(activity))
    event.add("dtstart", start)
    event.add("dtend", end)
    cancelled = activity.state == activity.State.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    events = [event]
    if activity.recurrence:
        event.add("rrule", _rule(activity))
        span = (activity.ends_on - activity.starts_on) if activity.is_multi_day else None
        for day in activity.exdate_values():
            if day < activity.starts_on:
                continue
            override = _base(activity, link, stamp)
            override.add("uid", uid(activity))
            occurrence_start, occurrence_end = _start_end(activity, day, day + span if span else None)
            override.add("recurrence-id", occurrence_start)
            override.add("dtstart", occurrence_start)
            override.add("dtend", occurrence_end)
            override.add("status", "CANCELLED")
            events.append(override)
    return events


def date_event(activity, activity_date, link: str = "", stamp=None) -> icalendar.Event:
    """One date of an activity as an event of its own (a registration for that date only)."""
    stamp = stamp or timezone.now()
    start, end = _start_end(activity, activity_date.date, activity_date.end_date)
    event = _base(activity, link, stamp)
    event.add("uid", uid(activity, activity_date.date))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("status", "CANCELLED" if activity_date.cancelled else "CONFIRMED")
    return event


def calendar(events, name: str = "", method: str = "") -> bytes:
    """A VCALENDAR with the events and the VTIMEZONE they use, as bytes (CRLF lines)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def activities_calendar(activities, name: str, link_of) -> bytes:
    """The feed of many activities (venue and municipality selected); link_of(activity) -> absolute URL."""
    stamp = timezone.now()
    events = []
    for activity in activities:
        events.extend(activity_events(activity, link_of(activity), stamp))
    return calendar(events, name=name)
