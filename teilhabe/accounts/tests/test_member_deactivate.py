import pytest
from auditlog.models import LogEntry
from django.test import Client

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, OFFICE, PARTNER_EDITOR
from teilhabe.accounts.tests.conftest import member_url


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_deactivate(client, role_users, municipality, member, role):
    client.force_login(role_users[role])
    assert client.post(member_url("deactivate", municipality, member)).status_code == 403
    member.refresh_from_db()
    assert member.is_active


def test_an_outsider_gets_404(client, outsider, municipality, member):
    client.force_login(outsider)
    assert client.post(member_url("deactivate", municipality, member)).status_code == 404


def test_it_rejects_get(office_client, municipality, member):
    assert office_client.get(member_url("deactivate", municipality, member)).status_code == 405
    member.refresh_from_db()
    assert member.is_active


def test_it_needs_a_csrf_token(office_user, municipality, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office_user)
    assert client.post(member_url("deactivate", municipality, member)).status_code == 403
    member.refresh_from_db()
    assert member.is_active


def test_a_deactivated_member_can_no_longer_reach_the_municipality(
    office_client, client, municipality, member, board_user, office_user
):
    response = office_client.post(member_url("deactivate", municipality, member), follow=True)
    assert "ist deaktiviert" in response.content.decode()
    member.refresh_from_db()
    assert not member.is_active
    entry = LogEntry.objects.get_for_object(member).latest("timestamp")
    assert entry.actor == office_user and entry.changes_dict["is_active"] == ["True", "False"]
    client.force_login(board_user)
    assert client.get("/musterstadt/").status_code == 404


def test_deactivating_affects_only_this_municipality(
    office_client, client, municipality, other_municipality, board_user
):
    Membership.objects.create(user=board_user, municipality=other_municipality, role=ADVISORY_BOARD)
    member = Membership.objects.get(user=board_user, municipality=municipality)
    office_client.post(member_url("deactivate", municipality, member))
    assert Membership.objects.get(user=board_user, municipality=other_municipality).is_active
    client.force_login(board_user)
    assert client.get("/musterstadt/").status_code == 404
    assert client.get("/anderstadt/").status_code == 200


def test_office_staff_cannot_deactivate_themselves(office_client, municipality, office_user):
    own = Membership.objects.get(user=office_user)
    response = office_client.post(member_url("deactivate", municipality, own), follow=True)
    assert "eigenen Zugang nicht deaktivieren" in response.content.decode()
    own.refresh_from_db()
    assert own.is_active


def test_reactivation_restores_access(office_client, client, municipality, member, board_user):
    member.is_active = False
    member.save()
    response = office_client.post(member_url("reactivate", municipality, member), follow=True)
    assert "wieder aktiv" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active
    client.force_login(board_user)
    assert client.get("/musterstadt/").status_code == 200


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_reactivate(client, role_users, municipality, role):
    from teilhabe.conftest import make_member

    member = Membership.objects.get(user=make_member(municipality, ADVISORY_BOARD, "alt@example.org"))
    member.is_active = False
    member.save()
    client.force_login(role_users[role])
    assert client.post(member_url("reactivate", municipality, member)).status_code == 403
    member.refresh_from_db()
    assert not member.is_active


def test_reactivate_rejects_get(office_client, municipality, member):
    assert office_client.get(member_url("reactivate", municipality, member)).status_code == 405


def test_a_membership_of_another_municipality_cannot_be_deactivated(office_client, municipality, outsider):
    foreign = Membership.objects.get(user=outsider)
    assert office_client.post(member_url("deactivate", municipality, foreign)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_active and foreign.role == OFFICE
