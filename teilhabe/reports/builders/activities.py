"""Activities done and planned in the period, grouped by field of action (through the measures they serve),
each with its partners, languages, participants, registrations and pictures with their credit lines."""

from django.db.models import Prefetch, Q, Sum
from django.utils.translation import gettext as _

from teilhabe.reports.builders.context import day_text, iso, period_text

SHOWN_STATES = ("planned", "done")


def in_period(queryset, ctx):
    """Activities with a date in the period (a rule without end counts from its first date)."""
    return queryset.filter(first_on__lte=ctx.period_to).filter(
        Q(last_on__gte=ctx.period_from) | Q(last_on=None)
    )


def activities(ctx):
    from teilhabe.activities.models import Activity, ActivityPartner, ActivityPicture
    from teilhabe.concept.models import Measure
    from teilhabe.languages import LANGUAGE_NAMES

    queryset = in_period(Activity.objects.for_municipality(ctx.municipality), ctx).filter(
        state__in=SHOWN_STATES
    )
    if ctx.public:
        queryset = queryset.filter(public=True)
    queryset = (
        queryset.select_related("venue")
        .prefetch_related(
            Prefetch("partners", queryset=ActivityPartner.objects.select_related("organisation")),
            Prefetch("measures", queryset=Measure.objects.select_related("field_of_action")),
            Prefetch("pictures", queryset=ActivityPicture.objects.order_by("order", "pk")),
        )
        .order_by("first_on", "title")
    )
    found = list(queryset)
    registered = _registered(found)
    groups = {}
    for activity in found:
        fields = sorted({m.field_of_action for m in activity.measures.all()}, key=lambda f: (f.number, f.pk))
        key = (fields[0].number, str(fields[0])) if fields else (10**6, _("Weitere Aktivitäten"))
        groups.setdefault(key, []).append(_row(ctx, activity, registered, LANGUAGE_NAMES))
    result = []
    for (_number, label), rows in sorted(groups.items()):
        result.append(
            {
                "field_of_action": label,
                "done": [r for r in rows if r["state"] == "done"],
                "planned": [r for r in rows if r["state"] == "planned"],
            }
        )
    done = sum(len(g["done"]) for g in result)
    return {
        "groups": result,
        "done": done,
        "planned": sum(len(g["planned"]) for g in result),
        "participants": sum(r["participants"] or 0 for g in result for r in g["done"]),
    }


def _registered(activities):
    """People registered (confirmed) per activity. One query."""
    from teilhabe.registrations.models import Registration

    rows = (
        Registration.objects.filter(activity__in=[a.pk for a in activities], status="confirmed")
        .values("activity_id")
        .annotate(people=Sum("people"))
        .order_by()
    )
    return {row["activity_id"]: row["people"] for row in rows}


def _row(ctx, activity, registered, language_names):
    pictures = []
    for picture in activity.pictures.all():
        usable = picture.shown_publicly if ctx.public else picture.publishable
        if not usable:
            continue
        source = picture.large or picture.image
        key = ctx.add_file("picture-%s" % picture.pk, source, _mime(source.name))
        if key:
            pictures.append(
                {
                    "asset": key,
                    "credit": picture.credit,
                    "alt": picture.alt_text,
                    "width": picture.width,
                    "height": picture.height,
                }
            )
    done = activity.state == "done"
    return {
        "title": activity.title,
        "kind": activity.get_kind_display(),
        "state": activity.state,
        "state_label": activity.get_state_display(),
        "date": iso(activity.first_on),
        "dates": period_text(activity.first_on, activity.last_on)
        if not activity.recurrence
        else _("ab %(date)s") % {"date": day_text(activity.first_on)},
        "venue": activity.venue.name if activity.venue else "",
        "summary": activity.summary,
        "partners": [
            {"name": p.organisation.name, "role": p.get_role_display()} for p in activity.partners.all()
        ],
        "languages": [language_names.get(code, code) for code in activity.languages or []],
        "participants": activity.participants_actual if done else activity.participants_expected,
        "participants_are_actual": done,
        "registered": registered.get(activity.pk, 0),
        "pictures": pictures,
    }


def _mime(name):
    lower = (name or "").lower()
    if lower.endswith(".png"):
        return "image/png"
    if lower.endswith(".webp"):
        return "image/webp"
    return "image/jpeg"
