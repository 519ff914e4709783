"""Ideas (Überlegungen, Impulse) and what they become: a planned activity (through the activities' named
action save_activity) or a new measure of the concept (through concept.services.structure.save_measure). The
idea keeps the link; the activity's and the measure's pages read it back ("entstanden aus Idee …")."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.networks.models import Idea

FIELDS = (
    "title", "description", "network", "meeting", "collected_at", "proposed_by_organisation", "proposed_by",
    "state",
)  # fmt: skip


@transaction.atomic
def save_idea(municipality, user, values: dict, idea: Idea | None = None):
    values = {name: values[name] for name in FIELDS if name in values}
    for name in ("network", "meeting", "proposed_by_organisation"):
        obj = values.get(name)
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError({name: _("Das gehört nicht zu dieser Kommune.")})
    if values.get("meeting") is not None:
        values["network"] = values["meeting"].network
    if not (values.get("title") or (idea.title if idea else "")).strip():
        raise ValidationError({"title": _("Bitte geben Sie der Idee einen Titel.")})
    if idea is None:
        idea = Idea(municipality=municipality, created_by=user)
    return save_values(idea, values)


@transaction.atomic
def take_up_as_activity(idea, user, values: dict | None = None, organisation=None):
    """Make a planned activity of the idea (title and description from it unless `values` say otherwise);
    the idea is "taken up" and links to the activity."""
    from teilhabe.activities.services.activities import save_activity

    if idea.activity_id:
        raise ValidationError(_("Aus dieser Idee ist schon eine Aktivität entstanden."))
    values = {"title": idea.title, "description": idea.description, "state": "planned", **(values or {})}
    activity = save_activity(idea.municipality, user, values, organisation=organisation)
    if idea.proposed_by_organisation_id and organisation is None:
        from teilhabe.activities.services.activities import add_partner

        add_partner(activity, idea.proposed_by_organisation, "partner", user)
    return link(idea, user, activity=activity)


@transaction.atomic
def take_up_as_measure(idea, user, goal, number: str, values: dict | None = None):
    """Make a new measure of `goal`'s concept from the idea, numbered `number`."""
    from teilhabe.concept.models import Measure
    from teilhabe.concept.services.structure import save_measure

    if idea.measure_id:
        raise ValidationError(_("Aus dieser Idee ist schon eine Maßnahme entstanden."))
    if goal.municipality_id != idea.municipality_id:
        raise ValidationError({"goal": _("Das Ziel gehört nicht zu dieser Kommune.")})
    number = (number or "").strip()
    if not number:
        raise ValidationError({"number": _("Bitte geben Sie eine Nummer für die Maßnahme an.")})
    concept = goal.field_of_action.concept
    if Measure.objects.filter(concept=concept, number=number).exists():
        raise ValidationError(
            {"number": _("Die Nummer %(number)s gibt es im Konzept schon.") % {"number": number}}
        )
    measure = save_measure(
        concept,
        {
            "goal": goal,
            "number": number,
            "title": idea.title,
            "description": idea.description,
            **(values or {}),
        },
    )
    return link(idea, user, measure=measure)


@transaction.atomic
def link(idea, user, *, activity=None, measure=None):
    """Record that the activity and/or measure arose from the idea; the idea is then "taken up"."""
    values = {"state": Idea.State.TAKEN_UP}
    for name, obj in (("activity", activity), ("measure", measure)):
        if obj is not None:
            if obj.municipality_id != idea.municipality_id:
                raise ValidationError(_("Das gehört nicht zu dieser Kommune."))
            values[name] = obj
    return save_values(idea, values)


@transaction.atomic
def delete_idea(idea, user):
    """Delete an idea (the office); an activity or measure it became stays (it only loses its origin)."""
    idea.delete()
