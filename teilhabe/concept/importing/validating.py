"""Checking a read concept sheet against the municipality before anything is compared or saved: its
organisations (organisations.py), statuses, priorities and focus years. Every problem is collected, so the
user sees all of them at once."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from teilhabe.concept.importing.organisations import OrganisationsOfMeasures, check_organisation_names
from teilhabe.concept.importing.result import ImportResult
from teilhabe.concept.models import DEFAULT_STATUSES, Measure, Status
from teilhabe.concept.spreadsheet import ConceptSheet
from teilhabe.sheets import fold

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


@dataclass
class Checked:
    """What the sheet's cells mean for this municipality, per measure number."""

    organisations: OrganisationsOfMeasures
    status: dict[str, Status | str | None] = field(default_factory=dict)  # a str: a default made on save
    priority: dict[str, str] = field(default_factory=dict)
    focus_years: dict[str, set[int]] = field(default_factory=dict)

    @property
    def lead(self) -> dict:
        return self.organisations.lead

    @property
    def involved(self) -> dict:
        return self.organisations.involved


def check_sheet(
    municipality, sheet: ConceptSheet, result: ImportResult, decisions: dict | None = None
) -> Checked:
    checked = Checked(OrganisationsOfMeasures())
    checked.status = check_statuses(municipality, sheet, result)
    check_priorities_and_focus(sheet, result, checked)
    checked.organisations = check_organisation_names(municipality, sheet, result, decisions)
    return checked


def check_statuses(municipality, sheet: ConceptSheet, result: ImportResult) -> dict:
    """measure number -> the municipality's status its status cell names (a default's name while the
    municipality has no statuses yet; None for an unknown status, which is an error)."""
    found: dict = {}
    if "status" not in sheet.columns:
        return found
    statuses = list(Status.objects.for_municipality(municipality))
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
    for measure in sheet.measures:
        if not measure.status:
            continue
        status = vocabulary.get(fold(measure.status).strip(" ."))
        if status is None:
            result.errors.append(
                sheet.issue(
                    _("Den Status „%(status)s“ gibt es nicht. Möglich sind: %(names)s.")
                    % {"status": measure.status, "names": ", ".join(names)},
                    measure.row,
                    "status",
                )
            )
        found[measure.number] = status
    return found


def check_priorities_and_focus(sheet: ConceptSheet, result: ImportResult, checked: Checked) -> None:
    for measure in sheet.measures:
        if measure.priority:
            priority = PRIORITY_WORDS.get(fold(measure.priority).strip(" ."))
            if priority is None:
                result.errors.append(
                    sheet.issue(
                        _("Die Priorität „%(value)s“ ist unbekannt. Möglich sind: hoch, mittel, niedrig.")
                        % {"value": measure.priority},
                        measure.row,
                        "priority",
                    )
                )
            checked.priority[measure.number] = priority or ""
        years = set()
        for token in measure.focus:
            match = re.fullmatch(r"(?:schwerpunkt\s*)?(\d{4})", fold(token))
            if not match:
                result.errors.append(
                    sheet.issue(
                        _("„%(value)s“ ist kein Schwerpunktjahr (erwartet z. B. 2024).") % {"value": token},
                        measure.row,
                        "focus",
                    )
                )
                continue
            years.add(int(match.group(1)))
        checked.focus_years[measure.number] = years
