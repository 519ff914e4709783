"""Sample objects for the site-wide tests (isolation and role walks). Names carry the municipality's slug.

The sample network's members and convener are not the editors' organisations in the walks, so its meeting,
minutes and task pages answer editors 403 (the role table says so)."""

import datetime

from teilhabe.networks import models as m
from teilhabe.testing.samples import unique


def _organisation(municipality):
    from teilhabe.directory.models import Organisation

    return Organisation.objects.create(
        municipality=municipality, kind="partner", name=unique(f"Netzwerkpartner {municipality.slug}")
    )


def network(municipality):
    from teilhabe.networks.services.networks import save_network

    organisation = _organisation(municipality)
    return save_network(
        municipality,
        None,
        {
            "name": unique(f"Netzwerk {municipality.slug}"),
            "kind": m.Network.Kind.NETWORK,
            "purpose": f"Zweck {municipality.slug}",
            "rhythm": "2x jährlich",
            "convened_by_organisation": organisation,
            "public": True,
        },
    )


def member(municipality):
    from teilhabe.networks.services.networks import add_member

    return add_member(network(municipality), None, organisation=_organisation(municipality), role="Mitglied")


def meeting(municipality):
    from teilhabe.networks.services.meetings import save_meeting

    return save_meeting(
        member(municipality).network,
        None,
        {
            "title": f"Treffen {municipality.slug}",
            "date": datetime.date.today() + datetime.timedelta(days=14),
            "place": f"Rathaus {municipality.slug}",
            "agenda": "1. Begrüßung",
        },
    )


def task(municipality):
    from teilhabe.networks.services.tasks import save_task

    a_meeting = meeting(municipality)
    return save_task(
        municipality,
        None,
        {"title": f"Aufgabe {municipality.slug}", "meeting": a_meeting, "due_on": datetime.date.today()},
    )


def idea(municipality):
    from teilhabe.networks.services.ideas import save_idea

    return save_idea(
        municipality, None, {"title": f"Idee {municipality.slug}", "network": network(municipality)}
    )
