import datetime

import pytest
from django.core import mail

from teilhabe.activities.models import Activity, ActivityPicture
from teilhabe.activities.tests.helpers import activity, image_file, url
from teilhabe.concept.samples import measure

D = datetime.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_office_user_records_an_activity_from_idea_to_done(client, municipality, office_user, partner):
    client.force_login(office_user)
    goal_measure = measure(municipality)
    goal_measure.concept.is_current = True
    goal_measure.concept.save()
    response = client.post(
        url("create", municipality),
        {
            "title": "Informationsnachmittag für internationale Pflegekräfte",
            "kind": "event",
            "state": "idea",
            "starts_on": D.today().isoformat(),
            "start_time": "15:00",
            "languages": ["de", "en"],
            "measures": [goal_measure.pk],
        },
    )
    nurses = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == nurses.get_absolute_url()
    assert nurses.state == "idea" and list(nurses.measures.all()) == [goal_measure]
    client.post(url("partner_add", municipality, nurses.pk), {"organisation": partner.pk, "role": "lead"})
    client.post(
        url("state", municipality, nurses.pk), {"state": "planned", "reached_on": D.today().isoformat()}
    )
    client.post(url("state", municipality, nurses.pk), {"state": "done", "reached_on": D.today().isoformat()})
    client.post(
        url("picture_add", municipality, nurses.pk),
        {
            "image": image_file(size=(60, 40)),
            "credit": "© Klinikum Kempten, Martin Fink",
            "alt_text": "Gespräch",
        },
    )
    picture = ActivityPicture.objects.get()
    client.post(
        url("picture_edit", municipality, picture.pk),
        {"credit": picture.credit, "alt_text": picture.alt_text, "public": "on"},
    )
    nurses.refresh_from_db()
    picture.refresh_from_db()
    assert nurses.state == "done" and picture.shown_publicly
    assert [c.state for c in nurses.state_changes.all()] == ["idea", "planned", "done"]
    page = client.get(nurses.get_absolute_url()).content.decode()
    assert (
        "Caritasverband" in page and "© Klinikum Kempten, Martin Fink" in page and goal_measure.title in page
    )
    image = client.get(url("picture_file", municipality, picture.pk))
    assert image["Content-Type"] == "image/jpeg" and image["X-Content-Type-Options"] == "nosniff"
    assert nurses.title in client.get(url("past", municipality)).content.decode()


def test_an_editor_creates_for_their_organisation_and_edits_only_what_it_co_runs(
    client, municipality, partner_user, partner, department
):
    client.force_login(partner_user)
    client.post(url("create", municipality), {"title": "Lachyoga", "kind": "event", "state": "planned"})
    own = Activity.objects.get(title="Lachyoga")
    assert [(p.organisation, p.role) for p in own.partners.all()] == [(partner, "lead")]
    assert client.get(url("edit", municipality, own.pk)).status_code == 200
    other = activity(municipality, title="Pocketgarden", organisation=department)
    assert client.get(url("edit", municipality, other.pk)).status_code == 403
    assert client.post(url("state", municipality, other.pk), {"state": "done"}).status_code == 403
    assert mail.outbox == []


def test_the_board_reads_but_does_not_create(client, municipality, board_user):
    client.force_login(board_user)
    fair = activity(municipality)
    assert client.get(fair.get_absolute_url()).status_code == 200
    assert client.get(url("create", municipality)).status_code == 403


def test_filters_work_without_javascript(client, municipality, office_user, partner):
    client.force_login(office_user)
    activity(
        municipality,
        title="Vortrag auf Türkisch",
        languages=["tr"],
        starts_on=D.today(),
        organisation=partner,
    )
    activity(municipality, title="Vortrag auf Russisch", languages=["ru"], starts_on=D.today())
    page = client.get(url("list", municipality), {"sprache": "tr"}).content.decode()
    assert "Vortrag auf Türkisch" in page and "Vortrag auf Russisch" not in page
    page = client.get(
        url("list", municipality), {"partner": partner.pk}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Vortrag auf Türkisch" in page and "Vortrag auf Russisch" not in page


def test_the_calendar_shows_each_occurrence_of_a_series(client, municipality, office_user):
    client.force_login(office_user)
    activity(
        municipality, title="Sprachcafé", starts_on=D(2024, 4, 2), recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=5"
    )
    page = client.get(url("calendar", municipality), {"monat": "2024-04"}).content.decode()
    assert page.count("Sprachcafé") == 5
