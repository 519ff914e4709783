"""Changing the concept's structure as named actions taking plain values (concepts, goals, measures),
the guards of what may be deleted, and tags typed as text."""

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.concept.models import Concept, Measure, StatusReport, Tag, ensure_default_statuses
from teilhabe.concept.services import versions


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


def is_placeholder_title(title):
    """The concept template's first line ("Integrationskonzept der Stadt … (Titel hier eintragen)") is a
    placeholder, in either interface language, not a title."""
    from django.utils import translation

    from teilhabe.concept.sheet_template import PLACEHOLDER_TITLE

    text = " ".join((title or "").split()).casefold()
    for language in ("de", "en"):
        with translation.override(language):
            placeholder = str(PLACEHOLDER_TITLE).casefold()
        hint = placeholder[placeholder.find("(") :] if "(" in placeholder else placeholder
        if text == placeholder or hint in text:
            return True
    return False


CONCEPT_FIELDS = (
    "title",
    "short_name",
    "adopted_on",
    "resolution_reference",
    "period_start",
    "period_end",
    "description",
    "is_current",
    "public",
)


def create_concept(municipality, values):
    """A new concept from plain values (CONCEPT_FIELDS); the municipality gets the default status vocabulary
    if it has none, and a current concept makes every other one not current."""
    with transaction.atomic():
        concept = Concept(municipality=municipality)
        for name in CONCEPT_FIELDS:
            if name in values:
                setattr(concept, name, values[name])
        concept.save()
        _keep_one_current(concept)
        ensure_default_statuses(municipality)
    return concept


def update_concept(concept, values):
    with transaction.atomic():
        for name in CONCEPT_FIELDS:
            if name in values:
                setattr(concept, name, values[name])
        concept.save()
        _keep_one_current(concept)
    return concept


def _keep_one_current(concept):
    """Only one concept of a municipality is the current one; saved one by one, so the audit trail shows
    which concept stopped being current."""
    if not concept.is_current:
        return
    others = Concept.objects.filter(municipality_id=concept.municipality_id, is_current=True).exclude(
        pk=concept.pk
    )
    for other in others.select_for_update():
        other.is_current = False
        other.save(update_fields=["is_current"])


def save_goal(goal, values):
    """Save a goal from plain values (field_of_action, number, title, description); its measures follow it
    into another field of action, each saved on its own (so each move is in the audit trail)."""
    with transaction.atomic():
        for name in ("field_of_action", "number", "title", "description"):
            if name in values:
                setattr(goal, name, values[name])
        goal.save()
        for measure in goal.measures.exclude(field_of_action=goal.field_of_action).select_for_update():
            measure.field_of_action = goal.field_of_action
            measure.save(update_fields=["field_of_action"])
    return goal


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


MEASURE_FIELDS = (
    "goal",
    "number",
    "title",
    "description",
    "lead",
    "start",
    "end",
    "ongoing",
    "timeframe_note",
    "priority",
    "cost_note",
    "success_indicator",
    "public",
)


def save_measure(concept, values, measure=None):
    """Create (measure None) or change a measure from plain values: MEASURE_FIELDS, `involved`
    (organisations), `tags` (names) and `foci`. The hierarchy follows the goal. A change is saved only if
    the measure is still at `values["version"]` (the version its form was opened on), else
    versions.EditConflict."""
    with transaction.atomic():
        if measure is None:
            measure = Measure(municipality_id=concept.municipality_id, concept=concept)
        else:
            expected = values.get("version")
            versions.claim_version(
                measure, measure.version if expected is None else expected, _("Diese Maßnahme")
            )
        for name in MEASURE_FIELDS:
            if name in values:
                setattr(measure, name, values[name])
        measure.concept = concept
        measure.field_of_action_id = measure.goal.field_of_action_id
        measure.save()
        if "involved" in values:
            measure.involved.set(values["involved"])
        if "tags" in values:
            measure.tags.set(tags_for(concept.municipality, values["tags"]))
        if "foci" in values:
            measure.foci.set(values["foci"])
    return measure


def save_field_of_action(field_of_action, values):
    """A field of action (number, title, description, colour) from plain values."""
    return save_values(field_of_action, values)


def save_status(status, values):
    """A value of the status vocabulary; "umgesetzt" implies "begonnen" (the form says so, and so does this)."""
    if values.get("counts_as_implemented"):
        values = {**values, "counts_as_started": True}
    return save_values(status, values)


def save_focus(focus, values):
    """A focus with its fields of action and single measures (many-to-many, set after the save)."""
    return save_values(focus, values)
