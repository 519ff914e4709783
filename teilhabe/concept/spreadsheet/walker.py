"""Walking the data rows of a concept sheet, keeping the current field of action and goal.

Rows are of four kinds:
- blank rows and repeated header rows: skipped;
- heading rows: a single filled cell such as "Handlungsfeld 1: Sprache und Bildung" or "1.2 Deutsch lernen"
  (often merged across the table), which sets the current field of action or goal;
- context rows: field and/or goal cells filled but no measure;
- measure rows: a measure number or title.
Field and goal carry down to the rows below them (merged or simply left blank), until a new one appears.
"""

from django.utils.translation import gettext as _

from teilhabe.concept.spreadsheet.headers import match_header
from teilhabe.concept.spreadsheet.rows import ConceptSheet, SheetField, SheetGoal, SheetMeasure
from teilhabe.concept.spreadsheet.values import (
    Timeframe,
    ValueIssue,
    cell_text,
    child_number,
    clean_number,
    normalise_number,
    number_depth,
    parse_end,
    parse_start,
    parse_timeframe,
    split_list,
    split_number_title,
    split_organisations,
)
from teilhabe.sheets import Sheet, fold

# Roles that belong to a measure: a row with any of them but no measure is an error.
MEASURE_DETAIL_ROLES = (
    "description",
    "lead",
    "involved",
    "timeframe",
    "start",
    "end",
    "status",
    "status_note",
    "priority",
    "indicator",
    "cost_note",
    "tags",
    "focus",
)


class Walker:
    """Walks the data rows, keeping the current field and goal, and collects fields, goals and measures."""

    def __init__(self, sheet: ConceptSheet, grid: Sheet):
        self.sheet = sheet
        self.grid = grid
        self.fields: dict[str, SheetField] = {}
        self.goals: dict[str, SheetGoal] = {}
        self.measures: dict[str, SheetMeasure] = {}
        self.field: str | None = None
        self.goal: str | None = None

    # -- cell access ------------------------------------------------------------------------------------
    def raw(self, row: int, role: str):
        column = self.sheet.columns.get(role)
        return self.grid.value(row, column.index) if column else None

    def text(self, row: int, role: str) -> str:
        return cell_text(self.raw(row, role))

    def error(self, message: str, row: int, *roles: str) -> None:
        self.sheet.error(message, row, self.sheet.first_role(*roles) if roles else None)

    def warn(self, message: str, row: int, *roles: str) -> None:
        self.sheet.warn(message, row, self.sheet.first_role(*roles) if roles else None)

    # -- levels -----------------------------------------------------------------------------------------
    def level_cells(self, row: int, level: str) -> tuple[str, str] | None:
        """(number, title) of a field or goal given in this row, or None if the row gives none."""
        number_role = f"{level}_number"
        title = self.text(row, level)
        number = ""
        if number_role in self.sheet.columns:
            try:
                number = clean_number(self.raw(row, number_role))
            except ValueIssue as exc:
                self.error(str(exc), row, number_role)
                return None
            if title and level in ("field", "goal"):
                # "1 Sprache und Bildung" in the title column next to a number column: keep the title part.
                parsed = split_number_title(title)
                if parsed.number and parsed.title and normalise_number(parsed.number) == number:
                    title = parsed.title
        elif title:
            parsed = split_number_title(title)
            if parsed.number and parsed.level not in (None, level):
                return None
            number, title = (normalise_number(parsed.number) if parsed.number else ""), parsed.title
        if not number and not title:
            return None
        return number, title

    def set_field(self, row: int, number: str, title: str) -> None:
        if not number:
            known = next((f for f in self.fields.values() if fold(f.title) == fold(title)), None)
            if known:
                number = known.number
            else:
                number = str(1 + max((int(n.split(".")[0]) for n in self.fields), default=0))
                self.warn(
                    _("Das Handlungsfeld „%(title)s“ hat keine Nummer und erhält die Nummer %(number)s.")
                    % {"title": title, "number": number},
                    row,
                    "field",
                    "field_number",
                )
        elif number_depth(number) != 1:
            self.error(
                _("„%(number)s“ ist keine Nummer eines Handlungsfelds (erwartet z. B. 2).")
                % {"number": number},
                row,
                "field_number",
                "field",
            )
            return
        self._register(
            self.fields, number, title, row, ("field", "field_number"), lambda: SheetField(number, title, row)
        )
        if self.field != number:
            self.field = number
            self.goal = None

    def set_goal(self, row: int, number: str, title: str) -> None:
        if not number:
            known = next(
                (
                    g
                    for g in self.goals.values()
                    if g.field_number == self.field and fold(g.title) == fold(title)
                ),
                None,
            )
            if known:
                number = known.number
            elif self.field:
                siblings = [g for g in self.goals.values() if g.field_number == self.field]
                number = f"{self.field}.{len(siblings) + 1}"
                self.warn(
                    _("Das Ziel „%(title)s“ hat keine Nummer und erhält die Nummer %(number)s.")
                    % {"title": title, "number": number},
                    row,
                    "goal",
                    "goal_number",
                )
            else:
                self.error(_("Für dieses Ziel ist kein Handlungsfeld angegeben."), row, "field", "goal")
                return
        number = child_number(self.field or "", number)
        prefix = number.rsplit(".", 1)[0] if number_depth(number) > 1 else ""
        if self.field is None and prefix and prefix in self.fields:
            self.field = prefix
        if not self.field:
            self.error(
                _("Für Ziel %(number)s ist kein Handlungsfeld angegeben.") % {"number": number},
                row,
                "field",
                "goal",
            )
            return
        if prefix != self.field:
            self.error(
                _("Die Nummer des Ziels %(number)s passt nicht zu Handlungsfeld %(field)s.")
                % {"number": number, "field": self.field},
                row,
                "goal_number",
                "goal",
            )
            return
        field = self.field
        self._register(
            self.goals,
            number,
            title,
            row,
            ("goal", "goal_number"),
            lambda: SheetGoal(number, title, field, row),
        )
        self.goal = number

    def _register(
        self, registry: dict, number: str, title: str, row: int, roles: tuple[str, ...], make
    ) -> None:
        existing = registry.get(number)
        if existing is None:
            registry[number] = make()
        elif title and not existing.title:
            existing.title = title
        elif title and fold(title) != fold(existing.title):
            self.error(
                _("Nummer %(number)s hat hier den Titel „%(title)s“, in Zeile %(row)s aber „%(other)s“.")
                % {"number": number, "title": title, "row": existing.row, "other": existing.title},
                row,
                *roles,
            )

    # -- rows -------------------------------------------------------------------------------------------
    def filled(self, row: int) -> list[tuple[int, object]]:
        return [
            (col, value) for col, value in enumerate(self.grid.rows[row - 1], start=1) if cell_text(value)
        ]

    def role_at(self, col: int) -> str | None:
        return next((c.role for c in self.sheet.columns.values() if c.index == col), None)

    def heading(self, row: int, filled: list[tuple[int, object]]) -> bool:
        """Handle the row as a heading if it is one; True if it was."""
        if len(filled) != 1:
            return False
        col, value = filled[0]
        role = self.role_at(col)
        text = cell_text(value)
        parsed = split_number_title(text)
        spans = self.grid.spans.get((row, col), col) > col
        level = parsed.level
        if level is None and parsed.number and parsed.title:
            level = {1: "field", 2: "goal"}.get(number_depth(parsed.number))
            if level and role in (level, f"{level}_number"):
                return False  # "1 Sprache" in the field column: a context row, handled by the normal walk
        if level is None:
            if role in ("field", "goal"):
                return False  # a context row: handled by the normal walk
            if (
                role in ("field_number", "goal_number", "measure_number")
                and parsed.number
                and not parsed.title
            ):
                return False  # a number alone: a context row, or a measure without a title
            if role == "measure" and not spans:
                return False  # a measure title alone: a measure without a number
            if role in MEASURE_DETAIL_ROLES and not spans:
                return False
        if level == "field" and parsed.title:
            self.set_field(row, normalise_number(parsed.number) if parsed.number else "", parsed.title)
            return True
        if level == "goal" and parsed.title:
            self.set_goal(row, normalise_number(parsed.number) if parsed.number else "", parsed.title)
            return True
        if level is None or level == "measure":
            self.warn(
                _("Die Zeile enthält nur „%(text)s“ und wird übersprungen.")
                % {"text": text.replace("\n", " ")},
                row,
            )
            return True
        return False

    def walk(self, first_row: int) -> None:
        for row in range(first_row, len(self.grid.rows) + 1):
            filled = self.filled(row)
            if not filled:
                continue
            if sum(1 for _col, value in filled if match_header(value)) >= 2:
                continue  # the header repeated (printed tables repeat it per page)
            if self.heading(row, filled):
                continue
            field = self.level_cells(row, "field")
            if field:
                self.set_field(row, *field)
            goal = self.level_cells(row, "goal")
            if goal:
                self.set_goal(row, *goal)
            self.measure_row(row)

    def measure_row(self, row: int) -> None:
        sheet = self.sheet
        title = self.text(row, "measure")
        number = ""
        number_ok = True
        if "measure_number" in sheet.columns:
            try:
                number = clean_number(self.raw(row, "measure_number"))
            except ValueIssue as exc:
                self.error(str(exc), row, "measure_number")
                number_ok = False
        elif title:
            parsed = split_number_title(title)
            if parsed.number and parsed.level in (None, "measure"):
                number, title = normalise_number(parsed.number), parsed.title
        details = [role for role in MEASURE_DETAIL_ROLES if self.text(row, role)]
        if not number and not title:
            if details and number_ok:
                self.error(_("Titel und Nummer der Maßnahme fehlen."), row, "measure", "measure_number")
            return
        if not number:
            if number_ok:
                self.error(_("Nummer fehlt"), row, "measure_number", "measure")
            return
        if not title:
            self.error(
                _("Titel der Maßnahme %(number)s fehlt.") % {"number": number},
                row,
                "measure",
                "measure_number",
            )
            return
        if not self.field:
            self.error(
                _("Für Maßnahme %(number)s ist kein Handlungsfeld angegeben.") % {"number": number},
                row,
                "field",
                "field_number",
                "measure",
            )
            return
        if not self.goal:
            self.error(
                _("Für Maßnahme %(number)s ist kein Ziel angegeben.") % {"number": number},
                row,
                "goal",
                "goal_number",
                "measure",
            )
            return
        number = child_number(self.goal, number)
        if number_depth(number) == number_depth(self.goal) + 1 and not number.startswith(self.goal + "."):
            self.error(
                _("Die Nummer der Maßnahme %(number)s passt nicht zu Ziel %(goal)s.")
                % {"number": number, "goal": self.goal},
                row,
                "measure_number",
                "measure",
            )
            return
        if number in self.measures:
            self.error(
                _("Die Maßnahme %(number)s kommt doppelt vor (zuerst in Zeile %(row)s).")
                % {"number": number, "row": self.measures[number].row},
                row,
                "measure_number",
                "measure",
            )
            return
        lead_text = self.text(row, "lead")
        involved_text = self.text(row, "involved")
        self.measures[number] = SheetMeasure(
            row=row,
            number=number,
            title=title,
            field_number=self.field,
            goal_number=self.goal,
            description=self.text(row, "description"),
            lead_text=lead_text,
            involved_text=involved_text,
            lead=split_organisations(lead_text),
            involved=split_organisations(involved_text),
            timeframe=self.timeframe(row),
            status=self.text(row, "status"),
            status_note=self.text(row, "status_note"),
            priority=self.text(row, "priority"),
            indicator=self.text(row, "indicator"),
            cost_note=self.text(row, "cost_note"),
            tags=split_list(self.text(row, "tags")),
            focus=split_list(self.text(row, "focus")),
        )

    def timeframe(self, row: int) -> Timeframe:
        parts: dict[str, Timeframe] = {}
        for role, parse in (("timeframe", parse_timeframe), ("start", parse_start), ("end", parse_end)):
            raw = self.raw(row, role)
            if cell_text(raw):
                try:
                    parts[role] = parse(raw)
                except ValueIssue as exc:
                    self.error(str(exc), row, role)
        combined = parts.get("timeframe", Timeframe())
        start, end, ongoing = combined.start, combined.end, combined.ongoing
        if "start" in parts:
            start = parts["start"].start or start
            ongoing = ongoing or parts["start"].ongoing
        if "end" in parts:
            end = parts["end"].end or end
            ongoing = ongoing or parts["end"].ongoing
        if start and end and end < start:
            self.error(_("Das Ende liegt vor dem Beginn."), row, "end", "timeframe")
        text = " – ".join(part.text for part in parts.values() if part.text)
        for role, part in parts.items():
            if part.horizon_only:
                self.warn(
                    _("„%(text)s“ ist kein Datum; der Text wird als Zeitraum übernommen.")
                    % {"text": part.text},
                    row,
                    role,
                )
        horizon_only = bool(parts) and all(part.horizon_only for part in parts.values())
        return Timeframe(start, end, ongoing, text, horizon_only)

    def finish(self) -> None:
        sheet = self.sheet
        for field in self.fields.values():
            if not field.title:
                self.error(
                    _("Handlungsfeld %(number)s hat keinen Titel.") % {"number": field.number},
                    field.row,
                    "field",
                    "field_number",
                )
        for goal in self.goals.values():
            if not goal.title:
                self.error(
                    _("Ziel %(number)s hat keinen Titel.") % {"number": goal.number},
                    goal.row,
                    "goal",
                    "goal_number",
                )
        sheet.fields = list(self.fields.values())
        sheet.goals = list(self.goals.values())
        sheet.measures = list(self.measures.values())
        if not sheet.measures and not sheet.errors:
            sheet.error(_("Die Tabelle enthält keine Maßnahmen."))
