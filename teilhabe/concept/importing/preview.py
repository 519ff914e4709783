"""The preview of a concept import: the sheet compared with the concept, every change it would make."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.concept.importing.result import Change, ImportResult
from teilhabe.concept.importing.validating import Checked
from teilhabe.concept.layout import MEASURES
from teilhabe.concept.models import Concept, FieldOfAction, Goal, Measure
from teilhabe.concept.spreadsheet import ConceptSheet, SheetIssue, SheetMeasure
from teilhabe.sheets import fold

TEXT_COLUMNS = ("description", "cost_note", "indicator")


@dataclass
class Existing:
    """The concept's fields of action, goals and measures, by number, as the comparison found them."""

    fields: dict
    goals: dict
    measures: dict


def change_label(attribute: str) -> str:
    """How the preview names a changed attribute: the header of the column it comes from."""
    own = {
        "title": _("Titel"),
        "ongoing": _("fortlaufend"),
        "timeframe_note": _("Zeitrahmen"),
        "goal": _("Ziel"),
    }
    if attribute in own:
        return own[attribute]
    return next(col.title() for col in MEASURES if col.attribute == attribute)


def plan(sheet: ConceptSheet, concept: Concept | None, checked: Checked, result: ImportResult) -> Existing:
    """Compare the sheet with the concept and record every change in `result` (the preview shows them)."""
    fields = {f.number: f for f in FieldOfAction.objects.filter(concept=concept)} if concept else {}
    goals = (
        {
            (g.field_of_action.number, g.number): g
            for g in Goal.objects.filter(field_of_action__concept=concept).select_related("field_of_action")
        }
        if concept
        else {}
    )
    measures = (
        {
            m.number: m
            for m in Measure.objects.filter(concept=concept)
            .select_related("lead", "goal__field_of_action", "current_status")
            .prefetch_related("involved", "tags", "foci")
        }
        if concept
        else {}
    )
    for sheet_field in sheet.fields:
        existing = fields.get(int(sheet_field.number))
        if existing is None:
            result.changes.append(
                Change("field", "create", sheet_field.number, sheet_field.title, sheet_field.row)
            )
        elif existing.title != sheet_field.title:
            result.changes.append(
                Change(
                    "field",
                    "update",
                    sheet_field.number,
                    sheet_field.title,
                    sheet_field.row,
                    [(_("Titel"), existing.title, sheet_field.title)],
                )
            )
        else:
            result.unchanged["field"] += 1
    for sheet_goal in sheet.goals:
        existing = goals.get((int(sheet_goal.field_number), sheet_goal.number))
        if existing is None:
            result.changes.append(
                Change("goal", "create", sheet_goal.number, sheet_goal.title, sheet_goal.row)
            )
        elif existing.title != sheet_goal.title:
            result.changes.append(
                Change(
                    "goal",
                    "update",
                    sheet_goal.number,
                    sheet_goal.title,
                    sheet_goal.row,
                    [(_("Titel"), existing.title, sheet_goal.title)],
                )
            )
        else:
            result.unchanged["goal"] += 1
    for sheet_measure in sheet.measures:
        existing = measures.get(sheet_measure.number)
        if existing is None:
            result.changes.append(
                Change("measure", "create", sheet_measure.number, sheet_measure.title, sheet_measure.row)
            )
            continue
        details = _measure_differences(sheet, checked, result, existing, sheet_measure)
        if details:
            result.changes.append(
                Change(
                    "measure",
                    "update",
                    sheet_measure.number,
                    sheet_measure.title,
                    sheet_measure.row,
                    details,
                )
            )
        else:
            result.unchanged["measure"] += 1
    missing = sorted(set(measures) - {m.number for m in sheet.measures}, key=_sort_key)
    if missing:
        result.warnings.append(
            SheetIssue(
                sheet.filename,
                ngettext(
                    "%(count)s Maßnahme des Konzepts fehlt in der Tabelle und bleibt unverändert: %(numbers)s.",
                    "%(count)s Maßnahmen des Konzepts fehlen in der Tabelle und bleiben unverändert: %(numbers)s.",
                    len(missing),
                )
                % {
                    "count": len(missing),
                    "numbers": ", ".join(missing[:20]) + (" …" if len(missing) > 20 else ""),
                },
            )
        )
    if "status_note" in sheet.columns and any(m.status_note for m in sheet.measures):
        result.warnings.append(
            sheet.issue(
                _("Die Spalte wird nicht übernommen: Sachstände entstehen in den Berichtsrunden."),
                None,
                "status_note",
            )
        )
    return Existing(fields, goals, measures)


def wanted(sheet: ConceptSheet, checked: Checked, sheet_measure: SheetMeasure) -> dict:
    """The measure's attribute values as the sheet states them (only for columns the sheet has)."""
    columns = sheet.columns
    values: dict = {}
    number = sheet_measure.number
    values["title"] = sheet_measure.title
    for key in TEXT_COLUMNS:  # cells taken as they are, into the attribute the layout names
        if key in columns:
            values[MEASURES[key].attribute] = getattr(sheet_measure, key)
    if "lead" in columns:
        values["lead"] = checked.lead.get(number)
    if "involved" in columns or ("lead" in columns and checked.involved.get(number)):
        values["involved"] = checked.involved.get(number, [])
    if any(role in columns for role in ("start", "end", "timeframe")):
        timeframe = sheet_measure.timeframe
        values["start"] = timeframe.start
        values["end"] = timeframe.end
        values["ongoing"] = timeframe.ongoing
        values["timeframe_note"] = timeframe.text[:200] if timeframe.horizon_only else ""
    if "priority" in columns:
        values["priority"] = checked.priority.get(number, "")
    if "tags" in columns:
        values["tags"] = sheet_measure.tags
    if "focus" in columns:
        values["foci"] = checked.focus_years.get(number, set())
    if "status" in columns and sheet_measure.status:
        values["current_status"] = checked.status.get(number)
    return values


def _measure_differences(
    sheet: ConceptSheet,
    checked: Checked,
    result: ImportResult,
    existing: Measure,
    sheet_measure: SheetMeasure,
) -> list[tuple[str, str, str]]:
    values = wanted(sheet, checked, sheet_measure)
    details = []
    for attribute, new in values.items():
        old = _current(existing, attribute)
        if attribute == "involved":
            if {o.pk for o in old} != {o.pk for o in new}:
                details.append((change_label(attribute), _show(old), _show(new)))
        elif attribute == "tags":
            if {fold(t) for t in old} != {fold(t) for t in new}:
                details.append((change_label(attribute), ", ".join(old), ", ".join(new)))
        elif attribute == "current_status":
            new_pk = getattr(new, "pk", None)
            if new is not None and old is not None and new_pk == old.pk:
                continue
            if isinstance(new, str) and old is not None and old.name == new:
                continue
            if existing.current_report_id:
                result.warnings.append(
                    sheet.issue(
                        _(
                            "Der Status „%(new)s“ wird nicht übernommen: Maßnahme %(number)s hat angenommene "
                            "Sachstandsmeldungen, der Status ändert sich nur über Berichtsrunden."
                        )
                        % {"new": _show(new), "number": existing.number},
                        sheet_measure.row,
                        "status",
                    )
                )
                continue
            details.append((change_label(attribute), _show(old), _show(new)))
        elif old != new:
            details.append((change_label(attribute), _show(old), _show(new)))
    goal = existing.goal
    if (str(goal.field_of_action.number), goal.number) != (
        sheet_measure.field_number,
        sheet_measure.goal_number,
    ):
        details.append((_("Ziel"), goal.number, sheet_measure.goal_number))
    return details


def _current(measure: Measure, attribute: str):
    if attribute == "involved":
        return sorted(measure.involved.all(), key=lambda o: o.name)
    if attribute == "tags":
        return sorted(t.name for t in measure.tags.all())
    if attribute == "foci":
        return {f.year for f in measure.foci.all()}
    if attribute == "current_status":
        return measure.current_status
    return getattr(measure, attribute)


def _show(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, set):
        return ", ".join(str(v) for v in sorted(value)) or "–"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "–"
    if value in Measure.Priority.values:
        return str(Measure.Priority(value).label)
    return str(value)


def _sort_key(number: str):
    return [int(part) if part.isdigit() else 0 for part in number.split(".")]
