"""Guards for editing the concept's structure: what may be deleted, and tags typed as text."""

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from teilhabe.concept.models import Measure, StatusReport, Tag


def status_in_use(status):
    return (
        Measure.objects.filter(current_status=status).exists()
        or StatusReport.objects.filter(status=status).exists()
    )


def why_not_delete_status(status):
    if status_in_use(status):
        return _(
            "Der Status „%(name)s“ wird von Maßnahmen oder Meldungen verwendet und kann nicht gelöscht werden. Sie können ihn stattdessen als nicht mehr wählbar markieren."
        ) % {"name": status.name}
    return None


def why_not_delete_field(field_of_action):
    if field_of_action.measures.exists() or field_of_action.goals.exists():
        return _(
            "Das Handlungsfeld enthält noch Ziele oder Maßnahmen. Bitte löschen oder verschieben Sie diese zuerst."
        )
    return None


def why_not_delete_goal(goal):
    if goal.measures.exists():
        return _("Das Ziel enthält noch Maßnahmen. Bitte löschen oder verschieben Sie diese zuerst.")
    return None


def why_not_delete_measure(measure):
    if measure.reports.filter(round__closed_at__isnull=False).exists():
        return _(
            "Zu dieser Maßnahme gibt es Meldungen in abgeschlossenen Berichtsrunden. Abgeschlossene Runden bleiben unverändert, deshalb kann die Maßnahme nicht gelöscht werden."
        )
    return None


def parse_tags(text):
    """'Sprache, Kita;  Ehrenamt' -> ['Sprache', 'Kita', 'Ehrenamt'] (unique, order kept)."""
    names = []
    for part in (text or "").replace(";", ",").split(","):
        name = " ".join(part.split())[:80]
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def tags_for(municipality, names):
    existing = {t.name.casefold(): t for t in Tag.objects.filter(municipality=municipality)}
    tags = []
    for name in names:
        tag = existing.get(name.casefold())
        if tag is None:
            tag = Tag.objects.create(municipality=municipality, name=name)
            existing[name.casefold()] = tag
        tags.append(tag)
    return tags


def keep_one_current(concept):
    """Only one concept of a municipality is the current one."""
    if concept.is_current:
        type(concept).objects.filter(municipality_id=concept.municipality_id, is_current=True).exclude(
            pk=concept.pk
        ).update(is_current=False)


def measure_counts_per_goal(concept):
    rows = Measure.objects.filter(concept=concept).values_list("goal_id").annotate(n=Count("pk")).order_by()
    return dict(rows)


def statuses_in_use(municipality):
    used = set(
        Measure.objects.filter(municipality=municipality, current_status__isnull=False)
        .values_list("current_status_id", flat=True)
        .distinct()
    )
    used |= set(
        StatusReport.objects.filter(municipality=municipality).values_list("status_id", flat=True).distinct()
    )
    return used


def save_measure(form, concept):
    """Save a MeasureForm: the hierarchy follows the goal; tags typed as text; foci."""
    with transaction.atomic():
        measure = form.save(commit=False)
        measure.municipality_id = concept.municipality_id
        measure.concept = concept
        measure.field_of_action_id = measure.goal.field_of_action_id
        measure.save()
        form.save_m2m()
        measure.tags.set(tags_for(concept.municipality, form.cleaned_data["tags_text"]))
        measure.foci.set(form.cleaned_data["foci"])
    return measure
