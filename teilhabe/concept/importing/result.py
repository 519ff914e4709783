"""What a concept import found and would do (or did): the preview and the job result show it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from teilhabe.concept.models import Concept
from teilhabe.concept.spreadsheet import ConceptSheet, SheetIssue


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
    """A name the directory does not know: with decisions (the preview's choice) a group of spellings with the
    proposed kind and the closest existing organisations (see concept/organisation_choices.py)."""

    name: str
    rows: list[int]
    key: str = ""
    spellings: list[str] = field(default_factory=list)
    kind: str = ""
    suggestions: list[dict] = field(default_factory=list)  # [{"id": …, "name": …}]

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
    # Decided unknown names: organisations created with the concept, and names mapped to existing ones.
    new_organisations: list = field(default_factory=list)  # unsaved until the import saves
    mapped_organisations: list[tuple[str, str]] = field(default_factory=list)  # (sheet name, directory name)
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
