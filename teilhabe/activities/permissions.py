"""Who may change which activity. Views declare the roles with decorators; these answer per activity.

The office edits every activity; department and partner editors create activities and edit those their
organisation co-runs (any role in `ActivityPartner`); the advisory board reads."""

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import EDITORS, OFFICE


def acting_organisation_id(request):
    membership = getattr(request, "membership", None)
    if role_of(request) in EDITORS and membership is not None:
        return membership.organisation_id
    return None


def can_create(request) -> bool:
    role = role_of(request)
    return role == OFFICE or (role in EDITORS and acting_organisation_id(request) is not None)


def can_edit(request, activity) -> bool:
    role = role_of(request)
    if role == OFFICE:
        return True
    organisation_id = acting_organisation_id(request)
    if organisation_id is None:
        return False
    return activity.partners.filter(organisation_id=organisation_id).exists()


def editable_ids(request, activity_ids) -> set[int]:
    """The ids among `activity_ids` the request's user may edit (one query at most), for list pages."""
    from teilhabe.activities.models import ActivityPartner

    if role_of(request) == OFFICE:
        return set(activity_ids)
    organisation_id = acting_organisation_id(request)
    if organisation_id is None:
        return set()
    return set(
        ActivityPartner.objects.filter(
            activity_id__in=list(activity_ids), organisation_id=organisation_id
        ).values_list("activity_id", flat=True)
    )
