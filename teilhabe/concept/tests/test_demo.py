"""The demo concept: complete, spread over the demo directory, with progress across rounds; idempotent."""

import pytest
from django.db.models import Count

from teilhabe.concept import demo
from teilhabe.concept.models import Concept, FieldOfAction, Focus, Goal, Measure, ReportingRound, StatusReport
from teilhabe.directory import demo as directory_demo
from teilhabe.directory.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(municipality):
    directory_demo.load_demo(municipality)
    return demo.load_demo(municipality)


def check_the_demo_concept_has_6_fields_43_goals_and_144_measures(concept):
    assert (concept.title, concept.short_name) == ("Integrationskonzept der Stadt Musterstadt", "KIK")
    assert FieldOfAction.objects.filter(concept=concept).count() == 6
    assert Goal.objects.filter(field_of_action__concept=concept).count() == 43
    assert Measure.objects.filter(concept=concept).count() == 144
    titles = set(Measure.objects.filter(concept=concept).values_list("title", flat=True))
    assert {
        "Mehrsprachige Vorlesenachmittage in der Stadtbibliothek",
        "Jobbörse für Geflüchtete",
        "Vorträge zur häuslichen Pflege in türkischer und russischer Sprache",
    } <= titles


def check_responsibilities_are_spread_over_the_demo_directory(concept, municipality):
    leads = set(Measure.objects.filter(concept=concept).values_list("lead__name", flat=True))
    involved = set(
        Measure.involved.through.objects.filter(measure__concept=concept).values_list(
            "organisation__name", flat=True
        )
    )
    assert None not in leads
    seed_departments = {name for name, _short, _parent in directory_demo.SEED_DEPARTMENTS}
    assert seed_departments <= leads | involved
    assert {
        "Klinikum Musterstadt",
        "Caritasverband Musterstadt",
        "Jobcenter Musterstadt",
        "Ukrainischer Verein Musterstadt e.V.",
    } <= leads | involved
    assert len(leads) >= 20
    assert Organisation.objects.filter(municipality=municipality).count() == len(
        {o.name for o in Organisation.objects.filter(municipality=municipality)}
    )


def check_the_focus_2024_is_tied_to_its_field_of_action(concept):
    focus = Focus.objects.get(concept=concept)
    assert (focus.year, focus.title) == (2024, "Gesellschaftliche Teilhabe verbessern")
    assert [f.title for f in focus.fields_of_action.all()] == ["Gesellschaftliche Teilhabe und Partizipation"]
    assert focus.measures.count() >= 25


def check_two_closed_rounds_show_progress_and_one_open_round_has_submitted_reports(concept):
    rounds = list(ReportingRound.objects.filter(concept=concept).order_by("due_date"))
    assert [r.title for r in rounds[:2]] == ["Zwischenstand Oktober 2023", "Zwischenstand Mai 2024"]
    october, may, open_round = rounds
    assert october.is_closed and may.is_closed and not open_round.is_closed
    for closed in (october, may):
        states = set(closed.reports.values_list("state", flat=True))
        assert states == {StatusReport.State.ACCEPTED}
        assert closed.reports.count() >= 120
    assert may.summary["implemented"] > october.summary["implemented"]
    assert may.summary["started"] > october.summary["started"]
    states = dict(open_round.reports.values_list("state").annotate(n=Count("pk")).order_by())
    assert states.get(StatusReport.State.SUBMITTED, 0) >= 20
    assert open_round.reports.count() < 144  # the rest is still to do
    assert Measure.objects.filter(concept=concept, current_report__round=may).count() == may.reports.count()


def check_loading_the_demo_twice_duplicates_nothing(concept, municipality):
    counts = (
        Concept.objects.count(),
        Measure.objects.count(),
        ReportingRound.objects.count(),
        StatusReport.objects.count(),
    )
    directory_demo.load_demo(municipality)
    again = demo.load_demo(municipality)
    assert again.pk == concept.pk
    assert (
        Concept.objects.count(),
        Measure.objects.count(),
        ReportingRound.objects.count(),
        StatusReport.objects.count(),
    ) == counts


# Loading the demo takes seconds, so two tests share the checks above.


def test_the_demo_concept_is_complete_spread_over_the_directory_and_has_its_focus(concept, municipality):
    check_the_demo_concept_has_6_fields_43_goals_and_144_measures(concept)
    check_responsibilities_are_spread_over_the_demo_directory(concept, municipality)
    check_the_focus_2024_is_tied_to_its_field_of_action(concept)


def test_the_demo_rounds_show_progress_and_loading_twice_duplicates_nothing(concept, municipality):
    check_two_closed_rounds_show_progress_and_one_open_round_has_submitted_reports(concept)
    check_loading_the_demo_twice_duplicates_nothing(concept, municipality)
