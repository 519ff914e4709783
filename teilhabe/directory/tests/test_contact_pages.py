import pytest
from auditlog.models import LogEntry

from teilhabe.directory.models import Contact
from teilhabe.directory.tests.helpers import contact, url

EDIT_VIEWS = ["contact_edit", "contact_delete", "contact_withdraw", "contact_export", "contact_erase"]


def valid(partner, **extra):
    data = {
        "organisation": partner.pk, "name": "Jens Hartmann", "function": "Teamleitung", "email": "j.h@jobcenter.example",
        "languages": ["de", "en"], "consent_purpose": "Netzwerkeinladungen", "consent_date": "2024-03-01",
        "consent_method": "email",
    }  # fmt: skip
    data.update(extra)
    return data


def test_office_adds_a_contact_with_consent(office_client, office_user, municipality, partner):
    response = office_client.post(url("contact_create", municipality, partner.pk), valid(partner))
    person = Contact.objects.get(name="Jens Hartmann")
    assert response.status_code == 302
    assert person.has_consent and person.municipality == municipality
    assert LogEntry.objects.get_for_object(person).get().actor == office_user


def test_consent_fields_belong_together(office_client, municipality, partner):
    response = office_client.post(
        url("contact_create", municipality, partner.pk), valid(partner, consent_date="")
    )
    assert "Bitte geben Sie Zweck, Datum und Art der Einwilligung zusammen an" in response.content.decode()
    assert not Contact.objects.exists()


def test_a_contact_without_consent_can_be_saved_and_is_flagged(office_client, municipality, partner):
    data = valid(partner, consent_purpose="", consent_date="", consent_method="")
    office_client.post(url("contact_create", municipality, partner.pk), data)
    person = Contact.objects.get()
    page = office_client.get(url("contact_detail", municipality, person.pk)).content.decode()
    assert "Für diese Person ist keine Einwilligung erfasst" in page


def test_a_contact_cannot_be_moved_to_another_municipalitys_organisation(
    office_client, municipality, other_municipality, partner
):
    from teilhabe.directory.models import Organisation

    foreign = Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremd")
    response = office_client.post(
        url("contact_create", municipality, partner.pk), valid(partner, organisation=foreign.pk)
    )
    assert response.status_code == 200 and not Contact.objects.exists()


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
@pytest.mark.parametrize("view", EDIT_VIEWS)
def test_only_the_office_manages_contacts(client, role_users, municipality, partner, role, view):
    person = contact(partner)
    client.force_login(role_users[role])
    assert client.get(url(view, municipality, person.pk)).status_code == 403
    assert client.post(url(view, municipality, person.pk)).status_code == 403
    assert Contact.objects.get(pk=person.pk).email == "m.vogt@caritas.example"


@pytest.mark.parametrize("view", ["contact_detail", *EDIT_VIEWS])
def test_the_outsider_gets_404(client, outsider, municipality, partner, view):
    person = contact(partner)
    client.force_login(outsider)
    assert client.get(url(view, municipality, person.pk)).status_code == 404


@pytest.mark.parametrize("view", ["contact_detail", *EDIT_VIEWS])
def test_anonymous_visitors_are_sent_to_the_login(client, municipality, partner, view):
    person = contact(partner)
    assert client.get(url(view, municipality, person.pk)).status_code == 302


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_other_roles_see_name_and_function_only(client, role_users, municipality, partner, role):
    person = contact(partner)
    client.force_login(role_users[role])
    page = client.get(url("contact_detail", municipality, person.pk)).content.decode()
    assert "Miriam Vogt" in page and "Migrationsberatung" in page
    assert "m.vogt@caritas.example" not in page and "Verlauf" not in page


def test_other_roles_do_not_see_people_without_valid_consent(client, board_user, municipality, partner):
    person = contact(partner, consent_withdrawn=True)
    client.force_login(board_user)
    assert client.get(url("contact_detail", municipality, person.pk)).status_code == 404


def test_office_edits_a_contact_and_the_history_shows_it(office_client, municipality, partner):
    person = contact(partner)
    office_client.post(
        url("contact_edit", municipality, person.pk), valid(partner, name="Miriam Vogt", function="Leitung")
    )
    page = office_client.get(url("contact_detail", municipality, person.pk)).content.decode()
    assert "Funktion:" in page and "Migrationsberatung</del>" in page and "Leitung</ins>" in page


def test_delete_needs_a_post(office_client, office_user, municipality, partner):
    person = contact(partner)
    assert office_client.get(url("contact_delete", municipality, person.pk)).status_code == 200
    assert Contact.objects.filter(pk=person.pk).exists()
    assert office_client.post(url("contact_delete", municipality, person.pk)).status_code == 302
    assert not Contact.objects.filter(pk=person.pk).exists()
    deleted = LogEntry.objects.get_for_model(Contact).get(object_id=person.pk, action=LogEntry.Action.DELETE)
    assert deleted.actor == office_user


def test_deleting_a_person_leaves_no_personal_data_in_the_audit_trail(office_client, municipality, partner):
    person = contact(partner)
    office_client.post(url("contact_delete", municipality, person.pk))
    trail = " ".join(
        f"{e.object_repr} {e.changes} {e.changes_text}" for e in LogEntry.objects.get_for_model(Contact)
    )
    assert person.email and person.email not in trail
    assert person.name not in trail


def test_withdrawing_consent_flags_the_person_and_is_logged(
    office_client, office_user, municipality, partner
):
    person = contact(partner)
    office_client.post(url("contact_withdraw", municipality, person.pk))
    person.refresh_from_db()
    assert person.consent_withdrawn and not person.has_consent
    entry = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert entry.actor == office_user and "consent_withdrawn" in entry.changes
    page = office_client.get(url("organisation_detail", municipality, partner.pk)).content.decode()
    assert "Einwilligung widerrufen" in page
