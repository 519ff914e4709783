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

The steps, one file each: the sheet is read by ../spreadsheet/ (columns declared in ../layout.py);
validating.py checks statuses, priorities and focus years, organisations.py matches the organisations
(`check_organisation_names`); preview.py compares the sheet with the concept (the changes the preview shows);
saving.py writes them; result.py holds what the user sees.
"""

import os
import re

from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.concept.importing.preview import plan
from teilhabe.concept.importing.result import Change, ImportResult, UnknownOrganisation
from teilhabe.concept.importing.saving import apply
from teilhabe.concept.importing.validating import check_sheet
from teilhabe.concept.models import Concept
from teilhabe.concept.services.structure import is_placeholder_title
from teilhabe.concept.spreadsheet import ConceptSheet, SheetIssue, read_concept_sheet
from teilhabe.sheets import fold

__all__ = ["Change", "ImportResult", "UnknownOrganisation", "import_concept"]


def import_concept(
    municipality,
    path_or_file,
    concept: Concept | None = None,
    dry_run: bool = False,
    *,
    filename: str | None = None,
    title: str = "",
    short_name: str = "",
    decisions: dict | None = None,
) -> ImportResult:
    """Read the sheet, check everything, then (unless dry_run) save it in one transaction.

    `concept` None creates a new concept; its title and short name come from `title`/`short_name`, else from
    the lines above the header ("Integrationskonzept …", "Kurzname: KIK"), else from the file name.
    `decisions` (a dict, also empty) turns unknown organisations into choices (see organisations.py): they
    are listed as groups instead of failing the import, and the chosen ones are created with the concept.
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
    checked = check_sheet(
        municipality, sheet, result, decisions
    )  # also with errors: the user sees every problem at once
    if not result.ok:
        return result
    if dry_run:
        plan(sheet, concept, checked, result)
        return result
    with transaction.atomic():  # compare and save in one transaction
        existing = plan(sheet, concept, checked, result)
        apply(municipality, sheet, concept, checked, existing, result)
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
