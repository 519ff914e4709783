"""Activities as other pages show them: on a measure, on an organisation, and on the concept dashboard."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from teilhabe.activities.models import Activity, ActivityPartner


def for_measure(measure):
    return list(measure.activities.select_related("venue").order_by("-first_on", "title"))


def for_organisation(organisation):
    """[(activity, [role labels])] of the activities the organisation co-runs (two queries)."""
    partners = (
        ActivityPartner.objects.filter(organisation=organisation)
        .select_related("activity")
        .order_by("-activity__first_on", "activity__title")
    )
    rows: dict[int, tuple] = {}
    for partner in partners:
        rows.setdefault(partner.activity_id, (partner.activity, []))[1].append(partner.get_role_display())
    return list(rows.values())


def recent(queryset, today=None, days=365):
    """Activities with a date in the last `days` days (or running through them)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=days)
    return (
        queryset.filter(first_on__lte=today)
        .filter(Q(last_on__gte=since) | Q(last_on=None))
        .exclude(state=Activity.State.CANCELLED)
    )


def dashboard(concept, today=None):
    """Activities per field of action (distinct, over all their measures), and the measures "in Umsetzung"
    (started, not implemented) without an activity in the last 12 months. Three queries."""
    from teilhabe.concept.models import FieldOfAction, Measure

    fields = list(
        FieldOfAction.objects.filter(concept=concept)
        .annotate(activity_count=Count("measures__activities", distinct=True))
        .order_by("number")
    )
    active = recent(Activity.objects.filter(municipality_id=concept.municipality_id), today)
    quiet = list(
        Measure.objects.filter(
            concept=concept,
            current_status__counts_as_started=True,
            current_status__counts_as_implemented=False,
        )
        .annotate(has_recent=Exists(active.filter(measures=OuterRef("pk"))))
        .filter(has_recent=False)
        .select_related("current_status")
        .order_by("sort_key")
    )
    return {"fields": fields, "quiet_measures": quiet}
