"""Exporting a concept to XLSX and CSV in the layout the importer reads (concept/layout.py).

- the concept with its current status (each measure's latest accepted report), or
- a closed reporting round, exactly as it was closed (from the reports' snapshots).
An export imports back into its concept without changes (round trip, tested).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from teilhabe import sheets
from teilhabe.concept.layout import CONCEPT_EXPORT, MEASURES, ROUND_EXPORT
from teilhabe.concept.models import Concept, Goal, Measure, ReportingRound, Status, StatusReport
from teilhabe.downloads import download_name

ONGOING = "laufend"


@dataclass
class Export:
    title_lines: list[str]
    columns: tuple[sheets.Col, ...]
    rows: list[dict]  # role -> value (str, date or None)
    statuses: list[Status]
    filename_stem: str


def columns(keys) -> tuple[sheets.Col, ...]:
    return tuple(MEASURES[key] for key in keys)


def _names(organisations) -> str:
    return "; ".join(o.name for o in sorted(organisations, key=lambda o: o.name))


def _start_cell(measure: Measure):
    if measure.start:
        return measure.start
    if not measure.end and not measure.ongoing and measure.timeframe_note:
        return measure.timeframe_note  # a horizon such as "mittelfristig"
    return None


def _end_cell(measure: Measure):
    if measure.ongoing:
        return ONGOING
    return measure.end


def _measure_row(measure: Measure, with_status: bool = True) -> dict:
    field = measure.field_of_action
    goal = measure.goal
    row = {
        "field_number": str(field.number),
        "field": field.title,
        "goal_number": goal.number,
        "goal": goal.title,
        "measure_number": measure.number,
        "measure": measure.title,
        "description": measure.description,
        "lead": measure.lead.name if measure.lead else "",
        "involved": _names(measure.involved.all()),
        "start": _start_cell(measure),
        "end": _end_cell(measure),
        "priority": measure.get_priority_display() if measure.priority else "",
        "cost_note": measure.cost_note,
        "indicator": measure.success_indicator,
        "tags": ", ".join(sorted(t.name for t in measure.tags.all())),
        "focus": ", ".join(str(y) for y in sorted({f.year for f in measure.foci.all()})),
    }
    if with_status:
        row["status"] = measure.current_status.name if measure.current_status else ""
        row["status_note"] = measure.current_report.done if measure.current_report else ""
    return row


def _measures(concept: Concept):
    return (
        Measure.objects.filter(concept=concept)
        .select_related("field_of_action", "goal", "lead", "current_status", "current_report")
        .prefetch_related("involved", "tags", "foci")
        .order_by("sort_key")
    )


def _statuses(concept: Concept) -> list[Status]:
    return list(Status.objects.for_municipality(concept.municipality_id).filter(is_active=True))


def concept_export(concept: Concept, today: dt.date | None = None) -> Export:
    """The concept with every measure's current status."""
    today = today or timezone.localdate()
    title_lines = [
        concept.title,
        _("Kurzname: %(short)s") % {"short": concept.short_name},
        _("Umsetzungsstand vom %(date)s (je Maßnahme die letzte angenommene Sachstandsmeldung)")
        % {"date": today.strftime("%d.%m.%Y")},
    ]
    rows = [_measure_row(measure) for measure in _measures(concept)]
    stem = download_name(pgettext_lazy("Dateiname", "Umsetzungsstand"), concept.short_name, today)
    return Export(title_lines, columns(CONCEPT_EXPORT), rows, _statuses(concept), stem)


def round_export(a_round: ReportingRound) -> Export:
    """A closed round exactly as it was closed: measure number, title, lead and status from the snapshots
    written at closing; field of action and goal titles as they are now."""
    concept = a_round.concept
    goals = {
        (g.field_of_action.number, g.number): g
        for g in Goal.objects.filter(field_of_action__concept=concept).select_related("field_of_action")
    }
    reports = (
        StatusReport.objects.filter(round=a_round)
        .select_related("measure__field_of_action", "measure__goal", "measure__lead", "status", "reported_by")
        .prefetch_related("measure__involved", "measure__tags", "measure__foci")
        .order_by("measure__sort_key")
    )
    rows = []
    for report in reports:
        row = _measure_row(report.measure, with_status=False)
        snapshot = report.snapshot or {}
        frozen = snapshot.get("measure") or {}
        if frozen:
            row["measure_number"] = frozen.get("number", row["measure_number"])
            row["measure"] = frozen.get("title", row["measure"])
            row["lead"] = frozen.get("lead", row["lead"])
            goal = goals.get((report.measure.field_of_action.number, frozen.get("goal")))
            if goal is not None:
                row["goal_number"], row["goal"] = goal.number, goal.title
        status = (snapshot.get("status") or {}).get("name") if snapshot else None
        row["status"] = status or report.status.name
        row["status_note"] = report.done
        row["next_steps"] = report.next_steps
        row["obstacles"] = report.obstacles
        row["reported_by"] = snapshot.get("reported_by") or (
            str(report.reported_by) if report.reported_by else ""
        )
        reported_at = report.reported_at and timezone.localtime(report.reported_at).date()
        row["reported_at"] = reported_at or None
        rows.append(row)
    closed = timezone.localtime(a_round.closed_at).strftime("%d.%m.%Y") if a_round.closed_at else "–"
    title_lines = [
        concept.title,
        _("Kurzname: %(short)s") % {"short": concept.short_name},
        _("Berichtsrunde „%(title)s“, Meldefrist %(due)s, abgeschlossen am %(closed)s")
        % {"title": a_round.title, "due": a_round.due_date.strftime("%d.%m.%Y"), "closed": closed},
    ]
    stem = download_name(pgettext_lazy("Dateiname", "Berichtsrunde"), concept.short_name, a_round.title)
    return Export(title_lines, columns(ROUND_EXPORT), rows, _statuses(concept), stem)


# ---------------------------------------------------------------------------------------------------------
# Writers


def to_csv(export: Export) -> bytes:
    """UTF-8 with BOM (Excel opens it correctly), semicolons, dates as TT.MM.JJJJ; header in the first row."""
    return sheets.write_csv(
        [column.title() for column in export.columns],
        ([row.get(column.key) for column in export.columns] for row in export.rows),
    )


def to_xlsx(export: Export) -> bytes:
    """A formatted workbook ready to print: title lines, header row frozen with autofilter and repeated on every
    page, landscape and fit to the page width, wrapped cells with row heights, dates as dates, drop-down lists
    for status and priority, status cells in the status colour."""
    return sheets.workbook_bytes(build_workbook(export))


def build_workbook(export: Export):
    """The openpyxl Workbook behind to_xlsx (the template generator adds to it)."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    roles = [column.key for column in export.columns]
    out = sheets.Out(
        MEASURES.title(),
        [sheets.Column(column.title(), width=column.width) for column in export.columns],
        ([row.get(role) for role in roles] for row in export.rows),
        title_lines=export.title_lines,
        wrap=True,
        landscape=True,
    )
    workbook = sheets.build([out])
    sheet = workbook.active
    colours = {s.name: s.colour.lstrip("#") for s in export.statuses}
    if "status" in roles:
        status_index = roles.index("status")
        for cells in out.cells:
            cell = cells[status_index] if status_index < len(cells) else None
            if cell is not None and cell.value in colours and len(colours[cell.value]) == 6:
                colour = colours[cell.value]
                cell.fill = PatternFill("solid", fgColor=colour)
                cell.font = Font(color="FFFFFF" if _is_dark(colour) else "000000")
    _add_lists(workbook, sheet, export, roles, out.header_row, DataValidation)
    return workbook


def _add_lists(workbook, sheet, export: Export, roles: list[str], header_row: int, DataValidation) -> None:
    """Drop-down lists for status and priority, fed from a hidden sheet (no length limit)."""
    from openpyxl.utils import get_column_letter

    lists = workbook.create_sheet(_("Listen"))
    lists.sheet_state = "hidden"
    values = {
        "status": [s.name for s in export.statuses],
        "priority": [str(label) for label in Measure.Priority.labels],
    }
    for list_index, (role, items) in enumerate(values.items(), start=1):
        if role not in roles or not items:
            continue
        letter = get_column_letter(list_index)
        for row_index, item in enumerate(items, start=1):
            lists.cell(row_index, list_index, item)
        validation = DataValidation(
            type="list",
            formula1=f"={_quote(lists.title)}!${letter}$1:${letter}${len(items)}",
            allow_blank=True,
            showErrorMessage=False,
        )
        column = get_column_letter(roles.index(role) + 1)
        validation.add(f"{column}{header_row + 1}:{column}{header_row + 1000}")
        sheet.add_data_validation(validation)


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _is_dark(hex_colour: str) -> bool:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return (0.299 * red + 0.587 * green + 0.114 * blue) < 150
