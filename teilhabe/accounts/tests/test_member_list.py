import pytest
from django.utils import timezone

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.accounts.tests.conftest import member_url


def test_anonymous_visitors_are_sent_to_login(client, municipality):
    response = client.get(member_url("list", municipality))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_open_it(client, role_users, municipality, role):
    client.force_login(role_users[role])
    assert client.get(member_url("list", municipality)).status_code == 403


def test_an_office_user_of_another_municipality_gets_404(client, outsider, municipality):
    client.force_login(outsider)
    assert client.get(member_url("list", municipality)).status_code == 404


def test_it_lists_the_municipalitys_members_with_role_organisation_state_and_last_login(
    client, role_users, outsider, municipality
):
    board = role_users[ADVISORY_BOARD]
    board.first_name, board.last_name = "Berta", "Beirat"
    board.last_login = timezone.make_aware(timezone.datetime(2026, 3, 4, 9, 30))
    board.save()
    client.force_login(role_users[OFFICE])
    html = client.get(member_url("list", municipality)).content.decode()
    assert "Berta Beirat" in html
    assert "4.3.2026, 09:30" in html
    assert "Redaktion Fachamt" in html and "Kulturamt" in html
    assert "Redaktion Kooperationspartner" in html and "Caritasverband" in html
    assert "kulturamt@example.org" in html
    assert "amt@anderstadt.example" not in html  # the other municipality's user


def test_it_marks_deactivated_and_invited_members(office_client, municipality, board_user):
    Membership.objects.filter(user=board_user).update(is_active=False)
    invited = User.objects.create(username="neu@example.org", email="neu@example.org")
    invited.set_unusable_password()
    invited.save()
    Membership.objects.create(user=invited, municipality=municipality, role=ADVISORY_BOARD)
    html = office_client.get(member_url("list", municipality)).content.decode()
    assert "deaktiviert" in html
    assert "Reaktivieren" in html
    assert "eingeladen" in html
    assert "Erneut einladen" in html


def test_it_filters_by_role_status_and_search(office_client, municipality, role_users):
    url = member_url("list", municipality)
    html = office_client.get(url, {"rolle": PARTNER_EDITOR}).content.decode()
    assert "caritas@example.org" in html and "kulturamt@example.org" not in html
    Membership.objects.filter(user=role_users[ADVISORY_BOARD]).update(is_active=False)
    html = office_client.get(url, {"status": "deaktiviert"}).content.decode()
    assert "beirat@example.org" in html and "caritas@example.org" not in html
    html = office_client.get(url, {"q": "kultur"}).content.decode()
    assert "kulturamt@example.org" in html and "caritas@example.org" not in html


def test_office_users_see_no_deactivate_button_for_themselves(office_client, municipality, office_user):
    own = Membership.objects.get(user=office_user)
    html = office_client.get(member_url("list", municipality)).content.decode()
    assert member_url("deactivate", municipality, own) not in html


def test_the_number_of_queries_does_not_grow_with_the_members(
    office_client, municipality, department, django_assert_max_num_queries
):
    for number in range(40):
        user = User.objects.create_user(f"p{number}@example.org", f"p{number}@example.org")
        Membership.objects.create(
            user=user, municipality=municipality, role=DEPARTMENT_EDITOR, organisation=department
        )
    with django_assert_max_num_queries(12):
        response = office_client.get(member_url("list", municipality))
    assert response.content.decode().count("p3") >= 1
