"""Named actions on networks and their members: each saves with save() (the audit trail records it)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.networks.models import Network, NetworkMember

FIELDS = (
    "name", "kind", "purpose", "convened_by_organisation", "convened_by_contact", "rhythm", "format",
    "public", "fields_of_action",
)  # fmt: skip


def _same_municipality(municipality, *objects):
    for obj in objects:
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError(_("„%(name)s“ gehört nicht zu dieser Kommune.") % {"name": obj})


@transaction.atomic
def save_network(municipality, user, values: dict, network: Network | None = None):
    """Create (network=None) or change a network from plain values (FIELDS; fields_of_action a list)."""
    values = {name: values[name] for name in FIELDS if name in values}
    _same_municipality(
        municipality, values.get("convened_by_organisation"), values.get("convened_by_contact")
    )
    name = (values.get("name") or (network.name if network else "")).strip()
    if not name:
        raise ValidationError({"name": _("Bitte geben Sie einen Namen an.")})
    clash = Network.objects.filter(municipality=municipality, name__iexact=name)
    if network is not None:
        clash = clash.exclude(pk=network.pk)
    if clash.exists():
        raise ValidationError({"name": _("Ein Netzwerk mit diesem Namen gibt es schon.")})
    values["name"] = name
    if network is None:
        network = Network(municipality=municipality)
    return save_values(network, values)


@transaction.atomic
def add_member(network, user, *, organisation=None, contact=None, role=""):
    """Add an organisation, a person, or a person of an organisation; an existing member keeps its row and
    takes the new role."""
    if organisation is None and contact is None:
        raise ValidationError(_("Bitte wählen Sie eine Organisation oder eine Ansprechperson."))
    municipality = network.municipality
    _same_municipality(municipality, organisation, contact)
    if contact is not None and organisation is None:
        organisation = contact.organisation
    member = NetworkMember.objects.filter(network=network, organisation=organisation, contact=contact).first()
    if member is None:
        member = NetworkMember(
            municipality_id=network.municipality_id,
            network=network,
            organisation=organisation,
            contact=contact,
        )
    member.role = role.strip()
    member.save()
    return member


def remove_member(member, user):
    member.delete()
