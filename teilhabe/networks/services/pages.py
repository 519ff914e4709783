"""The rows of the network pages, in a fixed number of queries however many networks, meetings, tasks and
ideas there are."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from teilhabe.networks.models import Idea, Meeting, Network, NetworkMember, Task


def network_list(municipality, today=None):
    """Networks with their counts of members, meetings, open and overdue tasks, and the next meeting date."""
    today = today or timezone.localdate()
    return (
        Network.objects.for_municipality(municipality)
        .select_related("convened_by_organisation", "convened_by_contact")
        .annotate(
            member_count=Count("members", distinct=True),
            meeting_count=Count("meetings", distinct=True),
            open_task_count=Count("tasks", filter=Q(tasks__done=False), distinct=True),
            overdue_task_count=Count(
                "tasks", filter=Q(tasks__done=False, tasks__due_on__lt=today), distinct=True
            ),
        )
        .order_by("name")
    )


def members_of(network):
    return list(
        NetworkMember.objects.filter(network=network)
        .select_related("organisation", "contact", "contact__organisation")
        .order_by("organisation__name", "contact__name", "pk")
    )


def meetings_of(network, limit=None):
    meetings = Meeting.objects.filter(network=network).annotate(
        attending_count=Count("attending", distinct=True), task_count=Count("tasks", distinct=True)
    )
    return list(meetings.order_by("-date", "-start_time")[:limit] if limit else meetings.order_by("-date"))


def tasks_of(queryset):
    return list(
        queryset.select_related("assignee_user", "assignee_contact", "meeting").order_by("due_on", "pk")
    )


def ideas_of(queryset):
    return list(
        queryset.select_related(
            "network", "meeting", "proposed_by_organisation", "activity", "measure"
        ).order_by("-created_at", "-pk")
    )


def public_networks(municipality):
    """Public networks with their organisations only (no persons: no contact names, no addresses)."""
    members = NetworkMember.objects.filter(organisation__isnull=False).select_related("organisation")
    return list(
        Network.objects.for_municipality(municipality)
        .filter(public=True)
        .select_related("convened_by_organisation")
        .prefetch_related(Prefetch("members", queryset=members), "fields_of_action")
        .order_by("name")
    )


def public_organisations(network):
    """The organisations of a network's members (prefetched), each once, by name."""
    seen = {}
    for member in network.members.all():
        if member.organisation_id:
            seen[member.organisation_id] = member.organisation
    return sorted(seen.values(), key=lambda o: o.name)


def ideas_for(obj):
    """The ideas an activity or a measure arose from (for "entstanden aus Idee …")."""
    return list(Idea.objects.filter(**{type(obj)._meta.model_name: obj}).select_related("network"))


__all__ = ["Task", "ideas_for", "ideas_of", "meetings_of", "members_of", "network_list", "tasks_of"]
