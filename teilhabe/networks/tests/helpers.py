"""Small builders shared by the network tests."""

import datetime

from django.urls import reverse

from teilhabe.directory.models import Contact, Organisation
from teilhabe.networks.services.meetings import save_meeting
from teilhabe.networks.services.networks import add_member, save_network


def url(name, municipality, *args):
    return reverse(f"networks:{name}", args=[municipality.slug, *args])


def organisation(municipality, name, email="", kind="partner"):
    return Organisation.objects.create(municipality=municipality, kind=kind, name=name, email=email)


def contact(municipality, org, name, email, consent=True, languages=("de",)):
    return Contact.objects.create(
        municipality=municipality,
        organisation=org,
        name=name,
        email=email,
        languages=list(languages),
        consent_date=datetime.date(2024, 1, 1) if consent else None,
    )


def network(municipality, name="Netzwerk der migrantischen Communitys", **values):
    return save_network(municipality, None, {"name": name, "rhythm": "2x jährlich", **values})


def member(a_network, **values):
    return add_member(a_network, None, **values)


def meeting(a_network, date=datetime.date(2024, 6, 12), **values):
    return save_meeting(a_network, None, {"date": date, "title": "Netzwerktreffen", **values})
