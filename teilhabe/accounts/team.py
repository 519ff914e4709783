"""The office's team as the public and the reports show it: each team function, with the names of the members
who agreed to be named publicly (`Membership.name_public`); nobody else's name leaves the internal area."""

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import OFFICE


def team_groups(municipality) -> list[dict]:
    """[{"function", "names", "unnamed"}] in the office's order; a function without public names stays,
    without a name. One query."""
    members = (
        Membership.objects.filter(municipality=municipality, role=OFFICE, is_active=True)
        .exclude(team_function="")
        .select_related("user")
        .order_by("team_order", "user__last_name", "user__first_name", "pk")
    )
    groups = []
    for member in members:
        name = member.user.get_full_name() if member.name_public else ""
        if groups and groups[-1]["function"] == member.team_function:
            group = groups[-1]
        else:
            group = {"function": member.team_function, "names": [], "unnamed": 0}
            groups.append(group)
        if name:
            group["names"].append(name)
        else:
            group["unnamed"] += 1
    return groups
