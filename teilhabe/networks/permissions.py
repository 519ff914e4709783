"""Who may change what of a network. Views declare the roles with decorators; these answer per network.

The office edits everything (networks, members, meetings, tasks, ideas, and turns ideas into activities or
measures); department and partner editors whose organisation convenes the network or is a member of it (as
an organisation, or through one of its contacts) add meetings, minutes, tasks and ideas for that network;
the advisory board reads."""

from django.db.models import Q

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.roles import OFFICE
from teilhabe.activities.permissions import acting_organisation_id


def is_office(request) -> bool:
    return role_of(request) == OFFICE


def _involved(network_ids, organisation_id):
    from teilhabe.networks.models import Network

    return Network.objects.filter(pk__in=list(network_ids)).filter(
        Q(convened_by_organisation_id=organisation_id)
        | Q(convened_by_contact__organisation_id=organisation_id)
        | Q(members__organisation_id=organisation_id)
        | Q(members__contact__organisation_id=organisation_id)
    )


def can_contribute(request, network) -> bool:
    """Add and edit meetings, minutes, tasks and ideas of `network`."""
    if network is None:
        return is_office(request)
    if is_office(request):
        return True
    organisation_id = acting_organisation_id(request)
    if organisation_id is None:
        return False
    return _involved([network.pk], organisation_id).exists()


def contributable_ids(request, network_ids) -> set[int]:
    if is_office(request):
        return set(network_ids)
    organisation_id = acting_organisation_id(request)
    if organisation_id is None:
        return set()
    return set(_involved(network_ids, organisation_id).values_list("pk", flat=True))
