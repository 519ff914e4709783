"""Who may change what of a network. Views declare the roles with decorators; these answer per network.

The office edits everything (networks, members, meetings, tasks, ideas, and turns ideas into activities or
measures); department and partner editors whose organisation convenes the network or is a member of it (as
an organisation, or through one of its contacts) add meetings, minutes, tasks and ideas for that network;
the advisory board reads. A task, once entered, is edited (and marked done) only by the office or by editors
of the task's own organisation: its assignee's (the contact's organisation, or the assigned account's in this
municipality), or, while nobody is assigned, the organisation of whoever entered it."""

from django.db.models import Q

from teilhabe.accounts.decorators import role_of
from teilhabe.accounts.models import Membership
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


def _task_organisations(tasks) -> dict[int, set[int]]:
    """{task id: the ids of the task's own organisations} (one query for the accounts' memberships)."""
    tasks = list(tasks)
    users = {t.assignee_user_id or (None if t.assignee_contact_id else t.created_by_id) for t in tasks} - {
        None
    }
    organisations: dict[tuple, int] = {}
    if users:
        municipalities = {t.municipality_id for t in tasks}
        for user_id, municipality_id, organisation_id in Membership.objects.filter(
            user_id__in=users, municipality_id__in=municipalities, organisation__isnull=False
        ).values_list("user_id", "municipality_id", "organisation_id"):
            organisations[(user_id, municipality_id)] = organisation_id
    result = {}
    for task in tasks:
        own = set()
        if task.assignee_contact_id:
            own.add(task.assignee_contact.organisation_id)
        user_id = task.assignee_user_id or (None if task.assignee_contact_id else task.created_by_id)
        if user_id and (user_id, task.municipality_id) in organisations:
            own.add(organisations[(user_id, task.municipality_id)])
        result[task.pk] = own - {None}
    return result


def editable_task_ids(request, tasks) -> set[int]:
    """The ids of `tasks` the user may edit and mark done."""
    tasks = list(tasks)
    if is_office(request):
        return {task.pk for task in tasks}
    organisation_id = acting_organisation_id(request)
    if organisation_id is None:
        return set()
    return {pk for pk, own in _task_organisations(tasks).items() if organisation_id in own}


def can_edit_task(request, task) -> bool:
    return task.pk in editable_task_ids(request, [task])
