"""What the reader hands out: plain dataclasses with the row numbers they came from (no database)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from teilhabe.concept.spreadsheet.values import Timeframe


@dataclass(frozen=True)
class Column:
    role: str
    index: int  # 1-based, as in Excel
    letter: str
    header: str  # the header as written in the sheet


@dataclass(frozen=True)
class SheetIssue:
    """An error or warning, located in the sheet. str() gives the full German message."""

    filename: str
    message: str
    row: int | None = None
    column: str = ""  # column letter
    header: str = ""  # header text of that column, as written in the sheet

    @property
    def location(self) -> str:
        if self.row and self.column:
            return _("Zeile %(row)s, Spalte %(column)s (%(header)s)") % {
                "row": self.row,
                "column": self.column,
                "header": self.header,
            }
        if self.row:
            return _("Zeile %(row)s") % {"row": self.row}
        if self.column:
            return _("Spalte %(column)s (%(header)s)") % {"column": self.column, "header": self.header}
        return ""

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.filename, self.location) if part)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class SheetField:
    number: str
    title: str
    row: int


@dataclass
class SheetGoal:
    number: str
    title: str
    field_number: str
    row: int


@dataclass
class SheetMeasure:
    row: int
    number: str
    title: str
    field_number: str
    goal_number: str
    description: str = ""
    lead_text: str = ""  # the cell as written; split with known names by the importer
    involved_text: str = ""
    lead: list[str] = field(default_factory=list)  # split without knowing the directory
    involved: list[str] = field(default_factory=list)
    timeframe: Timeframe = field(default_factory=Timeframe)
    status: str = ""
    status_note: str = ""
    priority: str = ""
    indicator: str = ""
    cost_note: str = ""
    tags: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)


@dataclass
class ConceptSheet:
    filename: str
    sheet_name: str = ""
    header_row: int | None = None
    columns: dict[str, Column] = field(default_factory=dict)
    title_lines: list[str] = field(default_factory=list)  # text above the header row, e.g. the concept title
    fields: list[SheetField] = field(default_factory=list)
    goals: list[SheetGoal] = field(default_factory=list)
    measures: list[SheetMeasure] = field(default_factory=list)
    errors: list[SheetIssue] = field(default_factory=list)
    warnings: list[SheetIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def issue(self, message: str, row: int | None = None, role: str | None = None) -> SheetIssue:
        """An issue located at `row` in the column that holds `role` (if the sheet has that column)."""
        column = self.columns.get(role) if role else None
        return SheetIssue(
            self.filename,
            message,
            row,
            column.letter if column else "",
            column.header if column else "",
        )

    def error(self, message: str, row: int | None = None, role: str | None = None) -> None:
        self.errors.append(self.issue(message, row, role))

    def warn(self, message: str, row: int | None = None, role: str | None = None) -> None:
        self.warnings.append(self.issue(message, row, role))

    def first_role(self, *roles: str) -> str | None:
        """The first of `roles` the sheet has a column for (to point messages at the right cell)."""
        return next((role for role in roles if role in self.columns), None)
