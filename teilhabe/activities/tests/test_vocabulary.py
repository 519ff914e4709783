"""The office keeps the municipality's places and target groups; the activity form offers them."""

from teilhabe.activities.models import TargetGroup, Venue
from teilhabe.activities.tests.helpers import url


def test_the_office_adds_and_renames_a_venue_and_the_form_offers_it(client, municipality, office_user):
    client.force_login(office_user)
    response = client.post(
        url("venue_create", municipality),
        {"name": "Bürgertreff  Thingers", "address": "Stiftskellerweg 37", "step_free": "on"},
    )
    venue = Venue.objects.get()
    assert response.status_code == 302 and venue.name == "Bürgertreff Thingers" and venue.step_free
    assert "Bürgertreff Thingers" in client.get(url("venue_list", municipality)).content.decode()
    client.post(url("venue_edit", municipality, venue.pk), {"name": "Bürgertreff Thingers (Saal)"})
    venue.refresh_from_db()
    assert venue.name == "Bürgertreff Thingers (Saal)" and not venue.step_free
    assert "Bürgertreff Thingers (Saal)" in client.get(url("create", municipality)).content.decode()


def test_a_name_is_unique_per_municipality_whatever_its_case(
    client, municipality, other_municipality, office_user
):
    Venue.objects.create(municipality=municipality, name="BigBox")
    Venue.objects.create(municipality=other_municipality, name="Haus International")
    client.force_login(office_user)
    page = client.post(url("venue_create", municipality), {"name": "bigbox"}).content.decode()
    assert "Einen Ort „bigbox“ gibt es schon." in page
    client.post(url("venue_create", municipality), {"name": "Haus International"})
    assert Venue.objects.filter(name="Haus International").count() == 2  # the other one is another town's


def test_the_office_keeps_the_target_groups(client, municipality, office_user, other_municipality):
    theirs = TargetGroup.objects.create(municipality=other_municipality, name="Fremde")
    client.force_login(office_user)
    client.post(url("target_group_create", municipality), {"name": "internationale Pflegekräfte"})
    group = TargetGroup.objects.get(municipality=municipality)
    client.post(url("target_group_edit", municipality, group.pk), {"name": "Pflegekräfte aus dem Ausland"})
    group.refresh_from_db()
    assert group.name == "Pflegekräfte aus dem Ausland"
    page = client.post(url("target_group_create", municipality), {"name": "pflegekräfte aus dem ausland"})
    assert "gibt es schon" in page.content.decode()
    assert client.get(url("target_group_edit", municipality, theirs.pk)).status_code == 404
    assert "Pflegekräfte aus dem Ausland" in client.get(url("create", municipality)).content.decode()


def test_editors_and_the_board_cannot_change_the_vocabulary(client, municipality, partner_user, board_user):
    for user in (partner_user, board_user):
        client.force_login(user)
        assert client.post(url("venue_create", municipality), {"name": "X"}).status_code == 403
        assert client.post(url("target_group_create", municipality), {"name": "X"}).status_code == 403
    assert not Venue.objects.exists() and not TargetGroup.objects.exists()
