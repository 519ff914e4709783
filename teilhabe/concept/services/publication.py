"""What the public sees of the concept: only a concept the office marked public (`Concept.public`), only its
measures marked public (`Measure.public`), each with its *accepted* status (`Measure.current_status`, never a
report still in a round), and the trend of the closed rounds. Never the reports' texts, authors or reviewers.

Used by the public concept page (concept/views/public.py) and the open data API (teilhabe/api)."""

from django.db.models import Count, Prefetch, Q

from teilhabe.concept.models import Concept, FieldOfAction, Goal, Measure, Status
from teilhabe.concept.services import progress


def published_concepts(municipality=None):
    concepts = Concept.objects.filter(public=True, is_current=True).select_related("municipality")
    return concepts if municipality is None else concepts.filter(municipality=municipality)


def published_concept(municipality):
    """The municipality's current concept, if the office published it, else None."""
    return published_concepts(municipality).first()


def published_measures(concept=None, *, municipality=None):
    measures = Measure.objects.filter(concept__public=True, concept__is_current=True, public=True)
    if concept is not None:
        measures = measures.filter(concept=concept)
    if municipality is not None:
        measures = measures.filter(municipality=municipality)
    return measures.select_related("field_of_action", "goal", "current_status", "lead", "municipality")


def published_fields(concept):
    """Fields of action with their goals and public measures (three queries)."""
    measures = published_measures(concept).order_by("sort_key")
    goals = Goal.objects.filter(field_of_action__concept=concept).prefetch_related(
        Prefetch("measures", queryset=measures, to_attr="public_measures")
    )
    return list(
        FieldOfAction.objects.filter(concept=concept)
        .order_by("number")
        .prefetch_related(Prefetch("goals", queryset=goals, to_attr="public_goals"))
        .annotate(public_measure_count=Count("measures", filter=Q(measures__public=True)))
    )


def public_overview(concept):
    """Counts per status, overall and per field of action, of the public measures."""
    return progress.status_overview(concept, published_measures(concept))


def public_trend(concept):
    """Started / implemented per closed round (the frozen summaries: counts, no names)."""
    return progress.trend(concept)


def statuses(municipality):
    return list(Status.objects.filter(municipality=municipality).order_by("order", "name"))
