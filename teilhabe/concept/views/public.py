"""The public page of the integration concept: fields of action, goals, the published measures with their
accepted status and progress, the Umsetzungsstand and its trend across the closed rounds. Only a concept the
office published (Concept.public) and its measures marked public; no names of people, no report texts."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from teilhabe.accounts.decorators import public_view
from teilhabe.concept.services import charts, publication


@public_view
@require_safe
def concept(request):
    found = publication.published_concept(request.municipality)
    ctx = {"concept": found}
    if found is not None:
        overview = publication.public_overview(found)
        trend = publication.public_trend(found)
        ctx.update(
            overview=overview,
            fields=publication.published_fields(found),
            status_svg=charts.status_chart(overview) if overview.overall.total else "",
            trend=trend,
            trend_svg=charts.trend_chart(trend) if len(trend) >= 2 else "",
        )
    return render(request, "concept/public.html", ctx)
