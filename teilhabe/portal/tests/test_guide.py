"""The first-run guide of a new municipality's office."""

import pytest
from django.urls import reverse

from teilhabe.concept.models import Concept, ensure_default_statuses
from teilhabe.directory.models import Organisation
from teilhabe.municipalities.models import SetupGuide
from teilhabe.portal.guide import guide_state


def url(municipality, step=None):
    if step:
        return reverse("municipalities:guide_step", args=[municipality.slug, step])
    return reverse("municipalities:guide", args=[municipality.slug])


@pytest.fixture
def office(client, office_user, municipality):
    ensure_default_statuses(municipality)
    client.force_login(office_user)
    return client


def test_the_start_page_shows_the_guide_to_the_office_until_it_is_done(office, municipality):
    home = reverse("municipalities:home", args=[municipality.slug])
    content = office.get(home).content.decode()
    assert "Erste Schritte" in content and "0 von 6 erledigt" in content
    assert url(municipality, "contact") in content
    for step in ["contact", "statuses", "organisations", "concept", "team", "round"]:
        office.post(url(municipality, step), {"action": "skip"})
    assert "Erste Schritte" not in office.get(home).content.decode()
    # still reachable from the settings
    assert (
        url(municipality)
        in office.get(reverse("municipalities:settings", args=[municipality.slug])).content.decode()
    )


def test_the_board_never_sees_the_guide(client, board_user, municipality):
    client.force_login(board_user)
    assert (
        "Erste Schritte"
        not in client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    )


def test_each_step_says_what_it_is_for_and_can_be_skipped_and_resumed(office, municipality):
    content = office.get(url(municipality, "statuses")).content.decode()
    assert "Mit diesen Werten melden Fachämter" in content and "nicht begonnen" in content
    response = office.post(url(municipality, "statuses"), {"action": "skip"})
    assert response["Location"] == url(municipality, "organisations")
    assert guide_state(municipality).get("statuses").state == "skipped"
    office.post(url(municipality, "statuses"), {"action": "resume"})
    assert guide_state(municipality).get("statuses").state == "open"
    office.post(url(municipality, "statuses"), {"action": "confirm"})
    state = guide_state(municipality)
    assert state.get("statuses").state == "done" and state.done_count == 1
    assert "1 von 6 Schritten erledigt" in office.get(url(municipality)).content.decode()


def test_the_contact_step_saves_the_office_details_and_wants_a_credit_for_a_logo(office, municipality):
    from io import BytesIO

    from PIL import Image

    data = {"action": "save", "office_name": "Amt für Integration", "office_email": "integration@muster.de",
            "office_hours": "Mo–Fr 9–12 Uhr", "office_phone": "", "office_address": "", "logo_credit": ""}  # fmt: skip
    buffer = BytesIO()
    Image.new("RGB", (20, 20), "navy").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "logo.png"
    response = office.post(url(municipality, "contact"), {**data, "logo": buffer})
    assert response.status_code == 200 and "Bildnachweis des Logos an" in response.content.decode()
    response = office.post(url(municipality, "contact"), data)
    assert response["Location"] == url(municipality, "statuses")
    municipality.refresh_from_db()
    assert municipality.office_hours == "Mo–Fr 9–12 Uhr"
    assert guide_state(municipality).get("contact").state == "done"


def test_a_pasted_list_creates_the_missing_organisations_once(office, municipality):
    Organisation.objects.create(municipality=municipality, kind="department", name="Kulturamt")
    office.post(
        url(municipality, "organisations"),
        {
            "action": "save",
            "kind": "department",
            "names": "Kulturamt\n\n- Jugendamt\nStadtbibliothek\njugendamt\n",
        },
    )
    names = sorted(Organisation.objects.filter(municipality=municipality).values_list("name", flat=True))
    assert names == ["Jugendamt", "Kulturamt", "Stadtbibliothek"]
    assert guide_state(municipality).get("organisations").state == "done"


@pytest.mark.parametrize(
    "language, names, expected",
    [
        ("de", "Jugendamt", "1 Organisation angelegt."),
        ("de", "Jugendamt\nKulturamt\nVHS", "2 Organisationen angelegt. 1 war schon im Adressbuch."),
        ("en", "Jugendamt", "1 organisation created."),
        ("en", "Jugendamt\nKulturamt\nVHS", "2 organisations created. 1 was already in the directory."),
    ],
)
def test_the_message_counts_in_singular_and_plural(
    office, office_user, municipality, language, names, expected
):
    Organisation.objects.create(municipality=municipality, kind="department", name="Kulturamt")
    office_user.language = language
    office_user.save(update_fields=["language"])
    response = office.post(
        url(municipality, "organisations"),
        {"action": "save", "kind": "department", "names": names},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [expected]


def test_steps_with_a_sign_in_the_data_are_done_without_being_marked(office, municipality):
    Concept.objects.create(municipality=municipality, title="KIK")
    assert guide_state(municipality).get("concept").state == "done"
    content = office.get(url(municipality, "round")).content.decode()
    assert reverse("concept:round_create", args=[municipality.slug, Concept.objects.get().pk]) in content


def test_the_round_step_without_a_concept_points_to_the_concept_step(office, municipality):
    content = office.get(url(municipality, "round")).content.decode()
    assert "Legen Sie zuerst das Konzept an" in content and url(municipality, "concept") in content


def test_progress_is_stored_per_municipality(office, municipality, other_municipality):
    office.post(url(municipality, "team"), {"action": "confirm"})
    assert SetupGuide.objects.get(municipality=municipality).confirmed == ["team"]
    assert guide_state(other_municipality).get("team").state == "open"
    assert not SetupGuide.objects.filter(municipality=other_municipality).exists()


def test_a_get_writes_nothing_and_an_unknown_step_is_not_found(office, municipality):
    office.get(url(municipality))
    office.get(url(municipality, "contact"))
    assert not SetupGuide.objects.exists()
    assert office.get(url(municipality, "nichts")).status_code == 404


def test_the_office_can_end_the_guide_and_bring_it_back(office, municipality):
    home = reverse("municipalities:home", args=[municipality.slug])
    office.post(url(municipality), {"action": "finish"})
    assert "Erste Schritte" not in office.get(home).content.decode()
    office.post(url(municipality), {"action": "reopen"})
    assert "Erste Schritte" in office.get(home).content.decode()
