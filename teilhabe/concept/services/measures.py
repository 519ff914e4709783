"""The measure list's filters. Multi-valued conditions use subqueries, so each measure appears once without
DISTINCT and the page stays a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from teilhabe.concept.models import Measure

LEAD, INVOLVED, ANY = "lead", "involved", "any"


@dataclass
class MeasureFilter:
    field_of_action: object = None
    goal: object = None
    status: object = None  # a Status, or the string "none" for measures without a status yet
    organisation: object = None
    responsibility: str = ANY  # lead / involved / any
    focus: object = None
    tag: object = None
    text: str = ""
    overdue: bool = False


def filter_measures(concept, criteria: MeasureFilter):
    measures = Measure.objects.filter(concept=concept)
    c = criteria
    if c.field_of_action:
        measures = measures.filter(field_of_action=c.field_of_action)
    if c.goal:
        measures = measures.filter(goal=c.goal)
    if c.status == "none":
        measures = measures.filter(current_status__isnull=True)
    elif c.status:
        measures = measures.filter(current_status=c.status)
    if c.organisation:
        involved = Measure.involved.through.objects.filter(organisation=c.organisation).values("measure_id")
        if c.responsibility == LEAD:
            measures = measures.filter(lead=c.organisation)
        elif c.responsibility == INVOLVED:
            measures = measures.filter(pk__in=involved)
        else:
            measures = measures.filter(Q(lead=c.organisation) | Q(pk__in=involved))
    if c.focus:
        tied = Measure.foci.through.objects.filter(focus=c.focus).values("measure_id")
        fields = c.focus.fields_of_action.through.objects.filter(focus=c.focus).values("fieldofaction_id")
        measures = measures.filter(Q(pk__in=tied) | Q(field_of_action_id__in=fields))
    if c.tag:
        measures = measures.filter(pk__in=Measure.tags.through.objects.filter(tag=c.tag).values("measure_id"))
    text = (c.text or "").strip()
    if text:
        measures = measures.filter(
            Q(number__istartswith=text)
            | Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(success_indicator__icontains=text)
        )
    if c.overdue:
        measures = measures.filter(end__lt=timezone.localdate(), ongoing=False).exclude(
            current_status__counts_as_implemented=True
        )
    return measures
