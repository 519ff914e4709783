"""Which details of an organisation or a contact may be published (on leaflets): chosen on the forms, shown
checked again when editing, limited to the offered fields, emptied when a contact is erased."""

import pytest
from django.core.exceptions import ValidationError

from teilhabe.directory.models import Contact, Organisation
from teilhabe.directory.privacy import erase_contact
from teilhabe.directory.tests.helpers import url


def test_the_office_marks_an_organisations_details_public(office_client, municipality, partner):
    response = office_client.post(
        url("organisation_edit", municipality, partner.pk),
        {"kind": "partner", "name": partner.name, "phone": "0831 1", "public_fields": ["phone", "address"]},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert sorted(partner.public_fields) == ["address", "phone"]
    form = office_client.get(url("organisation_edit", municipality, partner.pk)).content.decode()
    assert 'name="public_fields" value="phone"' in form
    checked = [part for part in form.split("<input") if 'name="public_fields"' in part and "checked" in part]
    assert len(checked) == 2


def test_an_editor_chooses_what_of_their_own_organisation_is_published(
    client, partner_user, municipality, partner
):
    client.force_login(partner_user)
    response = client.post(url("own_organisation_edit", municipality), {"public_fields": ["email"]})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.public_fields == ["email"]


def test_a_contact_agrees_to_be_printed_and_erasure_takes_it_back(
    office_client, office_user, municipality, partner
):
    response = office_client.post(
        url("contact_create", municipality, partner.pk),
        {
            "organisation": partner.pk, "name": "Miriam Vogt", "consent_purpose": "Flyer",
            "consent_date": "2024-03-01", "consent_method": "written", "public_fields": ["name", "email"],
        },
    )  # fmt: skip
    assert response.status_code == 302
    person = Contact.objects.get()
    assert person.public_fields == ["name", "email"]
    erase_contact(person, office_user)
    person.refresh_from_db()
    assert person.public_fields == []


def test_only_offered_fields_can_be_marked_public(municipality):
    field = Organisation._meta.get_field("public_fields")
    field.run_validators(["phone", "website"])
    with pytest.raises(ValidationError):
        field.run_validators(["notes"])
    with pytest.raises(ValidationError):
        Contact._meta.get_field("public_fields").run_validators(["consent_purpose"])
