"""Named actions on the municipality's venues and target groups (the vocabulary the activity form offers)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.activities.models import TargetGroup, Venue

VENUE_FIELDS = ("name", "address", "step_free", "hearing_loop", "accessibility_notes", "online_link")


def _unique_name(model, municipality, name: str, instance, message: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Bitte einen Namen angeben.")})
    others = model.objects.for_municipality(municipality).filter(name__iexact=name)
    if instance is not None and instance.pk:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise ValidationError({"name": message % {"name": name}})
    return name


@transaction.atomic
def save_venue(municipality, user, values: dict, venue: Venue | None = None) -> Venue:
    """Create (venue=None) or update a venue from plain values; names are unique per municipality."""
    venue = venue or Venue(municipality=municipality)
    for name in VENUE_FIELDS:
        if name in values:
            setattr(venue, name, values[name])
    venue.name = _unique_name(
        Venue, municipality, venue.name, venue, _("Einen Ort „%(name)s“ gibt es schon.")
    )
    venue.full_clean(exclude=["municipality"], validate_unique=False, validate_constraints=False)
    venue.save()
    return venue


@transaction.atomic
def save_target_group(municipality, user, name: str, group: TargetGroup | None = None) -> TargetGroup:
    """Create (group=None) or rename a target group; names are unique per municipality."""
    group = group or TargetGroup(municipality=municipality)
    group.name = _unique_name(
        TargetGroup, municipality, name, group, _("Eine Zielgruppe „%(name)s“ gibt es schon.")
    )
    group.full_clean(exclude=["municipality"], validate_unique=False, validate_constraints=False)
    group.save()
    return group
