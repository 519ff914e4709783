"""The rows of the list and calendar pages, in a fixed number of queries however many activities there are."""

import calendar
import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

from teilhabe.activities.models import Activity, ActivityDate, ActivityPartner


def upcoming(queryset, today=None):
    """Still to come or still running: last day today or later, a rule without end, or not dated yet."""
    today = today or timezone.localdate()
    return queryset.filter(
        Q(last_on__gte=today) | Q(last_on=None, first_on__isnull=False) | Q(first_on=None)
    ).exclude(state=Activity.State.DONE)


def past(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(Q(last_on__lt=today) | Q(state=Activity.State.DONE, first_on__lte=today))


def filter_activities(queryset, filters: dict):
    if filters.get("q"):
        q = filters["q"]
        queryset = queryset.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(description__icontains=q)
        )
    if filters.get("stand"):
        queryset = queryset.filter(state=filters["stand"])
    if filters.get("art"):
        queryset = queryset.filter(kind=filters["art"])
    if filters.get("partner"):
        queryset = queryset.filter(partners__organisation_id=filters["partner"])
    if filters.get("sprache"):
        # languages is a JSON list of codes; the quoted code matches one element (SQLite and PostgreSQL)
        queryset = queryset.filter(languages__icontains='"%s"' % filters["sprache"])
    if filters.get("zielgruppe"):
        queryset = queryset.filter(target_groups=filters["zielgruppe"])
    if filters.get("handlungsfeld"):
        queryset = queryset.filter(measures__field_of_action_id=filters["handlungsfeld"])
    if filters.get("jahr"):
        start = datetime.date(filters["jahr"], 1, 1)
        end = datetime.date(filters["jahr"], 12, 31)
        queryset = queryset.filter(first_on__lte=end).filter(Q(last_on__gte=start) | Q(last_on=None))
    if filters.get("ort"):
        queryset = queryset.filter(venue_id=filters["ort"])
    return queryset.distinct()


def with_rows(queryset):
    """What a list row shows: venue, partners with organisations, target groups (4 queries in all)."""
    return queryset.select_related("venue").prefetch_related(
        Prefetch("partners", queryset=ActivityPartner.objects.select_related("organisation")),
        "target_groups",
    )


def years(municipality):
    first = (
        Activity.objects.for_municipality(municipality).exclude(first_on=None).order_by("first_on").first()
    )
    this_year = timezone.localdate().year
    start = first.first_on.year if first else this_year
    return list(range(this_year + 1, start - 1, -1))


#: A span longer than this many days is shown in the calendar on its first day (in the month) only.
LONG_SPAN_DAYS = 7
#: A day cell lists this many entries; the rest are behind "n weitere" in the cell, so a busy day (a festival
#: week, a school holiday programme) does not stretch its whole week row.
DAY_CAP = 4


def month_grid(municipality, year: int, month: int, activities=None):
    """Weeks (lists of 7 days, Monday first) of the month: each day (date or None, [ActivityDate] shown,
    [ActivityDate] beyond :data:`DAY_CAP`). Two queries: the dates touching the month, with their activities."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    dates = (
        ActivityDate.objects.for_municipality(municipality)
        .filter(date__lte=last)
        .filter(Q(date__gte=first) | Q(end_date__gte=first))
        .select_related("activity", "activity__venue")
        .order_by("date", "start_time", "activity__title")
    )
    if activities is not None:
        dates = dates.filter(activity__in=activities)
    by_day: dict[datetime.date, list] = {}
    for row in dates:
        day = max(row.date, first)
        # A short span shows on each of its days; a long one (a project over months) only on its first day in
        # the month, with its last day, so that it does not fill every cell.
        end = min(row.last_day, last) if (row.last_day - row.date).days <= LONG_SPAN_DAYS else day
        while day <= end:
            by_day.setdefault(day, []).append(row)
            day += datetime.timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            rows = by_day.get(day, [])
            cells.append((day if day.month == month else None, rows[:DAY_CAP], rows[DAY_CAP:]))
        weeks.append(cells)
    return weeks
