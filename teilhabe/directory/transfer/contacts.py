"""Checking and saving the contacts table of a directory import (matched by organisation and name)."""

from django.utils.translation import gettext as _

from teilhabe.directory.layout import CONSENT_KEYS, CONTACTS
from teilhabe.directory.models import Contact
from teilhabe.directory.transfer.result import ImportResult, assign, check_model

PLAIN_FIELDS = CONTACTS.fields(exclude=["organisation"])


def find_organisation(name: str, by_name: dict, by_short: dict):
    """The organisation a contact row names: by name, else by a short name only one organisation has."""
    organisation = by_name.get(name.casefold())
    if organisation is None and len(by_short.get(name.casefold(), [])) == 1:
        organisation = by_short[name.casefold()][0]
    return organisation


def save_contacts(municipality, tables, organisations_by_name, result: ImportResult) -> None:
    if not tables:
        return
    by_short = {}
    for organisation in organisations_by_name.values():
        if organisation.short_name:
            by_short.setdefault(organisation.short_name.casefold(), []).append(organisation)
    existing = {}
    for contact in Contact.objects.for_municipality(municipality).filter(erased_at__isnull=True):
        existing[(contact.organisation_id, contact.name.casefold())] = contact
    seen = {}
    for bound in tables:
        for row in bound.rows:
            errors_before = len(result.errors)
            values = bound.values(row, result.errors)
            organisation_name = values.get("organisation", "")
            organisation = find_organisation(organisation_name, organisations_by_name, by_short)
            if organisation is None:
                message = (
                    _("„%(name)s“ gibt es weder im Adressbuch noch in der Datei.")
                    % {"name": organisation_name}
                    if organisation_name
                    else _("Die Organisation fehlt.")
                )
                result.add(bound, row.number, "organisation", message)
            name = values.get("name", "")
            if not name:
                result.add(bound, row.number, "name", _("Der Name fehlt."))
            consent = [values.get(CONTACTS[key].attribute) for key in CONSENT_KEYS]
            if any(consent) and not all(consent) and len(result.errors) == errors_before:
                missing = [
                    key for key, v in zip(CONSENT_KEYS, consent, strict=True) if not v and bound.has(key)
                ]
                message = _(
                    "Zweck, Datum und Art der Einwilligung gehören zusammen: bitte alle drei angeben oder keins."
                )
                if missing:
                    result.add(bound, row.number, missing[0], message)
                else:
                    result.errors.append(f"{bound.where(row.number)}: {message}")
            if len(result.errors) > errors_before:
                continue
            key = (organisation.pk, name.casefold())
            if key in seen:
                result.add(
                    bound,
                    row.number,
                    "name",
                    _("„%(name)s“ bei „%(organisation)s“ steht schon in Zeile %(row)s.")
                    % {"name": name, "organisation": organisation.name, "row": seen[key]},
                )
                continue
            seen[key] = row.number
            contact = existing.get(key)
            is_new = contact is None
            if contact is not None and contact.consent_withdrawn:
                result.warnings.append(
                    _(
                        "%(source)s, Zeile %(row)s: %(name)s hat die Einwilligung widerrufen; die Zeile wird nicht übernommen."
                    )
                    % {"source": bound.table.source, "row": row.number, "name": contact.name}
                )
                continue
            if is_new:
                contact = Contact(municipality=municipality, organisation=organisation)
            else:
                values["name"] = contact.name
            changed = assign(contact, values, PLAIN_FIELDS)
            check_model(contact, bound, row, result, exclude=["municipality", "organisation"])
            if len(result.errors) > errors_before:
                continue
            if is_new or changed:
                contact.save()
            label = "%s (%s)" % (contact.name, organisation.name)
            result.contacts["created" if is_new else ("updated" if changed else "unchanged")].append(label)
