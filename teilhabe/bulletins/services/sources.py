"""What a pulled item shows, read from the platform: plain JSON-able data, the same shape live and frozen.

- an activity: title, summary, next date and times, venue, languages, the public page and whether the public
  registration is open (the registrations app's page);
- a network: name, purpose, its last meeting's date, topics and decisions;
- the measures newly implemented since the series' last sent issue (an accepted report whose status counts as
  implemented, reviewed after that issue went out);
- a Faktencheck figure: a headline figure of the latest reference date as the public pages publish it (disclosure
  control applied with the municipality's threshold); a suppressed figure is marked hidden, never shown.

`item_data(item)` is the frozen copy once the issue is frozen, else the current data; `items_data(items)` reads
every item of an issue with a fixed number of queries."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from teilhabe.bulletins.models import IssueItem

Kind = IssueItem.Kind


def _public_url(name, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def activity_data(activity, next_dates: dict | None = None) -> dict:
    from teilhabe.registrations.models import settings_of

    when = (next_dates or {}).get(activity.pk) or activity.first_on
    venue = activity.venue
    data = {
        "title": activity.title,
        "summary": activity.summary,
        "date": when.isoformat() if when else "",
        "start_time": activity.start_time.strftime("%H:%M") if activity.start_time else "",
        "end_time": activity.end_time.strftime("%H:%M") if activity.end_time else "",
        "venue": venue.name if venue else "",
        "address": venue.address if venue else "",
        "languages": list(activity.languages or []),
        "url": "",
        "registration_url": "",
        "cancelled": activity.state == activity.State.CANCELLED,
    }
    if activity.public:
        data["url"] = _public_url("events:detail", activity.municipality.slug, activity.pk)
        registration = settings_of(activity)
        if registration and registration.is_open and not data["cancelled"]:
            data["registration_url"] = data["url"] + "#anmeldung"
    return data


def next_dates(activities) -> dict:
    """The next date still to come of each activity (its dates rows), one query."""
    from teilhabe.activities.models import ActivityDate

    out = {}
    rows = (
        ActivityDate.objects.filter(activity__in=activities, cancelled=False, date__gte=timezone.localdate())
        .order_by("activity_id", "date")
        .values_list("activity_id", "date")
    )
    for activity_id, date in rows:
        out.setdefault(activity_id, date)
    return out


def network_data(network) -> dict:
    meeting = network.meetings.filter(date__lte=timezone.localdate()).order_by("-date").first()
    return {
        "title": network.name,
        "purpose": network.purpose,
        "meeting_date": meeting.date.isoformat() if meeting else "",
        "meeting_title": meeting.title if meeting else "",
        "topics": list(meeting.topics) if meeting else [],
        "decisions": meeting.decisions if meeting else "",
    }


def _previous_sent(issue):
    return (
        issue.bulletin.issues.filter(state=issue.State.SENT, sent_at__isnull=False)
        .exclude(pk=issue.pk)
        .filter(number__lt=issue.number)
        .order_by("-number")
        .first()
    )


def measures_data(issue) -> dict:
    from teilhabe.concept.models import Measure

    measures = Measure.objects.for_municipality(issue.municipality).filter(
        concept__is_current=True,
        current_status__counts_as_implemented=True,
        current_report__isnull=False,
    )
    previous = _previous_sent(issue)
    since = previous.sent_at if previous else None
    if since:
        measures = measures.filter(current_report__reviewed_at__gt=since)
    return {
        "since": since.date().isoformat() if since else "",
        "measures": [{"number": m.number, "title": m.title} for m in measures.order_by("sort_key")],
    }


def figure_choices(municipality) -> list[tuple[str, str]]:
    """(key, label) of the headline figures the Faktencheck publishes."""
    from teilhabe.statistics.models import lead_of
    from teilhabe.statistics.tables import comparison_rows

    return [
        (_figure_key(key, whole), str(label)) for label, key, whole in comparison_rows(lead_of(municipality))
    ]


def _figure_key(key, whole) -> str:
    return f"{key}/{whole}" if whole else key


def figure_data(municipality, figure: str) -> dict:
    from teilhabe.statistics.models import lead_of
    from teilhabe.statistics.tables import available_dates, comparison_rows, comparison_table

    dates = available_dates(municipality)
    if not dates:
        return {"label": "", "value": None, "hidden": False, "reference_date": "", "percent": False}
    table = comparison_table(
        municipality, dates[-1:], public=True, threshold=municipality.publication_threshold
    )
    for (label, key, whole), row in zip(comparison_rows(lead_of(municipality)), table.rows, strict=True):
        if _figure_key(key, whole) == figure:
            cell = row[1]
            value = None if cell.hidden or cell.value is None else str(cell.value)
            return {
                "label": str(label),
                "value": value,
                "hidden": cell.hidden,
                "reference_date": dates[-1].isoformat(),
                "percent": whole is not None,
            }
    return {"label": "", "value": None, "hidden": False, "reference_date": "", "percent": False}


def freeze_of(issue):
    """The issue's freeze (what it sends), or None while it is composed. One query."""
    from teilhabe.bulletins.models import IssueFreeze

    return IssueFreeze.objects.filter(issue=issue).first()


def items_data(items, freeze=None) -> dict[int, dict]:
    """The data of each pulled item, keyed by item id: the frozen copy once `freeze` exists, else current."""
    out = {}
    live = [item for item in items if item.pulled and not (freeze and item.snapshot)]
    activities = [item.activity for item in live if item.kind == Kind.ACTIVITY and item.activity]
    dates = next_dates(activities) if activities else {}
    for item in items:
        if item.pulled:
            out[item.pk] = item.snapshot if freeze and item.snapshot else current_data(item, dates)
    return out


def current_data(item, dates=None) -> dict:
    if item.kind == Kind.ACTIVITY:
        return activity_data(item.activity, dates) if item.activity else {"missing": True}
    if item.kind == Kind.NETWORK:
        return network_data(item.network) if item.network else {"missing": True}
    if item.kind == Kind.MEASURES:
        return measures_data(item.issue)
    if item.kind == Kind.FIGURE:
        return figure_data(item.municipality, item.figure)
    return {}
