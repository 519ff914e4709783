"""Saving a checked and compared concept sheet: fields of action, goals and measures, by number."""

from django.utils.translation import gettext as _

from teilhabe.concept.importing.preview import Existing, wanted
from teilhabe.concept.importing.result import ImportResult
from teilhabe.concept.importing.validating import Checked
from teilhabe.concept.models import (
    Concept,
    FieldOfAction,
    Focus,
    Goal,
    Measure,
    Status,
    Tag,
    ensure_default_statuses,
)
from teilhabe.concept.services.structure import MEASURE_FIELDS
from teilhabe.concept.spreadsheet import ConceptSheet, SheetMeasure
from teilhabe.sheets import fold

FIELD_COLOURS = ["#1f5f8b", "#2e8540", "#c0392b", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d", "#b7950b"]


def apply(
    municipality,
    sheet: ConceptSheet,
    concept: Concept | None,
    checked: Checked,
    found: Existing,
    result: ImportResult,
) -> Concept:
    """Save what plan() found (inside the caller's transaction); the concept (a new one when None)."""
    for organisation in checked.organisations.created:  # the office's "create" decisions, with the concept
        organisation.save()
    if concept is None:
        concept = Concept.objects.create(
            municipality=municipality,
            title=result.new_concept_title,
            short_name=result.new_concept_short_name,
            is_current=not Concept.objects.for_municipality(municipality).filter(is_current=True).exists(),
        )
        result.concept = concept
    if "status" in sheet.columns:
        ensure_default_statuses(municipality)
        statuses = {s.name: s for s in Status.objects.for_municipality(municipality)}
        checked.status = {
            n: (statuses.get(s) if isinstance(s, str) else s) for n, s in checked.status.items()
        }
    fields = dict(found.fields)
    for sheet_field in sheet.fields:
        number = int(sheet_field.number)
        existing = fields.get(number)
        if existing is None:
            fields[number] = FieldOfAction.objects.create(
                municipality=municipality,
                concept=concept,
                number=number,
                title=sheet_field.title,
                colour=FIELD_COLOURS[(number - 1) % len(FIELD_COLOURS)],
            )
        elif existing.title != sheet_field.title:
            existing.title = sheet_field.title
            existing.save(update_fields=["title"])
    goals = dict(found.goals)
    for sheet_goal in sheet.goals:
        key = (int(sheet_goal.field_number), sheet_goal.number)
        existing = goals.get(key)
        if existing is None:
            goals[key] = Goal.objects.create(
                municipality=municipality,
                field_of_action=fields[key[0]],
                number=sheet_goal.number,
                title=sheet_goal.title,
            )
        elif existing.title != sheet_goal.title:
            existing.title = sheet_goal.title
            existing.save(update_fields=["title"])
    tags = {fold(t.name): t for t in Tag.objects.for_municipality(municipality)}
    foci = {f.year: f for f in Focus.objects.filter(concept=concept)}
    changed = {c.number for c in result.changes if c.kind == "measure"}
    for sheet_measure in sheet.measures:
        if sheet_measure.number not in changed:
            continue
        goal = goals[(int(sheet_measure.field_number), sheet_measure.goal_number)]
        _save_measure(municipality, sheet, concept, checked, found, sheet_measure, goal, tags, foci)
    return concept


def _save_measure(
    municipality,
    sheet,
    concept,
    checked,
    found: Existing,
    sheet_measure: SheetMeasure,
    goal: Goal,
    tags: dict,
    foci: dict,
) -> None:
    values = wanted(sheet, checked, sheet_measure)
    measure = found.measures.get(sheet_measure.number)
    created = measure is None
    if created:
        measure = Measure(municipality=municipality, concept=concept, number=sheet_measure.number)
    measure.goal = goal
    measure.field_of_action_id = goal.field_of_action_id
    for attribute in MEASURE_FIELDS:  # the attributes of the named action save_measure (goal set above)
        if attribute in values:
            setattr(measure, attribute, values[attribute])
    status = values.get("current_status")
    if status is not None and not measure.current_report_id:
        measure.current_status = status
    measure.save()
    if "involved" in values:
        measure.involved.set(values["involved"])
    if "tags" in values:
        tag_objects = []
        for name in values["tags"]:
            key = fold(name)
            if key not in tags:
                tags[key] = Tag.objects.create(municipality=municipality, name=name[:80])
            tag_objects.append(tags[key])
        measure.tags.set(tag_objects)
    if "foci" in values:
        focus_objects = []
        for year in sorted(values["foci"]):
            if year not in foci:
                foci[year] = Focus.objects.create(
                    municipality=municipality,
                    concept=concept,
                    year=year,
                    title=_("Schwerpunkt %(year)s") % {"year": year},
                )
            focus_objects.append(foci[year])
        measure.foci.set(focus_objects)
