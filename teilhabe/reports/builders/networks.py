"""Standing tasks (the information products and the networks with their meetings in the period) and the
ideas and outlook."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from teilhabe.reports.builders.context import day_text, iso


def standing_tasks(ctx):
    from teilhabe.bulletins.models import Bulletin, BulletinIssue
    from teilhabe.networks.models import Meeting, Network

    issues = BulletinIssue.objects.filter(
        state="sent", issue_date__gte=ctx.period_from, issue_date__lte=ctx.period_to
    )
    bulletins = [
        {
            "name": b.name,
            "audience": b.get_audience_display(),
            "issues": len(b.issues.all()),
        }
        for b in Bulletin.objects.for_municipality(ctx.municipality)
        .prefetch_related(Prefetch("issues", queryset=issues))
        .order_by("name")
    ]
    meetings = Meeting.objects.filter(date__gte=ctx.period_from, date__lte=ctx.period_to).order_by("date")
    networks = Network.objects.for_municipality(ctx.municipality).select_related("convened_by_organisation")
    if ctx.public:
        networks = networks.filter(public=True)
    rows = []
    for network in networks.prefetch_related(Prefetch("meetings", queryset=meetings)).order_by("name"):
        rows.append(
            {
                "name": network.name,
                "kind": network.get_kind_display(),
                "rhythm": network.rhythm,
                "convener": network.convened_by_organisation.name if network.convened_by_organisation else "",
                "meetings": [
                    {
                        "date": iso(meeting.date),
                        "date_text": day_text(meeting.date),
                        "title": meeting.title,
                        "topics": list(meeting.topics or []),
                    }
                    for meeting in network.meetings.all()
                ],
            }
        )
    from teilhabe.statistics.tables import available_dates

    dates = [d for d in available_dates(ctx.municipality) if d <= ctx.period_to]
    return {
        "bulletins": bulletins,
        "factcheck_date": day_text(dates[-1]) if dates else "",
        "networks": rows,
    }


def ideas_outlook(ctx):
    """The office's outlook text, the ideas not discarded (what arose from them), the activities planned
    after the period and the next year's focus."""
    from teilhabe.activities.models import Activity
    from teilhabe.concept.models import Focus
    from teilhabe.networks.models import Idea

    ideas = (
        Idea.objects.for_municipality(ctx.municipality)
        .exclude(state="dropped")
        .select_related("activity", "network", "measure")
        .order_by("state", "title")
    )
    idea_rows = [
        {
            "title": idea.title,
            "state": idea.get_state_display(),
            "taken_up": bool(idea.activity_id or idea.measure_id),
            "became": idea.activity.title if idea.activity else (idea.measure.title if idea.measure else ""),
            "network": idea.network.name if idea.network else "",
        }
        for idea in ideas
    ]
    planned = Activity.objects.for_municipality(ctx.municipality).filter(
        state="planned", first_on__gt=ctx.period_to
    )
    if ctx.public:
        planned = planned.filter(public=True)
    next_focus = None
    if ctx.concept is not None:
        found = (
            Focus.objects.filter(concept=ctx.concept, year__gt=ctx.period_to.year).order_by("year").first()
        )
        if found is not None:
            next_focus = {"year": found.year, "title": found.title}
    return {
        "text": ctx.outlook,
        "ideas": idea_rows,
        "planned": [
            {"title": a.title, "date_text": day_text(a.first_on)} for a in planned.order_by("first_on")[:12]
        ],
        "next_focus": next_focus,
        "closing": _(
            "Das Team unterstützt den Beirat gerne bei der Umsetzung der Maßnahmen. Kommen Sie auf uns zu."
        ),
    }
