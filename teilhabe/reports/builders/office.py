"""Sections about the office itself: the title page, the agenda, the team, the fields of work and programmes,
and the contact page."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from teilhabe.reports.builders.context import day_text, iso, period_text


def title_page(ctx):
    m = ctx.municipality
    logo = ctx.add_file("logo", m.logo, _logo_mime(m.logo.name)) if m.logo else None
    return {
        "title": ctx.title or _("Tätigkeitsbericht"),
        "office": m.office_name,
        "municipality": m.name,
        "date": iso(ctx.date),
        "date_text": day_text(ctx.date),
        "period_text": period_text(ctx.period_from, ctx.period_to),
        "team": team_lines(ctx),
        "logo": logo,
        "logo_alt": _("Logo: %(name)s") % {"name": m.name},
        "credits": [m.logo_credit] if m.logo and m.logo_credit else [],
    }


def _logo_mime(name):
    lower = (name or "").lower()
    if lower.endswith(".svg"):
        return "image/svg+xml"
    if lower.endswith((".jpg", ".jpeg")):
        return "image/jpeg"
    return "image/png"


def agenda(ctx, titles):
    """The chosen sections after the title page and the agenda itself, in their order."""
    return {"items": [title for key, title in titles if key not in ("title", "agenda")]}


def team_lines(ctx):
    """The office's team: each function with the names marked public (accounts/team.py)."""
    from teilhabe.accounts.team import team_groups

    return team_groups(ctx.municipality)


def team(ctx):
    m = ctx.municipality
    return {"office": m.office_name, "municipality": m.name, "groups": team_lines(ctx)}


def fields_of_work(ctx):
    """The concept the office implements and the funding programmes it runs, with their budget and the
    activities they fund in the period's years. Four queries."""
    from teilhabe.concept.models import FieldOfAction, Goal, Measure
    from teilhabe.programmes.models import Funding, Programme

    concept = ctx.concept
    concept_data = None
    if concept is not None:
        concept_data = {
            "title": concept.title,
            "short_name": concept.short_name,
            "adopted_on": day_text(concept.adopted_on),
            "fields": FieldOfAction.objects.filter(concept=concept).count(),
            "goals": Goal.objects.filter(field_of_action__concept=concept).count(),
            "measures": Measure.objects.filter(concept=concept).count(),
        }
    years = list(range(ctx.period_from.year, ctx.period_to.year + 1))
    programmes = (
        Programme.objects.for_municipality(ctx.municipality)
        .select_related("funder")
        .prefetch_related(
            Prefetch("fundings", queryset=Funding.objects.filter(year__in=years).select_related("activity")),
            "budgets",
        )
        .order_by("name")
    )
    rows = []
    for programme in programmes:
        if programme.ends_on and programme.ends_on < ctx.period_from:
            continue
        if programme.starts_on and programme.starts_on > ctx.period_to:
            continue
        fundings = list(programme.fundings.all())
        budget = sum((b.amount for b in programme.budgets.all() if b.year in years), 0)
        rows.append(
            {
                "name": programme.name,
                "funder": programme.funder.name if programme.funder else "",
                "period": period_text(programme.starts_on, programme.ends_on),
                "description": programme.description,
                "budget": float(budget),
                "granted": float(sum((f.granted or 0 for f in fundings), 0)),
                "activities": sorted({f.activity.title for f in fundings}),
            }
        )
    return {"concept": concept_data, "programmes": rows, "years": years}


def contact(ctx):
    m = ctx.municipality
    return {
        "office": m.office_name,
        "municipality": m.name,
        "address": m.office_address,
        "email": m.office_email,
        "phone": m.office_phone,
        "hours": m.office_hours,
    }
