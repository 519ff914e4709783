import pytest
from django.core import mail

from teilhabe.accounts.models import Membership, User
from teilhabe.accounts.roles import ADVISORY_BOARD, DEPARTMENT_EDITOR, PARTNER_EDITOR
from teilhabe.accounts.tests.conftest import member_url


@pytest.fixture
def invited(municipality, office_user):
    user = User(username="neu@example.org", email="neu@example.org", first_name="Nora")
    user.set_unusable_password()
    user.save()
    return Membership.objects.create(
        user=user, municipality=municipality, role=ADVISORY_BOARD, invited_by=office_user
    )


def test_it_sends_a_fresh_set_password_link(office_client, municipality, invited):
    response = office_client.post(member_url("resend", municipality, invited), follow=True)
    assert "erneut gesendet" in response.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert "/konto/einladung/" in mail.outbox[0].body
    invited.refresh_from_db()
    assert invited.invitation_sent_at is not None


def test_it_refuses_once_the_invitation_is_accepted(office_client, municipality, member):
    response = office_client.post(member_url("resend", municipality, member), follow=True)
    assert "bereits angenommen" in response.content.decode()
    assert not mail.outbox


def test_it_refuses_for_a_deactivated_membership(office_client, municipality, invited):
    invited.is_active = False
    invited.save()
    office_client.post(member_url("resend", municipality, invited))
    assert not mail.outbox


def test_it_rejects_get(office_client, municipality, invited):
    assert office_client.get(member_url("resend", municipality, invited)).status_code == 405
    assert not mail.outbox


@pytest.mark.parametrize("role", [DEPARTMENT_EDITOR, PARTNER_EDITOR, ADVISORY_BOARD])
def test_only_office_staff_may_resend(client, role_users, municipality, invited, role):
    client.force_login(role_users[role])
    assert client.post(member_url("resend", municipality, invited)).status_code == 403
    assert not mail.outbox


def test_an_outsider_gets_404(client, outsider, municipality, invited):
    client.force_login(outsider)
    assert client.post(member_url("resend", municipality, invited)).status_code == 404
