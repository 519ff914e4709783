"""The demo activities: every activity of the seed report, with real partners, pictures with credit and alt
text, measures of the demo concept; loading twice changes nothing."""

import pytest

from teilhabe.activities import demo
from teilhabe.activities.models import Activity, ActivityPartner, ActivityPicture
from teilhabe.concept import demo as concept_demo
from teilhabe.directory import demo as directory_demo


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo_municipality(municipality):
    directory_demo.load_demo(municipality)
    concept_demo.load_demo(municipality)
    demo.load_demo(municipality)
    return municipality


def counts():
    return (
        Activity.objects.count(),
        ActivityPartner.objects.count(),
        ActivityPicture.objects.count(),
        sorted(Activity.objects.values_list("title", "state")),
    )


def test_every_seed_activity_is_there_with_partners_and_the_shared_titles(demo_municipality):
    titles = set(Activity.objects.values_list("title", flat=True))
    assert titles == {spec["title"] for spec in demo.ACTIVITIES}
    assert {"Sprachcafé mit dem Ukrainischen Verein", "Klima-ABC"} <= titles  # the networks demo links them
    for spec in demo.ACTIVITIES:
        activity = Activity.objects.get(title=spec["title"])
        partners = set(activity.partners.values_list("organisation__name", "role"))
        assert partners == set(spec["partners"]), spec["title"]
        assert activity.state == spec["states"][-1][0]
    fair = Activity.objects.get(title="Jobbörse für Geflüchtete")
    assert fair.venue.name == "BigBox" and str(fair.first_on) == "2024-03-04" and fair.state == "done"
    assert fair.measures.get().title == "Jobbörse für Geflüchtete"
    workshops = Activity.objects.get(title="Schulungsangebot zur kultursensiblen Öffentlichkeitsarbeit")
    assert [str(d.date) for d in workshops.dates.all()] == ["2024-10-08", "2024-10-21"]
    assert workshops.partners.get(role="funder").organisation.name.startswith("IQ-Netzwerk")


def test_every_picture_carries_a_credit_line_and_alt_text_and_is_shown(demo_municipality):
    pictures = list(ActivityPicture.objects.select_related("activity"))
    assert len(pictures) == sum(1 for spec in demo.ACTIVITIES if "picture" in spec)
    credits = {p.credit for p in pictures}
    assert {"© Klinikum Kempten, Martin Fink", "© Foto Stadt Kempten (Allgäu), Büro OB"} <= credits
    assert all(p.alt_text and p.shown_publicly and p.thumbnail and p.width == 480 for p in pictures)


def test_loading_the_demo_again_changes_nothing(demo_municipality):
    before = counts()
    demo.load_demo(demo_municipality)
    assert counts() == before
