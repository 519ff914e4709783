import pytest
from auditlog.models import LogEntry

from teilhabe.directory.models import Organisation
from teilhabe.directory.tests.helpers import contact, measure, url


def valid(**extra):
    data = {
        "kind": "community",
        "name": "Syrischer Kulturverein",
        "short_name": "SKV",
        "languages": ["ar", "de"],
    }
    data.update(extra)
    return data


def test_office_creates_an_organisation_and_the_audit_trail_names_them(
    office_client, office_user, municipality
):
    response = office_client.post(url("organisation_create", municipality), valid(website="www.skv.example"))
    organisation = Organisation.objects.get(name="Syrischer Kulturverein")
    assert response.status_code == 302 and response["Location"] == organisation.get_absolute_url()
    assert organisation.municipality == municipality
    assert organisation.languages == ["ar", "de"]
    assert organisation.website == "https://www.skv.example"
    entry = LogEntry.objects.get_for_object(organisation).get()
    assert entry.action == LogEntry.Action.CREATE and entry.actor == office_user
    assert entry.additional_data["municipality_id"] == municipality.pk


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_only_the_office_creates_organisations(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.post(url("organisation_create", municipality), valid()).status_code == 403
    assert not Organisation.objects.filter(name="Syrischer Kulturverein").exists()


def test_duplicate_names_are_refused_in_german(office_client, municipality, partner):
    response = office_client.post(url("organisation_create", municipality), valid(name="caritasverband"))
    assert response.status_code == 200
    assert "Es gibt bereits eine Organisation mit diesem Namen." in response.content.decode()


def test_an_editor_edits_their_own_organisation_but_not_its_name(client, partner_user, municipality, partner):
    client.force_login(partner_user)
    response = client.post(
        url("own_organisation_edit", municipality),
        {"name": "Umbenannt", "short_name": "Caritas", "phone": "0851 999", "languages": ["de"]},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.phone == "0851 999" and partner.name == "Caritasverband"
    entry = LogEntry.objects.get_for_object(partner).latest("timestamp")
    assert entry.actor == partner_user and "phone" in entry.changes


def test_an_editor_finds_the_edit_button_only_on_their_own_organisation(
    client, partner_user, municipality, partner, department
):
    client.force_login(partner_user)
    own = client.get(url("organisation_detail", municipality, partner.pk)).content.decode()
    other = client.get(url("organisation_detail", municipality, department.pk)).content.decode()
    assert url("own_organisation_edit", municipality) in own
    assert url("own_organisation_edit", municipality) not in other


def test_an_editor_cannot_edit_another_organisation(
    client, department_user, municipality, partner, department
):
    client.force_login(department_user)
    assert client.get(url("organisation_edit", municipality, partner.pk)).status_code == 403
    assert client.post(url("organisation_edit", municipality, partner.pk), {"phone": "1"}).status_code == 403
    client.post(url("own_organisation_edit", municipality), {"phone": "0851 1", "languages": ["de"]})
    partner.refresh_from_db()
    department.refresh_from_db()
    assert partner.phone == "" and department.phone == "0851 1"


def test_an_editor_without_an_organisation_gets_404(client, municipality):
    from teilhabe.accounts.roles import PARTNER_EDITOR
    from teilhabe.conftest import make_member

    client.force_login(make_member(municipality, PARTNER_EDITOR, "ohne@example.org"))
    assert client.get(url("own_organisation_edit", municipality)).status_code == 404


@pytest.mark.parametrize("role", ["office", "advisory_board"])
def test_the_own_organisation_page_is_for_editors(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(url("own_organisation_edit", municipality)).status_code == 403


def test_the_board_cannot_edit(client, board_user, municipality, partner):
    client.force_login(board_user)
    assert client.get(url("organisation_edit", municipality, partner.pk)).status_code == 403


def test_an_organisation_cannot_become_its_own_grandparent(office_client, municipality, department):
    child = Organisation.objects.create(
        municipality=municipality, kind="department", name="Stadtbibliothek", parent=department
    )
    response = office_client.get(url("organisation_edit", municipality, department.pk))
    choices = [c for c, _ in response.context["form"].fields["parent"].choices if c]
    assert child.pk not in [int(str(c)) for c in choices] and department.pk not in [
        int(str(c)) for c in choices
    ]


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_only_the_office_deletes(client, role_users, municipality, partner, role):
    client.force_login(role_users[role])
    assert client.post(url("organisation_delete", municipality, partner.pk)).status_code == 403
    assert Organisation.objects.filter(pk=partner.pk).exists()


def test_delete_asks_first_and_deletes_on_post(office_client, office_user, municipality):
    org = Organisation.objects.create(municipality=municipality, kind="community", name="Alter Verein")
    contact(org)
    page = office_client.get(url("organisation_delete", municipality, org.pk)).content.decode()
    assert "1 Ansprechperson wird mit gelöscht." in page
    assert Organisation.objects.filter(pk=org.pk).exists()
    response = office_client.post(url("organisation_delete", municipality, org.pk))
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=org.pk).exists()
    deleted = LogEntry.objects.get_for_model(Organisation).get(
        object_id=org.pk, action=LogEntry.Action.DELETE
    )
    assert deleted.actor == office_user


def test_an_organisation_that_leads_measures_cannot_be_deleted(office_client, municipality, partner):
    measure(municipality, lead=partner)
    page = office_client.get(url("organisation_delete", municipality, partner.pk)).content.decode()
    assert "ist bei 1 Maßnahme federführend und kann deshalb nicht gelöscht werden" in page
    response = office_client.post(url("organisation_delete", municipality, partner.pk))
    assert response.status_code == 409
    assert Organisation.objects.filter(pk=partner.pk).exists()


def test_an_organisation_with_user_accounts_cannot_be_deleted(
    office_client, municipality, partner, partner_user
):
    response = office_client.post(url("organisation_delete", municipality, partner.pk))
    assert response.status_code == 409
    assert "Benutzerkonto" in response.content.decode()
