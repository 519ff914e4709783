"""Imprint, privacy notice and the page in Leichte Sprache: per municipality, without login, editable by the
office, nothing personal; public pages answer conditional GETs with 304."""

import pytest
from django.urls import reverse

from teilhabe.conftest import make_member
from teilhabe.directory.models import Contact, Organisation
from teilhabe.municipalities.services import update_municipality


def url(name, municipality):
    return reverse(f"public:{name}", args=[municipality.slug])


@pytest.fixture
def contact(municipality):
    organisation = Organisation.objects.create(municipality=municipality, kind="partner", name="Caritas")
    return Contact.objects.create(
        municipality=municipality, organisation=organisation, name="Erika Geheim", email="erika@example.org"
    )


def test_the_office_writes_imprint_and_privacy_notice(client, office_user, municipality, other_municipality):
    client.force_login(office_user)
    form = client.get(reverse("municipalities:settings", args=[municipality.slug])).content.decode()
    assert 'name="imprint"' in form and 'name="privacy_notice"' in form
    update_municipality(municipality, {"imprint": "Stadt Musterstadt\nvertreten durch den Oberbürgermeister"})
    update_municipality(municipality, {"privacy_notice": "Verantwortlich: Stadt <b>Musterstadt</b>"})
    client.logout()
    imprint = client.get(url("imprint", municipality)).content.decode()
    assert "vertreten durch den Oberbürgermeister" in imprint
    privacy = client.get(url("privacy", municipality)).content.decode()
    assert "Stadt &lt;b&gt;Musterstadt&lt;/b&gt;" in privacy  # plain text, never HTML
    assert "Oberbürgermeister" not in client.get(url("imprint", other_municipality)).content.decode()


def test_without_a_text_the_pages_show_the_office_and_the_platforms_rules(client, municipality):
    update_municipality(municipality, {"office_email": "integration@musterstadt.example"})
    imprint = client.get(url("imprint", municipality)).content.decode()
    assert "integration@musterstadt.example" in imprint and "noch nicht hinterlegt" in imprint
    privacy = client.get(url("privacy", municipality)).content.decode()
    assert "90 Tage nach der Veranstaltung" in privacy
    assert "wenn Sie sich abmelden oder wenn die Reihe endet" in privacy


def test_leichte_sprache_links_the_public_pages(client, municipality):
    text = client.get(url("easy_read", municipality)).content.decode()
    assert "Wer sind wir?" in text
    assert reverse("concept_public:concept", args=[municipality.slug]) in text
    assert reverse("events:list", args=[municipality.slug]) in text


@pytest.mark.parametrize("name", ["home", "imprint", "privacy", "easy_read", "accessibility"])
def test_no_personal_data_on_the_public_pages(client, municipality, contact, name):
    make_member(municipality, "office", "bearbeiter@example.org")
    text = client.get(url(name, municipality)).content.decode()
    for secret in ("Erika Geheim", "erika@example.org", "bearbeiter@example.org"):
        assert secret not in text


def test_the_home_page_links_the_new_pages(client, municipality):
    text = client.get(url("home", municipality)).content.decode()
    for name in ("imprint", "privacy", "easy_read"):
        assert url(name, municipality) in text
    assert reverse("concept_public:concept", args=[municipality.slug]) in text


def test_every_part_of_the_public_site_is_reachable_from_the_home_page(client, municipality, office_user):
    """The issue's list of the public site: the office's contact, team functions and opening hours on the home
    page itself; one link each to the concept, the Faktencheck, the activities (with registration and, one
    click further, the iCal feed), the networks, the bulletin archive and sign-up, the published reports,
    Leichte Sprache, the accessibility statement, imprint and privacy."""
    from teilhabe.accounts.models import Membership

    update_municipality(municipality, {"office_email": "amt@musterstadt.example", "office_hours": "Mo 9–12"})
    office_user.first_name, office_user.last_name = "Olga", "Amtfrau"
    office_user.save()
    Membership.objects.filter(user=office_user).update(team_function="Sachgebietsleitung", name_public=False)
    home = client.get(url("home", municipality)).content.decode()
    assert "amt@musterstadt.example" in home and "Mo 9–12" in home and "Sachgebietsleitung" in home
    assert "Amtfrau" not in home  # the name is not marked public
    slug = [municipality.slug]
    linked = [
        "concept_public:concept",
        "statistics_public:index",
        "events:list",
        "networks_public:list",
        "bulletins_public:archive",
        "subscriptions:index",
        "reports_public:list",
        "public:easy_read",
        "public:accessibility",
        "public:imprint",
        "public:privacy",
    ]
    for name in linked:
        target = reverse(name, args=slug)
        assert f'href="{target}"' in home, name
        assert client.get(target).status_code == 200, name
    events = client.get(reverse("events:list", args=slug)).content.decode()
    assert reverse("feeds:public", args=slug) in events


def test_public_pages_answer_a_conditional_get_with_304(client, municipality):
    first = client.get(url("easy_read", municipality))
    etag = first["ETag"]
    assert etag and "must-revalidate" in first["Cache-Control"]
    second = client.get(url("easy_read", municipality))
    assert second["ETag"] == etag  # the same page, though its CSRF token is masked anew
    assert client.get(url("easy_read", municipality), HTTP_IF_NONE_MATCH=etag).status_code == 304
    update_municipality(municipality, {"office_phone": "0911 123"})
    assert client.get(url("easy_read", municipality), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_logged_in_visitors_get_no_etag(client, office_user, municipality):
    client.force_login(office_user)
    response = client.get(url("easy_read", municipality))
    assert not response.has_header("ETag") and "no-store" in response["Cache-Control"]
