"""Sections from the integration concept: the focus of the year with its measures, and the cooperation with
departments from the responsibility matrix (Schnittstellenmanagement)."""

from django.utils.translation import gettext as _


def focus(ctx):
    """The focus of the period's last year (else the latest before it) with its measures and status."""
    from teilhabe.concept.services.progress import current_focus, focus_measures

    concept = ctx.concept
    if concept is None:
        return {"empty": _("Kein Integrationskonzept angelegt.")}
    the_focus = current_focus(concept, year=ctx.period_to.year)
    if the_focus is None:
        return {"empty": _("Kein Schwerpunkt festgelegt.")}
    measures = focus_measures(the_focus).select_related("current_status", "lead").order_by("sort_key")
    return {
        "year": the_focus.year,
        "title": the_focus.title,
        "description": the_focus.description,
        "fields": [str(f) for f in the_focus.fields_of_action.all()],
        "measures": [
            {
                "number": m.number,
                "title": m.title,
                "status": m.current_status.name if m.current_status else _("noch kein Status"),
                "lead": m.lead.name if m.lead else "",
            }
            for m in measures
        ],
    }


def own_organisations(ctx) -> set:
    """The office's own organisation(s) in the directory: those its office members act for, or named like
    it. Two queries."""
    from teilhabe.accounts.models import Membership
    from teilhabe.accounts.roles import OFFICE
    from teilhabe.directory.models import Organisation

    ids = set(
        Membership.objects.filter(
            municipality=ctx.municipality, role=OFFICE, organisation__isnull=False
        ).values_list("organisation_id", flat=True)
    )
    ids |= set(
        Organisation.objects.for_municipality(ctx.municipality)
        .filter(name=ctx.municipality.office_name)
        .values_list("pk", flat=True)
    )
    return ids


def cooperation(ctx):
    """Departments of the administration the office works with: measures each leads or is involved in,
    and the activities of the period they co-run."""
    from teilhabe.activities.models import ActivityPartner
    from teilhabe.concept.services.matrix import responsibility_matrix
    from teilhabe.directory.models import Organisation

    concept = ctx.concept
    own = own_organisations(ctx)
    rows = []
    if concept is not None:
        _fields, matrix = responsibility_matrix(concept)
        rows = [
            {"name": r.organisation.name, "lead": r.lead, "involved": r.involved, "activities": 0}
            for r in matrix
            if r.organisation.kind == Organisation.Kind.DEPARTMENT and r.organisation.pk not in own
        ]
    partners = (
        ActivityPartner.objects.for_municipality(ctx.municipality)
        .filter(organisation__kind=Organisation.Kind.DEPARTMENT, activity__first_on__lte=ctx.period_to)
        .exclude(activity__last_on__lt=ctx.period_from)
        .exclude(activity__state__in=("idea", "cancelled"))
        .exclude(organisation_id__in=own)
        .values_list("organisation__name", "activity_id")
    )
    by_name = {row["name"]: row for row in rows}
    seen = set()
    for name, activity_id in partners:
        if (name, activity_id) in seen:
            continue
        seen.add((name, activity_id))
        row = by_name.get(name)
        if row is None:
            row = by_name[name] = {"name": name, "lead": 0, "involved": 0, "activities": 0}
            rows.append(row)
        row["activities"] += 1
    rows.sort(key=lambda r: r["name"].casefold())
    return {"concept": concept.short_name if concept else "", "departments": rows}
