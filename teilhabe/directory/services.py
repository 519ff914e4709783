"""Named actions on the address book: each saves (django-auditlog records every changed field) and is the one
way the pages change organisations and contacts. Values are plain (a validated form's cleaned_data)."""

from teilhabe.actions import save_values
from teilhabe.directory.models import Contact, Organisation


def create_organisation(municipality, values: dict) -> Organisation:
    return save_values(Organisation(municipality=municipality), values)


def update_organisation(organisation: Organisation, values: dict) -> Organisation:
    """The office changes any field; an editor only those of OrganisationForm.EDITOR_FIELDS (the form offers
    no others, so `values` holds no others)."""
    return save_values(organisation, values)


def create_contact(municipality, values: dict) -> Contact:
    return save_values(Contact(municipality=municipality), values)


def update_contact(contact: Contact, values: dict) -> Contact:
    if contact.erased_at:
        raise ValueError("An erased contact cannot be changed")
    return save_values(contact, values)
