import datetime
import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from teilhabe.directory.models import Contact, Organisation


def log_url(municipality):
    return reverse("audit:log", args=[municipality.slug])


def listed(client, municipality, **params):
    response = client.get(log_url(municipality), params)
    assert response.status_code == 200
    return [(item.object_repr, item.action) for item in response.context["items"]]


@pytest.mark.parametrize("role", ["department_editor", "partner_editor", "advisory_board"])
def test_only_the_office_reads_the_log(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(log_url(municipality)).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, municipality):
    assert client.get(log_url(municipality)).status_code == 302


def test_the_outsider_gets_404(client, outsider, municipality):
    client.force_login(outsider)
    assert client.get(log_url(municipality)).status_code == 404


def test_it_shows_only_entries_of_the_municipality(office_client, municipality, other_municipality, partner):
    Organisation.objects.create(municipality=other_municipality, kind="partner", name="Fremder Partner")
    names = [name for name, _ in listed(office_client, municipality)]
    assert "Caritasverband" in names and "Fremder Partner" not in names


def test_it_filters_by_type_action_person_date_and_text(
    client, office_user, department_user, municipality, partner, department
):
    client.force_login(department_user)
    client.post(
        reverse("directory:own_organisation_edit", args=[municipality.slug]),
        {"short_name": "KA", "phone": "0851 42", "languages": ["de"]},
    )
    client.force_login(office_user)
    Contact.objects.create(municipality=municipality, organisation=partner, name="Anna Roth")
    assert {n for n, _ in listed(client, municipality, typ="directory.contact")} == {"Anna Roth"}
    assert listed(client, municipality, aktion=1) == [("Kulturamt", "geändert")]
    assert listed(client, municipality, person=department_user.pk) == [("Kulturamt", "geändert")]
    assert [n for n, _ in listed(client, municipality, q="0851 42")] == ["Kulturamt"]
    assert [n for n, _ in listed(client, municipality, q="caritas")] == ["Caritasverband"]
    today = timezone.localdate()
    # 2 memberships, 2 organisations, 1 contact created, 1 organisation changed
    assert len(listed(client, municipality, von=today.isoformat(), bis=today.isoformat())) == 6
    assert len(listed(client, municipality, typ="accounts.membership")) == 2
    assert listed(client, municipality, bis=(today - datetime.timedelta(days=1)).isoformat()) == []


def test_it_links_objects_that_still_exist_and_names_the_actor(
    office_client, office_user, municipality, partner
):
    office_client.post(reverse("directory:organisation_edit", args=[municipality.slug, partner.pk]), {
        "kind": "partner", "name": "Caritasverband", "short_name": "CV", "languages": ["de"],
    })  # fmt: skip
    page = office_client.get(log_url(municipality)).content.decode()
    assert f'href="{partner.get_absolute_url()}"' in page
    assert str(office_user) in page
    assert "Kurzname:" in page and "Caritas</del>" in page and "CV</ins>" in page


def test_an_invalid_date_range_is_explained(office_client, municipality):
    page = office_client.get(
        log_url(municipality), {"von": "2024-05-02", "bis": "2024-05-01"}
    ).content.decode()
    assert "Das Ende liegt vor dem Anfang." in page


def test_the_log_needs_a_bounded_number_of_queries(
    office_client, municipality, partner, django_assert_max_num_queries
):
    organisations = [
        Organisation.objects.create(
            municipality=municipality, kind="community", name=f"Verein {i}", parent=partner
        )
        for i in range(40)
    ]
    for organisation in organisations:
        Contact.objects.create(
            municipality=municipality, organisation=organisation, name=f"Person {organisation.pk}"
        )
        organisation.notes = "geändert"
        organisation.save()
    assert LogEntry.objects.count() > 120
    with django_assert_max_num_queries(14):
        response = office_client.get(log_url(municipality), {"seite": 2})
    assert len(response.context["items"]) == 50


def test_times_carry_a_valid_machine_readable_datetime(office_client, municipality, partner):
    """HTML's <time datetime> allows at most three digits of a second: no microseconds (Nu HTML Checker)."""
    html = office_client.get(log_url(municipality)).content.decode()
    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values
    for value in values:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", value), value
