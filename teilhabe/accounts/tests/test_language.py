"""Internal pages are German unless the person chose English (stored on the user, so remembered everywhere);
the browser's Accept-Language does not switch them. Public pages may follow the browser, with a visible switch."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


def _lang(response):
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_an_english_browser_does_not_switch_the_internal_pages(office_client, municipality):
    response = office_client.get(reverse("municipalities:home", args=[municipality.slug]), **ENGLISH_BROWSER)
    assert _lang(response) == "de"
    assert "Zum Inhalt springen" in response.content.decode()


def test_the_choice_is_stored_and_remembered_in_a_new_session(client, office_user, municipality):
    client.force_login(office_user)
    home = reverse("municipalities:home", args=[municipality.slug])
    response = client.post(reverse("set_language"), {"language": "en", "next": home})
    assert response.status_code == 302 and response["Location"] == home
    office_user.refresh_from_db()
    assert office_user.language == "en"

    other_device = Client()  # no cookie from the switch: the stored choice alone
    other_device.force_login(office_user)
    assert _lang(other_device.get(home)) == "en"
    assert _lang(other_device.get(reverse("accounts:profile"))) == "en"


def test_a_cookie_left_by_the_public_switch_does_not_override_the_stored_choice(
    client, office_user, municipality
):
    client.cookies["django_language"] = "en"
    client.force_login(office_user)
    assert _lang(client.get(reverse("municipalities:home", args=[municipality.slug]))) == "de"


def test_the_profile_offers_the_choice(office_client, office_user):
    html = office_client.get(reverse("accounts:profile")).content.decode()
    assert 'name="language"' in html and f'action="{reverse("set_language")}"' in html
    assert '<option value="de" lang="de" selected>Deutsch</option>' in html


def test_public_pages_follow_the_browser_and_show_the_switch(client, municipality):
    public = reverse("public:home", args=[municipality.slug])
    english = client.get(public, **ENGLISH_BROWSER)
    assert _lang(english) == "en"
    assert 'name="language" value="de"' in english.content.decode()  # the switch back, visible
    german = Client().get(public)
    assert _lang(german) == "de"
    assert 'name="language" value="en"' in german.content.decode()


def test_the_visitors_switch_wins_over_the_browser(client, municipality):
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    response = client.get(reverse("public:home", args=[municipality.slug]), **ENGLISH_BROWSER)
    assert _lang(response) == "de"


def test_the_login_page_follows_the_browser(client):
    assert _lang(client.get(reverse("accounts:login"), **ENGLISH_BROWSER)) == "en"
