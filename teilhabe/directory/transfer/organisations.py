"""Checking and saving the organisations table of a directory import (matched by name)."""

from django.utils.translation import gettext as _

from teilhabe.directory.layout import ORGANISATIONS
from teilhabe.directory.models import Organisation
from teilhabe.directory.transfer.result import ImportResult, assign, check_model

PLAIN_FIELDS = ORGANISATIONS.fields(exclude=["parent"])


def save_organisations(municipality, tables, result: ImportResult) -> dict[str, Organisation]:
    """Create or update every row's organisation, then the parents; {casefolded name: organisation}."""
    by_name = {o.name.casefold(): o for o in Organisation.objects.for_municipality(municipality)}
    seen = {}
    parents = []  # (organisation, parent name, table, row)
    for bound in tables:
        for row in bound.rows:
            errors_before = len(result.errors)
            values = bound.values(row, result.errors)
            name = values.get("name", "")
            if not name:
                result.add(bound, row.number, "name", _("Der Name fehlt."))
                continue
            key = name.casefold()
            if key in seen:
                result.add(
                    bound,
                    row.number,
                    "name",
                    _("„%(name)s“ steht schon in Zeile %(row)s.") % {"name": name, "row": seen[key]},
                )
                continue
            seen[key] = row.number
            organisation = by_name.get(key)
            is_new = organisation is None
            if is_new:
                organisation = Organisation(municipality=municipality)
            values["name"] = organisation.name if not is_new else name  # keep the stored spelling
            changed = assign(organisation, values, PLAIN_FIELDS)
            check_model(organisation, bound, row, result, exclude=["parent", "municipality"])
            if len(result.errors) > errors_before:
                continue
            if is_new or changed:
                organisation.save()
            by_name[key] = organisation
            bucket = "created" if is_new else ("updated" if changed else "unchanged")
            result.organisations[bucket].append(organisation.name)
            if bound.has("parent"):
                parents.append((organisation, values.get("parent", ""), bound, row))
    _assign_parents(parents, by_name, result)
    return by_name


def _assign_parents(parents, by_name, result: ImportResult) -> None:
    by_short = {}
    for organisation in by_name.values():
        if organisation.short_name:
            by_short.setdefault(organisation.short_name.casefold(), []).append(organisation)
    for organisation, parent_name, bound, row in parents:
        parent = None
        if parent_name:
            parent = by_name.get(parent_name.casefold())
            if parent is None and len(by_short.get(parent_name.casefold(), [])) == 1:
                parent = by_short[parent_name.casefold()][0]
            if parent is None:
                result.add(
                    bound,
                    row.number,
                    "parent",
                    _("„%(name)s“ gibt es weder im Adressbuch noch in der Datei.") % {"name": parent_name},
                )
                continue
            if parent.pk == organisation.pk or _is_below(parent, organisation, by_name):
                result.add(
                    bound,
                    row.number,
                    "parent",
                    _("„%(name)s“ kann nicht über sich selbst stehen.") % {"name": parent_name},
                )
                continue
        if organisation.parent_id != (parent.pk if parent else None):
            organisation.parent = parent
            organisation.save(update_fields=["parent"])
            if organisation.name in result.organisations["unchanged"]:
                result.organisations["unchanged"].remove(organisation.name)
                result.organisations["updated"].append(organisation.name)


def _is_below(candidate, organisation, by_name) -> bool:
    """Would making `candidate` the parent of `organisation` create a loop?"""
    by_pk = {o.pk: o for o in by_name.values()}
    current, steps = candidate, 0
    while current is not None and steps < 100:
        if current.parent_id == organisation.pk:
            return True
        current = by_pk.get(current.parent_id)
        steps += 1
    return False
