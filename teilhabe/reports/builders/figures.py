"""The figures: the Faktencheck comparison of two reference dates (the seed report's table) and the
Umsetzungsstand per field of action as of the latest closed reporting round, with the change since the
round before."""

from django.utils.translation import gettext as _

from teilhabe.reports.builders.context import day_text, iso

HISTORY_KEYS = ("immigration_history", "immigration_history_one_sided")


def factcheck(ctx):
    """The latest reference date up to the period's end and the one before it, in the seed's layout:
    nine rows, German numbers (72.477, 41,7 %), the source line. Disclosure control for the public."""
    from teilhabe.statistics.models import Lead, lead_of
    from teilhabe.statistics.tables import available_dates, comparison_rows, comparison_table

    m = ctx.municipality
    dates = [d for d in available_dates(m) if d <= ctx.period_to][-2:]
    if not dates:
        return {"dates": [], "header": [], "rows": [], "source": "", "empty": _("Noch keine Zahlen.")}
    table = comparison_table(m, dates, public=ctx.public, threshold=m.publication_threshold)
    lead = lead_of(m)
    keys = [key for _label, key, _whole in comparison_rows(lead)]
    rows = []
    for key, row in zip(keys, table.rows, strict=True):
        if key in HISTORY_KEYS and lead != Lead.IMMIGRATION_HISTORY:
            continue  # the seed's table: the Einwanderungsgeschichte only where it leads
        rows.append([cell.text for cell in row])
    return {
        "title": table.title,
        "dates": [iso(d) for d in dates],
        "header": table.header,
        "rows": rows,
        "source": table.caption,
        "suppressed_note": _("„.“: aus Gründen der Geheimhaltung nicht veröffentlicht.")
        if table.has_hidden
        else "",
    }


def implementation(ctx):
    """Measures per status and field of action as of the latest round closed by the period's end, and per
    field how many were started / implemented then and in the round before."""
    from teilhabe.concept.models import FieldOfAction, Goal, Measure, ReportingRound, Status
    from teilhabe.concept.services.reporting import statuses_as_of

    concept = ctx.concept
    if concept is None:
        return {"empty": _("Kein Integrationskonzept angelegt.")}
    rounds = list(
        ReportingRound.objects.filter(
            concept=concept, closed_at__isnull=False, due_date__lte=ctx.period_to
        ).order_by("due_date", "pk")
    )
    latest = rounds[-1] if rounds else None
    previous = rounds[-2] if len(rounds) > 1 else None
    statuses = sorted(Status.objects.filter(municipality=ctx.municipality), key=lambda s: (s.order, s.name))
    by_id = {s.pk: s for s in statuses}
    fields = list(FieldOfAction.objects.filter(concept=concept).order_by("number"))
    measures = list(Measure.objects.filter(concept=concept).values_list("pk", "field_of_action_id"))
    if latest is not None:
        now = statuses_as_of(latest)
    else:
        now = dict(Measure.objects.filter(concept=concept).values_list("pk", "current_status_id"))
    before = statuses_as_of(previous) if previous is not None else {}

    columns = [{"key": str(s.pk), "label": s.name, "colour": s.colour} for s in statuses]
    if any(by_id.get(now.get(pk)) is None for pk, _f in measures):
        columns.append({"key": "none", "label": _("noch kein Status"), "colour": "#d5dbe2"})

    def tally(field_id):
        counts = {c["key"]: 0 for c in columns}
        started = implemented = started_before = implemented_before = total = 0
        for pk, fid in measures:
            if field_id is not None and fid != field_id:
                continue
            total += 1
            status = by_id.get(now.get(pk))
            counts[str(status.pk) if status else "none"] += 1
            started += bool(status and status.counts_as_started)
            implemented += bool(status and status.counts_as_implemented)
            old = by_id.get(before.get(pk))
            started_before += bool(old and old.counts_as_started)
            implemented_before += bool(old and old.counts_as_implemented)
        return {
            "total": total,
            "counts": [counts[c["key"]] for c in columns],
            "started": started,
            "implemented": implemented,
            "started_before": started_before if previous else None,
            "implemented_before": implemented_before if previous else None,
        }

    rows = [{"label": _("Alle Handlungsfelder"), **tally(None)}]
    rows += [{"label": str(f), **tally(f.pk)} for f in fields]
    return {
        "round": latest.title if latest else _("aktueller Stand"),
        "round_date": iso(latest.due_date) if latest else None,
        "round_date_text": day_text(latest.due_date) if latest else "",
        "previous_round": previous.title if previous else "",
        "concept": concept.short_name or concept.title,
        "fields": len(fields),
        "goals": Goal.objects.filter(field_of_action__concept=concept).count(),
        "measures": len(measures),
        "columns": columns,
        "rows": rows,
    }
