"""Who may change what in the directory. Views declare the roles with decorators; these answer per object."""

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import EDITORS, OFFICE


def is_office(request) -> bool:
    return role_of(request) == OFFICE


def can_edit_organisation(request, organisation) -> bool:
    """Office staff edit every organisation; an editor only the organisation they act for."""
    role = role_of(request)
    if role == OFFICE:
        return True
    membership = getattr(request, "membership", None)
    return role in EDITORS and membership is not None and membership.organisation_id == organisation.pk


def can_see_personal_data(request) -> bool:
    """Contacts' e-mail, phone, languages and consent are for the office only (purpose of the consent)."""
    return is_office(request)
