"""Staff pages: participant list, attendance, XLSX and PDF exports, settings; who may see them."""

import io
import json

import pytest
from django.urls import reverse

from teilhabe.activities.services.activities import add_partner
from teilhabe.registrations.models import Registration
from teilhabe.registrations.services import registering
from teilhabe.registrations.tests.helpers import open_event, person

pytestmark = pytest.mark.django_db


def url(name, municipality, *args):
    return reverse(f"registrations:{name}", args=[municipality.slug, *args])


@pytest.fixture
def fair(municipality):
    fair = open_event(municipality, capacity=2)
    for name in ("Ada", "Ben", "Cem"):
        registering.register(fair, person(name, accessibility_needs="Rollstuhl" if name == "Ada" else ""))
    return fair


@pytest.mark.parametrize("name", ["participants", "settings", "export_xlsx", "sign_in_sheet"])
def test_only_the_office_and_the_organisers_editors_see_participants(
    client, municipality, fair, partner, partner_user, department_user, board_user, office_user, name
):
    for user in (department_user, board_user, partner_user):
        client.force_login(user)
        assert client.get(url(name, municipality, fair.pk)).status_code == 403, user
    add_partner(fair, partner, "partner", office_user)  # now the partner co-runs it
    for user in (partner_user, office_user):
        client.force_login(user)
        assert client.get(url(name, municipality, fair.pk)).status_code == 200, user


def test_the_list_shows_confirmed_waiting_and_marks_attendance(client, municipality, fair, office_user):
    client.force_login(office_user)
    body = client.get(url("participants", municipality, fair.pk)).content.decode()
    assert "ada@example.org" in body and "Rollstuhl" in body and "Warteliste" in body
    ada, ben = Registration.objects.filter(status="confirmed").order_by("pk")
    response = client.post(
        url("attendance", municipality, fair.pk), {f"attended-{ada.pk}": "ja", f"attended-{ben.pk}": "nein"}
    )
    assert response.status_code == 302
    ada.refresh_from_db()
    ben.refresh_from_db()
    assert (ada.attended, ben.attended) == (True, False)
    assert client.get(url("attendance", municipality, fair.pk)).status_code == 405  # no writes on GET


def test_the_xlsx_export_lists_everyone_through_the_sheets_layout(client, municipality, fair, office_user):
    from openpyxl import load_workbook

    from teilhabe.registrations.services.exports import PARTICIPANTS

    client.force_login(office_user)
    response = client.get(url("export_xlsx", municipality, fair.pk))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[:2] == ["Nr.", "Name oder Pseudonym"])
    assert rows[header][: len(PARTICIPANTS.headers())] == PARTICIPANTS.headers()
    names = [row[1] for row in rows[header + 1 :] if row[1]]
    assert names == ["Ada", "Ben", "Cem"]
    assert rows[header + 3][4] == "Warteliste"


def test_a_formula_typed_as_a_name_is_neutralised_in_the_export(client, municipality, office_user):
    from openpyxl import load_workbook

    fair = open_event(municipality)
    registering.register(fair, person('=HYPERLINK("http://x")', email="f@example.org"))
    client.force_login(office_user)
    sheet = load_workbook(io.BytesIO(client.get(url("export_xlsx", municipality, fair.pk)).content)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value]
    assert not [c for c in cells if c.data_type == "f"]
    assert '=HYPERLINK("http://x")' in [c.value for c in cells]  # kept as text


def test_the_sign_in_sheet_is_a_pdf_with_the_confirmed_names(client, municipality, fair, office_user):
    from pypdf import PdfReader

    client.force_login(office_user)
    response = client.get(url("sign_in_sheet", municipality, fair.pk))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Ada" in text and "Ben" in text and "Cem" not in text  # Cem is waiting
    assert "Unterschrift" in text


def test_settings_are_saved_through_the_form(client, municipality, fair, office_user):
    client.force_login(office_user)
    page = client.get(url("settings", municipality, fair.pk))
    assert page.status_code == 200
    response = client.post(
        url("settings", municipality, fair.pk),
        {
            "is_open": "on",
            "capacity": "3",
            "max_people": "2",
            "consent_text": "Neuer Wortlaut",
            "closes_at": "",
        },
    )
    assert response.status_code == 302
    cem = Registration.objects.get(name="Cem")
    assert cem.status == "confirmed"  # the extra seat went to the waiting list
    fair.registration_settings.refresh_from_db()
    assert fair.registration_settings.consent_text == "Neuer Wortlaut"


def test_participant_list_stays_within_a_fixed_number_of_queries(
    client, municipality, office_user, django_assert_max_num_queries
):
    fair = open_event(municipality, capacity=None)
    client.force_login(office_user)
    registering.register(fair, person("Ada"))
    with django_assert_max_num_queries(14):
        client.get(url("participants", municipality, fair.pk))
    for number in range(60):
        registering.register(fair, person(f"P{number}", email=f"p{number}@example.org"))
    with django_assert_max_num_queries(14):
        assert client.get(url("participants", municipality, fair.pk)).status_code == 200


def test_privacy_search_exports_and_erases_by_address(client, municipality, fair, office_user):
    from auditlog.models import LogEntry

    client.force_login(office_user)
    page = client.get(url("privacy", municipality), {"adresse": "ADA@example.org"})
    assert "Jobbörse" in page.content.decode()
    response = client.post(url("privacy", municipality), {"adresse": "ada@example.org", "action": "export"})
    data = json.loads(response.content)
    assert [r["e_mail"] for r in data["anmeldungen"]] == ["ada@example.org"]
    assert data["anmeldungen"][0]["einwilligung"]["wortlaut"].startswith("Ich bin einverstanden")
    client.post(url("privacy", municipality), {"adresse": "ada@example.org", "action": "erase"})
    ada = Registration.objects.get(pk=data["anmeldungen"][0]["id"])
    assert ada.email == "" and ada.name.startswith("Gelöschte Person") and ada.anonymised_at
    trail = json.dumps(list(LogEntry.objects.values("changes", "object_repr", "changes_text")), default=str)
    assert "ada@example.org" not in trail and "Rollstuhl" not in trail


def test_staff_cancel_someone_who_phoned_and_the_waiting_list_moves_up(
    client, municipality, fair, office_user, board_user
):
    ada = Registration.objects.get(name="Ada")
    client.force_login(board_user)
    assert client.post(url("cancel", municipality, ada.pk)).status_code == 403
    client.force_login(office_user)
    assert client.get(url("cancel", municipality, ada.pk)).status_code == 405
    response = client.post(url("cancel", municipality, ada.pk))
    assert response.status_code == 302
    assert dict(Registration.objects.values_list("name", "status")) == {
        "Ada": "cancelled",
        "Ben": "confirmed",
        "Cem": "confirmed",
    }


def test_staff_cancel_of_another_municipalitys_registration_is_not_found(
    client, municipality, other_municipality, office_user
):
    foreign = open_event(other_municipality)
    registration = registering.register(foreign, person("Zoe")).registration
    client.force_login(office_user)
    assert client.post(url("cancel", municipality, registration.pk)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"
