"""Importing a concept spreadsheet into the database: all or nothing, by number, safe to repeat.

    result = import_concept(municipality, "konzept.xlsx", concept=None, dry_run=True)
    result.ok, result.errors, result.unknown_organisations, result.changes

- Organisations are matched to the directory by name or short name (case, umlauts and spaces ignored).
  Every unknown organisation is listed, with its rows, before anything is saved.
- Fields of action, goals and measures are created or updated by number; measures that are in the concept
  but not in the sheet stay as they are. Importing the same file twice changes nothing, and an export
  re-imports into its concept without changes (round trip).
- Columns the sheet does not have leave the corresponding data alone; an empty cell in a present column
  clears the value.
- A status label is mapped to the municipality's status vocabulary. It sets the measure's status only while
  the measure has no accepted status report: after that, status changes go through reporting rounds.
"""

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.concept.models import (
    DEFAULT_STATUSES,
    Concept,
    FieldOfAction,
    Focus,
    Goal,
    Measure,
    Status,
    Tag,
    ensure_default_statuses,
)
from teilhabe.concept.services.structure import is_placeholder_title
from teilhabe.concept.spreadsheet import ConceptSheet, SheetIssue, SheetMeasure, read_concept_sheet
from teilhabe.concept.spreadsheet.headers import fold
from teilhabe.concept.spreadsheet.values import split_organisations
from teilhabe.directory.models import Organisation

FIELD_COLOURS = ["#1f5f8b", "#2e8540", "#c0392b", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d", "#b7950b"]

# Other words municipalities use for the default statuses (folded) -> default status name.
STATUS_ALIASES = {
    "offen": "nicht begonnen",
    "noch nicht begonnen": "nicht begonnen",
    "nicht gestartet": "nicht begonnen",
    "geplant": "in Vorbereitung",
    "in planung": "in Vorbereitung",
    "vorbereitung": "in Vorbereitung",
    "begonnen": "in Umsetzung",
    "in arbeit": "in Umsetzung",
    "in bearbeitung": "in Umsetzung",
    "teilweise umgesetzt": "in Umsetzung",
    "laeuft": "in Umsetzung",
    "abgeschlossen": "umgesetzt",
    "erledigt": "umgesetzt",
    "erfuellt": "umgesetzt",
    "laufend": "dauerhaft umgesetzt (laufend)",
    "dauerhaft": "dauerhaft umgesetzt (laufend)",
    "dauerhaft umgesetzt": "dauerhaft umgesetzt (laufend)",
    "daueraufgabe": "dauerhaft umgesetzt (laufend)",
    "fortlaufend": "dauerhaft umgesetzt (laufend)",
    "verschoben": "zurückgestellt",
    "pausiert": "zurückgestellt",
    "ruht": "zurückgestellt",
    "entfaellt": "entfallen",
    "gestrichen": "entfallen",
    "nicht umgesetzt": "entfallen",
}
PRIORITY_WORDS = {
    "hoch": Measure.Priority.HIGH, "high": Measure.Priority.HIGH, "1": Measure.Priority.HIGH,
    "a": Measure.Priority.HIGH, "sehr hoch": Measure.Priority.HIGH,
    "mittel": Measure.Priority.MEDIUM, "medium": Measure.Priority.MEDIUM, "2": Measure.Priority.MEDIUM,
    "b": Measure.Priority.MEDIUM, "normal": Measure.Priority.MEDIUM,
    "niedrig": Measure.Priority.LOW, "gering": Measure.Priority.LOW, "low": Measure.Priority.LOW,
    "3": Measure.Priority.LOW, "c": Measure.Priority.LOW,
}  # fmt: skip
EMPTY_NAMES = {"-", "–", "—", "keine", "keiner", "k.a.", "k. a.", "n.n.", "n. n.", "nn", "entfaellt", "/"}

# Attributes compared and written per measure, with the sheet column that governs each and a German label.
MEASURE_ATTRIBUTES = [
    ("title", "measure", "Titel"),
    ("description", "description", "Beschreibung"),
    ("lead", "lead", "Federführung"),
    ("involved", "involved", "Beteiligte"),
    ("start", ("start", "timeframe"), "Beginn"),
    ("end", ("end", "timeframe"), "Ende"),
    ("ongoing", ("start", "end", "timeframe"), "fortlaufend"),
    ("timeframe_note", ("start", "end", "timeframe"), "Zeitrahmen"),
    ("priority", "priority", "Priorität"),
    ("cost_note", "cost_note", "Kosten / Finanzierung"),
    ("success_indicator", "indicator", "Indikator"),
    ("tags", "tags", "Schlagworte"),
    ("focus_years", "focus", "Schwerpunkt"),
    ("status", "status", "Status"),
    ("goal", None, "Ziel"),
]


@dataclass
class Change:
    """One planned change, for the preview: kind is "field", "goal" or "measure"; action "create"/"update"."""

    kind: str
    action: str
    number: str
    title: str
    row: int | None = None
    details: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)

    @property
    def kind_label(self) -> str:
        return {"field": _("Handlungsfeld"), "goal": _("Ziel"), "measure": _("Maßnahme")}[self.kind]


@dataclass
class UnknownOrganisation:
    name: str
    rows: list[int]

    def __str__(self) -> str:
        return _("„%(name)s“ (Zeile %(rows)s)") % {"name": self.name, "rows": ", ".join(map(str, self.rows))}


@dataclass
class ImportResult:
    sheet: ConceptSheet
    concept: Concept | None = None
    dry_run: bool = False
    saved: bool = False
    errors: list[SheetIssue] = field(default_factory=list)
    warnings: list[SheetIssue] = field(default_factory=list)
    unknown_organisations: list[UnknownOrganisation] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    unchanged: dict[str, int] = field(default_factory=lambda: {"field": 0, "goal": 0, "measure": 0})
    new_concept_title: str = ""
    new_concept_short_name: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unknown_organisations

    def count(self, kind: str, action: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind and change.action == action)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def summary(self) -> str:
        """One German sentence: what was (or would be) created and changed."""
        parts = []
        for kind, label in (
            ("field", _("Handlungsfelder")),
            ("goal", _("Ziele")),
            ("measure", _("Maßnahmen")),
        ):
            parts.append(
                _("%(label)s: %(created)s neu, %(updated)s geändert, %(unchanged)s unverändert")
                % {
                    "label": label,
                    "created": self.count(kind, "create"),
                    "updated": self.count(kind, "update"),
                    "unchanged": self.unchanged[kind],
                }
            )
        return "; ".join(parts) + "."


# ---------------------------------------------------------------------------------------------------------


def import_concept(
    municipality,
    path_or_file,
    concept: Concept | None = None,
    dry_run: bool = False,
    *,
    filename: str | None = None,
    title: str = "",
    short_name: str = "",
) -> ImportResult:
    """Read the sheet, check everything, then (unless dry_run) save it in one transaction.

    `concept` None creates a new concept; its title and short name come from `title`/`short_name`, else from
    the lines above the header ("Integrationskonzept …", "Kurzname: KIK"), else from the file name.
    """
    sheet = read_concept_sheet(path_or_file, filename)
    result = ImportResult(sheet=sheet, concept=concept, dry_run=dry_run)
    result.errors.extend(sheet.errors)
    result.warnings.extend(sheet.warnings)
    if concept is not None and concept.municipality_id != municipality.pk:
        raise ValueError("concept belongs to another municipality")
    if not sheet.measures:
        return result
    if concept is None:
        result.new_concept_title, result.new_concept_short_name = _new_concept_names(sheet, title, short_name)
        namesake = (
            Concept.objects.for_municipality(municipality)
            .filter(short_name__iexact=result.new_concept_short_name)
            .first()
        )
        if namesake is not None:
            result.warnings.append(
                SheetIssue(
                    sheet.filename,
                    _(
                        "Es gibt schon ein Konzept mit dem Kurznamen „%(short)s“ („%(title)s“). Der Import legt "
                        "ein weiteres an; zum Aktualisieren bitte dieses Konzept als Ziel wählen."
                    )
                    % {"short": namesake.short_name, "title": namesake.title},
                )
            )
    planner = _Planner(municipality, sheet, concept, result)
    planner.resolve()  # also for a sheet with errors, so that the user sees every problem at once
    if not result.ok:
        return result
    if dry_run:
        planner.plan()
        return result
    with transaction.atomic():  # compare and save in one transaction
        planner.plan()
        planner.apply()
    result.saved = True
    return result


def _new_concept_names(sheet: ConceptSheet, title: str, short_name: str) -> tuple[str, str]:
    lines = []
    for line in sheet.title_lines:
        label, _sep, value = line.partition(":")
        if fold(label).strip() == "kurzname" and value.strip():
            short_name = short_name or value.strip()
        elif not is_placeholder_title(line):  # the template's placeholder never becomes a title
            lines.append(line)
    title = title or (lines[0] if lines else os.path.splitext(sheet.filename)[0])
    if not short_name:
        initials = "".join(word[0] for word in re.findall(r"\w+", title) if word[0].isupper())
        short_name = initials[:10] or title[:10]
    return title[:300], short_name[:40]


class _Planner:
    def __init__(self, municipality, sheet: ConceptSheet, concept: Concept | None, result: ImportResult):
        self.municipality = municipality
        self.sheet = sheet
        self.concept = concept
        self.result = result
        self.lead: dict[str, Organisation | None] = {}  # measure number -> lead
        self.involved: dict[str, list[Organisation]] = {}
        self.status: dict[str, Status | None] = {}
        self.priority: dict[str, str] = {}
        self.focus_years: dict[str, set[int]] = {}

    # -- checks before anything is saved -----------------------------------------------------------------
    def resolve(self) -> None:
        self._resolve_statuses()
        self._resolve_priorities_and_focus()
        self._resolve_organisations()

    def _error(self, message: str, row: int | None = None, role: str | None = None) -> None:
        self.result.errors.append(self.sheet.issue(message, row, role))

    def _warn(self, message: str, row: int | None = None, role: str | None = None) -> None:
        self.result.warnings.append(self.sheet.issue(message, row, role))

    def _resolve_organisations(self) -> None:
        organisations = list(Organisation.objects.for_municipality(self.municipality))
        by_name: dict[str, Organisation] = {}
        by_short: dict[str, list[Organisation]] = defaultdict(list)
        for organisation in organisations:
            by_name[fold(organisation.name)] = organisation
            if organisation.short_name:
                by_short[fold(organisation.short_name)].append(organisation)
        known = [o.name for o in organisations] + [o.short_name for o in organisations if o.short_name]
        unknown: dict[str, list[int]] = {}

        def match(name: str, row: int, role: str) -> Organisation | None:
            found = _match(name, row, role)
            if found is None and re.search(r"\(.*\)", name):
                # "Kulturamt (Stadtbibliothek)": try again without the remark in brackets.
                plain = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
                if (
                    plain
                    and fold(plain) != fold(name)
                    and (fold(plain) in by_name or fold(plain) in by_short)
                ):
                    unknown.pop(name, None)
                    return _match(plain, row, role)
            return found

        def _match(name: str, row: int, role: str) -> Organisation | None:
            key = fold(name).strip(" .")
            if key in by_name or fold(name) in by_name:
                return by_name.get(key) or by_name[fold(name)]
            candidates = by_short.get(fold(name), [])
            if len(candidates) == 1:
                return candidates[0]
            if not candidates and len(key) >= 6:
                # "Ukrainischer Verein" for "Ukrainischer Verein Musterstadt e.V.": the start of exactly one name.
                starts = [o for k, o in by_name.items() if k.startswith(key) and not k[len(key)].isalnum()]
                if len(starts) == 1:
                    self._warn(
                        _("„%(name)s“ wird als „%(full)s“ erkannt.") % {"name": name, "full": starts[0].name},
                        row,
                        role,
                    )
                    return starts[0]
            if len(candidates) > 1:
                self._error(
                    _(
                        "Der Kurzname „%(name)s“ passt zu mehreren Organisationen: %(names)s. Bitte den vollen Namen verwenden."
                    )
                    % {"name": name, "names": ", ".join(o.name for o in candidates)},
                    row,
                    role,
                )
                return None
            rows = unknown.setdefault(name, [])
            if row not in rows:
                rows.append(row)
            return None

        for measure in self.sheet.measures:
            leads = [n for n in split_organisations(measure.lead_text, known) if fold(n) not in EMPTY_NAMES]
            involved = [
                n for n in split_organisations(measure.involved_text, known) if fold(n) not in EMPTY_NAMES
            ]
            lead_orgs = [o for o in (match(n, measure.row, "lead") for n in leads) if o]
            involved_orgs = [o for o in (match(n, measure.row, "involved") for n in involved) if o]
            if len(leads) > 1:
                self._warn(
                    _(
                        "Mehrere federführende Stellen: „%(lead)s“ wird federführend, die übrigen werden beteiligt."
                    )
                    % {"lead": leads[0]},
                    measure.row,
                    "lead",
                )
            lead = lead_orgs[0] if lead_orgs else None
            merged = []
            for organisation in lead_orgs[1:] + involved_orgs:
                if organisation not in merged and organisation != lead:
                    merged.append(organisation)
            self.lead[measure.number] = lead
            self.involved[measure.number] = merged
        # Keep the sheet's spelling, in sheet order; merge spellings that differ only in case or spaces.
        merged_unknown: dict[str, UnknownOrganisation] = {}
        for name, rows in unknown.items():
            key = fold(name)
            if key in merged_unknown:
                merged_unknown[key].rows = sorted(set(merged_unknown[key].rows + rows))
            else:
                merged_unknown[key] = UnknownOrganisation(name, sorted(rows))
        self.result.unknown_organisations = list(merged_unknown.values())
        if self.result.unknown_organisations:
            self.result.errors.append(
                SheetIssue(
                    self.sheet.filename,
                    _(
                        "Unbekannte Organisationen: %(names)s. Bitte zuerst im Adressbuch anlegen (Name oder "
                        "Kurzname) oder den Namen in der Tabelle korrigieren."
                    )
                    % {"names": "; ".join(str(u) for u in self.result.unknown_organisations)},
                )
            )

    def _resolve_statuses(self) -> None:
        if "status" not in self.sheet.columns:
            return
        statuses = list(Status.objects.for_municipality(self.municipality))
        vocabulary: dict[str, Status | str] = {}
        if statuses:
            for status in statuses:
                vocabulary[fold(status.name)] = status
                vocabulary.setdefault(fold(re.sub(r"\s*\(.*?\)", "", status.name)), status)
        else:  # the defaults will be created on save
            for name, *_rest in DEFAULT_STATUSES:
                vocabulary[fold(name)] = name
                vocabulary.setdefault(fold(re.sub(r"\s*\(.*?\)", "", name)), name)
        for alias, target in STATUS_ALIASES.items():
            if fold(target) in vocabulary:
                vocabulary.setdefault(alias, vocabulary[fold(target)])
        names = [s.name for s in statuses] if statuses else [d[0] for d in DEFAULT_STATUSES]
        for measure in self.sheet.measures:
            if not measure.status:
                continue
            status = vocabulary.get(fold(measure.status).strip(" ."))
            if status is None:
                self._error(
                    _("Den Status „%(status)s“ gibt es nicht. Möglich sind: %(names)s.")
                    % {"status": measure.status, "names": ", ".join(names)},
                    measure.row,
                    "status",
                )
            self.status[measure.number] = status

    def _resolve_priorities_and_focus(self) -> None:
        for measure in self.sheet.measures:
            if measure.priority:
                priority = PRIORITY_WORDS.get(fold(measure.priority).strip(" ."))
                if priority is None:
                    self._error(
                        _("Die Priorität „%(value)s“ ist unbekannt. Möglich sind: hoch, mittel, niedrig.")
                        % {"value": measure.priority},
                        measure.row,
                        "priority",
                    )
                self.priority[measure.number] = priority or ""
            years = set()
            for token in measure.focus:
                match = re.fullmatch(r"(?:schwerpunkt\s*)?(\d{4})", fold(token))
                if not match:
                    self._error(
                        _("„%(value)s“ ist kein Schwerpunktjahr (erwartet z. B. 2024).") % {"value": token},
                        measure.row,
                        "focus",
                    )
                    continue
                years.add(int(match.group(1)))
            self.focus_years[measure.number] = years

    # -- the plan ---------------------------------------------------------------------------------------
    def plan(self) -> None:
        """Compare the sheet with the concept and record every change (the preview shows them)."""
        concept = self.concept
        result = self.result
        fields = {f.number: f for f in FieldOfAction.objects.filter(concept=concept)} if concept else {}
        goals = (
            {
                (g.field_of_action.number, g.number): g
                for g in Goal.objects.filter(field_of_action__concept=concept).select_related(
                    "field_of_action"
                )
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
        self.existing_fields, self.existing_goals, self.existing_measures = fields, goals, measures
        for sheet_field in self.sheet.fields:
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
        for sheet_goal in self.sheet.goals:
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
        for sheet_measure in self.sheet.measures:
            existing = measures.get(sheet_measure.number)
            if existing is None:
                result.changes.append(
                    Change("measure", "create", sheet_measure.number, sheet_measure.title, sheet_measure.row)
                )
                continue
            details = self._measure_differences(existing, sheet_measure)
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
        missing = sorted(set(measures) - {m.number for m in self.sheet.measures}, key=_sort_key)
        if missing:
            result.warnings.append(
                SheetIssue(
                    self.sheet.filename,
                    _(
                        "%(count)s Maßnahmen des Konzepts fehlen in der Tabelle und bleiben unverändert: %(numbers)s."
                    )
                    % {
                        "count": len(missing),
                        "numbers": ", ".join(missing[:20]) + (" …" if len(missing) > 20 else ""),
                    },
                )
            )
        if "status_note" in self.sheet.columns and any(m.status_note for m in self.sheet.measures):
            result.warnings.append(
                self.sheet.issue(
                    _("Die Spalte wird nicht übernommen: Sachstände entstehen in den Berichtsrunden."),
                    None,
                    "status_note",
                )
            )

    def wanted(self, sheet_measure: SheetMeasure) -> dict:
        """The measure's attribute values as the sheet states them (only for columns the sheet has)."""
        columns = self.sheet.columns
        values: dict = {}
        number = sheet_measure.number
        values["title"] = sheet_measure.title
        if "description" in columns:
            values["description"] = sheet_measure.description
        if "lead" in columns:
            values["lead"] = self.lead.get(number)
        if "involved" in columns or ("lead" in columns and self.involved.get(number)):
            values["involved"] = self.involved.get(number, [])
        if any(role in columns for role in ("start", "end", "timeframe")):
            timeframe = sheet_measure.timeframe
            values["start"] = timeframe.start
            values["end"] = timeframe.end
            values["ongoing"] = timeframe.ongoing
            values["timeframe_note"] = timeframe.text[:200] if timeframe.horizon_only else ""
        if "priority" in columns:
            values["priority"] = self.priority.get(number, "")
        if "cost_note" in columns:
            values["cost_note"] = sheet_measure.cost_note
        if "indicator" in columns:
            values["success_indicator"] = sheet_measure.indicator
        if "tags" in columns:
            values["tags"] = sheet_measure.tags
        if "focus" in columns:
            values["focus_years"] = self.focus_years.get(number, set())
        if "status" in columns and sheet_measure.status:
            values["status"] = self.status.get(number)
        return values

    def _measure_differences(
        self, existing: Measure, sheet_measure: SheetMeasure
    ) -> list[tuple[str, str, str]]:
        wanted = self.wanted(sheet_measure)
        details = []
        labels = {attribute: label for attribute, _role, label in MEASURE_ATTRIBUTES}
        for attribute, new in wanted.items():
            old = _current(existing, attribute)
            if attribute == "involved":
                if {o.pk for o in old} != {o.pk for o in new}:
                    details.append((labels[attribute], _show(old), _show(new)))
            elif attribute == "tags":
                if {fold(t) for t in old} != {fold(t) for t in new}:
                    details.append((labels[attribute], ", ".join(old), ", ".join(new)))
            elif attribute == "status":
                new_pk = getattr(new, "pk", None)
                if new is not None and old is not None and new_pk == old.pk:
                    continue
                if isinstance(new, str) and old is not None and old.name == new:
                    continue
                if existing.current_report_id:
                    self._warn(
                        _(
                            "Der Status „%(new)s“ wird nicht übernommen: Maßnahme %(number)s hat angenommene "
                            "Sachstandsmeldungen, der Status ändert sich nur über Berichtsrunden."
                        )
                        % {"new": _show(new), "number": existing.number},
                        sheet_measure.row,
                        "status",
                    )
                    continue
                details.append((labels[attribute], _show(old), _show(new)))
            elif old != new:
                details.append((labels[attribute], _show(old), _show(new)))
        goal = existing.goal
        if (str(goal.field_of_action.number), goal.number) != (
            sheet_measure.field_number,
            sheet_measure.goal_number,
        ):
            details.append((_("Ziel"), goal.number, sheet_measure.goal_number))
        return details

    # -- saving -----------------------------------------------------------------------------------------
    def apply(self) -> None:
        municipality = self.municipality
        result = self.result
        if self.concept is None:
            self.concept = Concept.objects.create(
                municipality=municipality,
                title=result.new_concept_title,
                short_name=result.new_concept_short_name,
                is_current=not Concept.objects.for_municipality(municipality)
                .filter(is_current=True)
                .exists(),
            )
            result.concept = self.concept
        concept = self.concept
        if "status" in self.sheet.columns:
            ensure_default_statuses(municipality)
            statuses = {s.name: s for s in Status.objects.for_municipality(municipality)}
            self.status = {n: (statuses.get(s) if isinstance(s, str) else s) for n, s in self.status.items()}
        fields = dict(self.existing_fields)
        for sheet_field in self.sheet.fields:
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
        goals = dict(self.existing_goals)
        for sheet_goal in self.sheet.goals:
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
        for sheet_measure in self.sheet.measures:
            if sheet_measure.number not in changed:
                continue
            goal = goals[(int(sheet_measure.field_number), sheet_measure.goal_number)]
            self._save_measure(sheet_measure, goal, tags, foci)

    def _save_measure(self, sheet_measure: SheetMeasure, goal: Goal, tags: dict, foci: dict) -> None:
        municipality = self.municipality
        wanted = self.wanted(sheet_measure)
        measure = self.existing_measures.get(sheet_measure.number)
        created = measure is None
        if created:
            measure = Measure(municipality=municipality, concept=self.concept, number=sheet_measure.number)
        measure.goal = goal
        measure.field_of_action_id = goal.field_of_action_id
        for attribute in (
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
        ):
            if attribute in wanted:
                setattr(measure, attribute, wanted[attribute])
        status = wanted.get("status")
        if status is not None and not measure.current_report_id:
            measure.current_status = status
        measure.save()
        if "involved" in wanted:
            measure.involved.set(wanted["involved"])
        if "tags" in wanted:
            tag_objects = []
            for name in wanted["tags"]:
                key = fold(name)
                if key not in tags:
                    tags[key] = Tag.objects.create(municipality=municipality, name=name[:80])
                tag_objects.append(tags[key])
            measure.tags.set(tag_objects)
        if "focus_years" in wanted:
            focus_objects = []
            for year in sorted(wanted["focus_years"]):
                if year not in foci:
                    foci[year] = Focus.objects.create(
                        municipality=municipality,
                        concept=self.concept,
                        year=year,
                        title=_("Schwerpunkt %(year)s") % {"year": year},
                    )
                focus_objects.append(foci[year])
            measure.foci.set(focus_objects)


def _current(measure: Measure, attribute: str):
    if attribute == "involved":
        return sorted(measure.involved.all(), key=lambda o: o.name)
    if attribute == "tags":
        return sorted(t.name for t in measure.tags.all())
    if attribute == "focus_years":
        return {f.year for f in measure.foci.all()}
    if attribute == "status":
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
