import pytest

from teilhabe.directory.models import Organisation
from teilhabe.directory.tests.helpers import contact, organisations, url


@pytest.mark.parametrize("role", ["office", "department_editor", "partner_editor", "advisory_board"])
def test_every_member_can_open_the_list(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(url("organisation_list", municipality)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, municipality):
    response = client.get(url("organisation_list", municipality))
    assert response.status_code == 302
    assert "/konto/anmelden/" in response["Location"]


def test_members_of_another_municipality_get_404(client, outsider, municipality):
    client.force_login(outsider)
    assert client.get(url("organisation_list", municipality)).status_code == 404


def test_it_lists_only_the_municipalitys_organisations(
    office_client, municipality, other_municipality, department
):
    Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremder Partner")
    content = office_client.get(url("organisation_list", municipality)).content.decode()
    assert "Kulturamt" in content
    assert "Fremder Partner" not in content


def test_search_finds_name_short_name_and_notes(office_client, municipality, department, partner):
    Organisation.objects.create(
        municipality=municipality, kind="community", name="Verein X", notes="Treffen im Haus International"
    )

    def names(q):
        return [
            o.name
            for o in office_client.get(url("organisation_list", municipality), {"q": q}).context["page"]
        ]

    assert names("kultur") == ["Kulturamt"]
    assert names("Caritas") == ["Caritasverband"]
    assert names("haus international") == ["Verein X"]


def test_filters_by_kind_and_language(office_client, municipality, department, partner):
    partner.languages = ["de", "tr"]
    partner.save()
    department.languages = ["de", "en"]
    department.save()
    response = office_client.get(url("organisation_list", municipality), {"art": "partner", "sprache": "tr"})
    assert [o.name for o in response.context["page"]] == ["Caritasverband"]
    response = office_client.get(url("organisation_list", municipality), {"sprache": "en"})
    assert [o.name for o in response.context["page"]] == ["Kulturamt"]


def test_the_list_is_paginated_with_a_bounded_number_of_queries(
    office_client, municipality, django_assert_max_num_queries
):
    orgs = organisations(municipality, 130)
    for o in orgs[:20]:
        contact(o, name=f"Person {o.pk}")
    with django_assert_max_num_queries(10):
        response = office_client.get(url("organisation_list", municipality), {"seite": 2, "sprache": "tr"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 50
    assert "Seite 2 von 3" in response.content.decode()
