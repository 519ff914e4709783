"""Matching the organisations a concept sheet names (lead, involved) to the directory.

`check_organisation_names` is the one place that decides what a name in the sheet means: an organisation
(by name or short name, case, umlauts and spaces ignored; a remark in brackets or a unique start of a name
also found), an error (a short name of several organisations), or an unknown name, listed with its rows.

With `decisions` (the office's choice in the preview, by group of spellings: {key: {"create": kind}} or
{key: {"map": organisation id}}) an unknown name becomes a new organisation (saved with the concept, in the
same transaction) or an existing one; the undecided ones are listed as groups with a proposed kind and the
closest names, and the import saves nothing while any is left.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from teilhabe.concept.importing.result import ImportResult, UnknownOrganisation
from teilhabe.concept.organisation_choices import group_key, group_unknown
from teilhabe.concept.spreadsheet import ConceptSheet, SheetIssue
from teilhabe.concept.spreadsheet.values import split_organisations
from teilhabe.directory.models import Organisation
from teilhabe.sheets import fold

# Cells that say "nobody" rather than naming an organisation (folded).
EMPTY_NAMES = {"-", "–", "—", "keine", "keiner", "k.a.", "k. a.", "n.n.", "n. n.", "nn", "entfaellt", "/"}


@dataclass
class OrganisationsOfMeasures:
    lead: dict[str, Organisation | None] = field(default_factory=dict)  # measure number -> lead
    involved: dict[str, list[Organisation]] = field(default_factory=dict)
    created: list[Organisation] = field(default_factory=list)  # decided "create": saved by saving.apply


def check_organisation_names(
    municipality, sheet: ConceptSheet, result: ImportResult, decisions: dict | None = None
) -> OrganisationsOfMeasures:
    """Each measure's lead and involved organisations. Every name that matches no organisation goes to
    `result.unknown_organisations` (with its rows) and makes the import fail with one error listing them."""
    matched = OrganisationsOfMeasures()
    organisations = list(Organisation.objects.for_municipality(municipality))
    by_name: dict[str, Organisation] = {}
    by_short: dict[str, list[Organisation]] = defaultdict(list)
    for organisation in organisations:
        by_name[fold(organisation.name)] = organisation
        if organisation.short_name:
            by_short[fold(organisation.short_name)].append(organisation)
    known = [o.name for o in organisations] + [o.short_name for o in organisations if o.short_name]
    unknown: dict[str, list[int]] = {}
    by_pk = {o.pk: o for o in organisations}
    decided: dict[str, Organisation] = {}

    def decide(name: str) -> Organisation | None:
        """The organisation the office chose for an unknown name, or None while undecided."""
        key = group_key(name)
        if decisions is None or key not in decisions:
            return None
        if key not in decided:
            choice = decisions[key]
            if "map" in choice and choice["map"] in by_pk:
                decided[key] = by_pk[choice["map"]]
                result.mapped_organisations.append((name, decided[key].name))
            elif choice.get("create") in Organisation.Kind.values:
                decided[key] = Organisation(municipality=municipality, kind=choice["create"], name=name[:200])
                matched.created.append(decided[key])
            else:
                return None
        return decided[key]

    def error(message, row, role):
        result.errors.append(sheet.issue(message, row, role))

    def warn(message, row, role):
        result.warnings.append(sheet.issue(message, row, role))

    def match(name: str, row: int, role: str) -> Organisation | None:
        found = _match(name, row, role)
        if found is None and re.search(r"\(.*\)", name):
            # "Kulturamt (Stadtbibliothek)": try again without the remark in brackets.
            plain = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
            if plain and fold(plain) != fold(name) and (fold(plain) in by_name or fold(plain) in by_short):
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
                warn(
                    _("„%(name)s“ wird als „%(full)s“ erkannt.") % {"name": name, "full": starts[0].name},
                    row,
                    role,
                )
                return starts[0]
        if len(candidates) > 1:
            error(
                _(
                    "Der Kurzname „%(name)s“ passt zu mehreren Organisationen: %(names)s. Bitte den vollen Namen verwenden."
                )
                % {"name": name, "names": ", ".join(o.name for o in candidates)},
                row,
                role,
            )
            return None
        chosen = decide(name)
        if chosen is not None:
            return chosen
        rows = unknown.setdefault(name, [])
        if row not in rows:
            rows.append(row)
        return None

    for measure in sheet.measures:
        leads = [n for n in split_organisations(measure.lead_text, known) if fold(n) not in EMPTY_NAMES]
        involved = [
            n for n in split_organisations(measure.involved_text, known) if fold(n) not in EMPTY_NAMES
        ]
        lead_orgs = [o for o in (match(n, measure.row, "lead") for n in leads) if o]
        involved_orgs = [o for o in (match(n, measure.row, "involved") for n in involved) if o]
        if len(leads) > 1:
            warn(
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
        matched.lead[measure.number] = lead
        matched.involved[measure.number] = merged
    result.new_organisations = list(matched.created)
    if decisions is not None and not result.errors:
        # The preview's choice: every undecided group, with a proposed kind and the closest names; no error.
        # (A sheet with errors must be corrected and uploaded again: its unknown names are listed as before.)
        result.unknown_organisations = [
            UnknownOrganisation(g["name"], g["rows"], g["key"], g["spellings"], g["kind"], g["suggestions"])
            for g in group_unknown(unknown, organisations)
        ]
        return matched
    result.unknown_organisations = _unknown(unknown)
    if result.unknown_organisations:
        result.errors.append(
            SheetIssue(
                sheet.filename,
                _(
                    "Unbekannte Organisationen: %(names)s. Bitte zuerst im Adressbuch anlegen (Name oder "
                    "Kurzname) oder den Namen in der Tabelle korrigieren."
                )
                % {"names": "; ".join(str(u) for u in result.unknown_organisations)},
            )
        )
    return matched


def _unknown(unknown: dict[str, list[int]]) -> list[UnknownOrganisation]:
    """Keep the sheet's spelling, in sheet order; merge spellings that differ only in case or spaces."""
    merged: dict[str, UnknownOrganisation] = {}
    for name, rows in unknown.items():
        key = fold(name)
        if key in merged:
            merged[key].rows = sorted(set(merged[key].rows + rows))
        else:
            merged[key] = UnknownOrganisation(name, sorted(rows))
    return list(merged.values())
