import pytest

from teilhabe.directory.models import Organisation
from teilhabe.directory.tests.helpers import contact, url


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_only_the_office_lists_all_people(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(url("contact_list", municipality)).status_code == 403


def test_the_outsider_gets_404(client, outsider, municipality):
    client.force_login(outsider)
    assert client.get(url("contact_list", municipality)).status_code == 404


def test_it_filters_by_consent_state_and_search(
    office_client, municipality, other_municipality, partner, department
):
    contact(partner, name="Gültig Person", email="g@x.example")
    contact(partner, name="Ohne Person", email="o@x.example", consent=False)
    contact(department, name="Widerruf Person", email="w@x.example", consent_withdrawn=True)
    foreign = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    contact(foreign, name="Fremde Person")

    def names(**params):
        return [c.name for c in office_client.get(url("contact_list", municipality), params).context["page"]]

    assert names() == ["Gültig Person", "Ohne Person", "Widerruf Person"]
    assert names(einwilligung="gueltig") == ["Gültig Person"]
    assert names(einwilligung="fehlt") == ["Ohne Person"]
    assert names(einwilligung="widerrufen") == ["Widerruf Person"]
    assert names(q="kulturamt") == ["Widerruf Person"]
    assert names(q="o@x.example") == ["Ohne Person"]


def test_the_list_needs_a_bounded_number_of_queries(
    office_client, municipality, partner, django_assert_max_num_queries
):
    for i in range(120):
        contact(partner, name=f"Person {i:03d}", email=f"p{i}@x.example")
    with django_assert_max_num_queries(8):
        response = office_client.get(url("contact_list", municipality), {"seite": 2})
    assert len(response.context["page"].object_list) == 50
