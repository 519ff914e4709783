import pytest
from auditlog.models import LogEntry

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.accounts.tests.conftest import member_url
from teilhabe.testing.two_factor import force_login_verified


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_change_roles(client, role_users, municipality, member, role):
    client.force_login(role_users[role])
    url = member_url("edit", municipality, member)
    assert client.get(url).status_code == 403
    assert client.post(url, {"role": OFFICE}).status_code == 403
    member.refresh_from_db()
    assert member.role == ADVISORY_BOARD


def test_a_membership_of_another_municipality_is_404(office_client, municipality, outsider):
    foreign = Membership.objects.get(user=outsider)
    assert office_client.get(member_url("edit", municipality, foreign)).status_code == 404
    assert (
        office_client.post(member_url("edit", municipality, foreign), {"role": ADVISORY_BOARD}).status_code
        == 404
    )


def test_an_outsider_cannot_open_a_members_page(client, outsider, municipality, member):
    client.force_login(outsider)
    assert client.get(member_url("edit", municipality, member)).status_code == 404


def test_the_page_shows_the_member_and_the_history(office_client, municipality, member):
    html = office_client.get(member_url("edit", municipality, member)).content.decode()
    assert "beirat@example.org" in html
    assert "Rolle und Organisation" in html
    assert "Verlauf" in html


def test_office_staff_change_role_and_organisation(
    office_client, municipality, member, department, office_user
):
    response = office_client.post(
        member_url("edit", municipality, member), {"role": DEPARTMENT_EDITOR, "organisation": department.pk}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.role, member.organisation) == (DEPARTMENT_EDITOR, department)
    entry = LogEntry.objects.get_for_object(member).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == office_user
    assert "role" in entry.changes_dict


def test_an_editor_role_without_fitting_organisation_is_refused(office_client, municipality, member, partner):
    response = office_client.post(
        member_url("edit", municipality, member), {"role": DEPARTMENT_EDITOR, "organisation": partner.pk}
    )
    assert response.status_code == 200
    assert "Amt oder einer Dienststelle" in response.content.decode()
    member.refresh_from_db()
    assert member.role == ADVISORY_BOARD


def test_office_staff_cannot_remove_their_own_office_role(office_client, municipality, office_user):
    own = Membership.objects.get(user=office_user)
    response = office_client.post(member_url("edit", municipality, own), {"role": ADVISORY_BOARD})
    assert response.status_code == 200
    assert "nicht selbst entziehen" in response.content.decode()
    own.refresh_from_db()
    assert own.role == OFFICE


def test_office_staff_may_change_another_office_members_role(office_client, municipality):
    from teilhabe.conftest import make_member

    colleague = Membership.objects.get(user=make_member(municipality, OFFICE, "kollegin@example.org"))
    office_client.post(member_url("edit", municipality, colleague), {"role": ADVISORY_BOARD})
    colleague.refresh_from_db()
    assert colleague.role == ADVISORY_BOARD


def test_a_superuser_may_change_any_role(client, django_user_model, municipality, office_user):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    force_login_verified(client, admin)
    own_office = Membership.objects.get(user=office_user)
    client.post(member_url("edit", municipality, own_office), {"role": ADVISORY_BOARD})
    own_office.refresh_from_db()
    assert own_office.role == ADVISORY_BOARD


def test_the_page_needs_a_bounded_number_of_queries_whatever_the_history(
    office_client, municipality, member, department, django_assert_max_num_queries
):
    for number in range(25):
        member.role = DEPARTMENT_EDITOR if number % 2 else ADVISORY_BOARD
        member.organisation = department if number % 2 else None
        member.save()
    with django_assert_max_num_queries(15):
        response = office_client.get(member_url("edit", municipality, member))
    assert response.status_code == 200


def test_office_staff_set_the_team_function_and_whether_the_name_is_public(
    office_client, municipality, member
):
    response = office_client.post(
        member_url("edit", municipality, member),
        {"role": member.role, "team_function": "Sachgebietsleitung", "name_public": "on", "team_order": "1"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.team_function, member.name_public, member.team_order) == ("Sachgebietsleitung", True, 1)
    office_client.post(
        member_url("edit", municipality, member), {"role": member.role, "team_function": "Team"}
    )
    member.refresh_from_db()
    assert (member.team_function, member.name_public, member.team_order) == ("Team", False, 0)
