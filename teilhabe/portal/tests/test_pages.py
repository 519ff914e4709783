from django.urls import reverse

from teilhabe.directory.models import Contact, Organisation


def test_the_start_page_lists_municipalities_for_visitors(client, municipality):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Musterstadt" in response.content.decode()


def test_a_member_of_one_municipality_is_taken_straight_to_it(client, office_user, municipality):
    client.force_login(office_user)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("municipalities:home", args=[municipality.slug])


def test_the_home_page_names_the_municipality_and_counts_its_directory(client, office_user, municipality):
    org = Organisation.objects.create(municipality=municipality, kind="partner", name="Caritas")
    Contact.objects.create(municipality=municipality, organisation=org, name="Eva")
    client.force_login(office_user)
    content = client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    assert "<h1>Musterstadt</h1>" in content
    assert "1 Organisation, 1 Ansprechperson" in content


def test_the_navigation_shows_the_areas_that_exist_and_nothing_else(client, board_user, municipality):
    client.force_login(board_user)
    content = client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    for area in [
        "Integrationskonzept",
        "Faktencheck",
        "Adressbuch",
        "Aktivitäten",
        "Netzwerke",
        "Berichte",
        "Flyer",
    ]:
        assert area in content
    # Office-only areas and placeholders of areas still planned stay out of the board's navigation.
    for absent in ["Verteiler", "in Vorbereitung"]:
        assert absent not in content


def test_an_unknown_municipality_is_not_found(client, office_user):
    client.force_login(office_user)
    assert client.get("/nirgendwo/").status_code == 404


def test_office_staff_edit_the_public_contact_of_their_office(client, office_user, municipality):
    client.force_login(office_user)
    url = reverse("municipalities:settings", args=[municipality.slug])
    response = client.post(
        url,
        {
            "name": "Musterstadt",
            "office_name": "Amt für Integration",
            "office_email": "integration@musterstadt.example",
            "office_phone": "0831 1",
            "office_address": "Gerberstraße 2",
            "office_hours": "Mo 9–12",
            "disclosure_threshold": 3,
        },
    )
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.office_email == "integration@musterstadt.example"
    assert municipality.disclosure_threshold == 3


def test_the_settings_form_explains_bad_input_in_german(client, office_user, municipality):
    client.force_login(office_user)
    url = reverse("municipalities:settings", args=[municipality.slug])
    response = client.post(
        url, {"name": "", "office_name": "Amt", "office_email": "kein-mail", "disclosure_threshold": 2}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Eingaben" in content
    assert "Dieses Feld ist zwingend erforderlich." in content


def test_the_public_page_shows_the_office_contact_without_login(client, municipality):
    municipality.office_email = "integration@musterstadt.example"
    municipality.save()
    response = client.get(reverse("public:home", args=[municipality.slug]))
    assert response.status_code == 200
    assert "integration@musterstadt.example" in response.content.decode()


def test_the_public_page_shows_no_personal_data(client, municipality):
    org = Organisation.objects.create(municipality=municipality, kind="partner", name="Caritas")
    Contact.objects.create(
        municipality=municipality, organisation=org, name="Eva Geheim", email="eva@example.org"
    )
    content = client.get(reverse("public:home", args=[municipality.slug])).content.decode()
    assert "Eva Geheim" not in content and "eva@example.org" not in content


def test_the_health_check_answers_ok(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok"


def test_the_home_page_needs_few_queries_whatever_the_directory_size(
    client, office_user, municipality, django_assert_max_num_queries
):
    Organisation.objects.bulk_create(
        Organisation(municipality=municipality, kind="partner", name=f"Partner {i}") for i in range(200)
    )
    client.force_login(office_user)
    with django_assert_max_num_queries(15):  # 12, 2 for the open tasks, 1 for the reports to review
        client.get(reverse("municipalities:home", args=[municipality.slug]))


def test_every_area_card_on_the_home_page_says_what_the_area_is_for(client, office_user, municipality):
    import re

    client.force_login(office_user)
    content = client.get(reverse("municipalities:home", args=[municipality.slug])).content.decode()
    cards = re.findall(
        r'<div class="card">\s*<h2 class="h3"><a [^>]*>([^<]+)</a></h2>\s*(<p>[^<]+</p>)?', content
    )
    assert len(cards) == 10  # the office sees every area
    assert [label for label, description in cards if not description] == []
