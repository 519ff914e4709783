import pytest
from auditlog.models import LogEntry

from teilhabe.directory.models import Organisation
from teilhabe.directory.tests.helpers import contact, measure, url


@pytest.mark.parametrize("role", ["office", "department_editor", "partner_editor", "advisory_board"])
def test_every_member_can_open_an_organisation(client, role_users, municipality, partner, role):
    client.force_login(role_users[role])
    assert client.get(url("organisation_detail", municipality, partner.pk)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, municipality, partner):
    assert client.get(url("organisation_detail", municipality, partner.pk)).status_code == 302


def test_an_organisation_of_another_municipality_is_404(office_client, municipality, other_municipality):
    foreign = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    assert office_client.get(url("organisation_detail", municipality, foreign.pk)).status_code == 404


def test_the_outsider_gets_404(client, outsider, municipality, partner):
    client.force_login(outsider)
    assert client.get(url("organisation_detail", municipality, partner.pk)).status_code == 404


def test_it_shows_parent_children_and_measures(office_client, municipality, department, partner):
    library = Organisation.objects.create(
        municipality=municipality, kind="department", name="Stadtbibliothek", parent=department
    )
    measure(municipality, lead=department, number="1.1.1", title="Lesepaten gewinnen")
    measure(municipality, lead=partner, involved=[department], number="1.1.2", title="Sprachcafé ausbauen")
    content = office_client.get(url("organisation_detail", municipality, department.pk)).content.decode()
    assert "Stadtbibliothek" in content
    assert "Lesepaten gewinnen" in content and "1.1.1" in content
    assert "Sprachcafé ausbauen" in content and "in Umsetzung" in content
    child_page = office_client.get(url("organisation_detail", municipality, library.pk)).content.decode()
    assert url("organisation_detail", municipality, department.pk) in child_page


def test_office_sees_contact_details_and_consent_flags(office_client, municipality, partner):
    contact(partner, name="Miriam Vogt", email="m.vogt@caritas.example")
    contact(partner, name="Ohne Einwilligung", email="ohne@caritas.example", consent=False)
    content = office_client.get(url("organisation_detail", municipality, partner.pk)).content.decode()
    assert "m.vogt@caritas.example" in content
    assert "Keine Einwilligung erfasst" in content


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_other_roles_see_only_name_and_function_of_consenting_contacts(
    client, role_users, municipality, partner, role
):
    contact(partner, name="Miriam Vogt", email="m.vogt@caritas.example")
    contact(partner, name="Ohne Einwilligung", email="ohne@caritas.example", consent=False)
    contact(partner, name="Widerrufen Person", email="w@caritas.example", consent_withdrawn=True)
    client.force_login(role_users[role])
    content = client.get(url("organisation_detail", municipality, partner.pk)).content.decode()
    assert "Miriam Vogt" in content and "Migrationsberatung" in content
    assert "m.vogt@caritas.example" not in content and "0851" not in content
    assert "Ohne Einwilligung" not in content and "Widerrufen Person" not in content


def test_the_history_shows_who_changed_which_field(office_client, office_user, municipality, partner):
    office_client.post(
        url("organisation_edit", municipality, partner.pk),
        {
            "kind": "partner",
            "name": "Caritasverband",
            "short_name": "CV",
            "phone": "0851 1",
            "languages": ["de", "tr"],
        },
    )
    content = office_client.get(url("organisation_detail", municipality, partner.pk)).content.decode()
    assert "Verlauf" in content
    assert "Kurzname:" in content
    assert '<del><span class="visually-hidden">vorher: </span>Caritas</del>' in content
    assert '<ins><span class="visually-hidden">nachher: </span>CV</ins>' in content
    assert "Deutsch, Türkisch" in content
    assert str(office_user) in content


def test_the_detail_page_needs_a_bounded_number_of_queries(
    office_client, municipality, partner, django_assert_max_num_queries
):
    for i in range(40):
        contact(partner, name=f"Person {i}", email=f"p{i}@caritas.example")
        Organisation.objects.create(
            municipality=municipality, kind="partner", name=f"Teil {i}", parent=partner
        )
    for i in range(15):
        measure(municipality, lead=partner, number=f"1.1.{i + 1}")
    for i in range(30):
        partner.notes = f"Notiz {i}"
        partner.save()
    assert LogEntry.objects.get_for_object(partner).count() > 30
    with django_assert_max_num_queries(15):
        response = office_client.get(url("organisation_detail", municipality, partner.pk))
    assert response.status_code == 200
