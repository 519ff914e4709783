from django.urls import reverse

from teilhabe.accounts.models import Membership
from teilhabe.accounts.roles import ADVISORY_BOARD

URL = "/konto/profil/"


def test_anonymous_visitors_are_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")


def test_every_role_sees_its_name_email_roles_and_password_link(client, role_users):
    for user in role_users.values():
        client.force_login(user)
        html = client.get(URL).content.decode()
        assert user.email in html
        assert reverse("accounts:password_change") in html
        assert Membership.objects.get(user=user).get_role_display() in html


def test_it_lists_roles_in_several_municipalities(client, board_user, other_municipality):
    Membership.objects.create(
        user=board_user, municipality=other_municipality, role=ADVISORY_BOARD, is_active=False
    )
    client.force_login(board_user)
    html = client.get(URL).content.decode()
    assert "Musterstadt" in html and "Anderstadt" in html
    assert "deaktiviert" in html


def test_users_change_their_own_name(client, board_user):
    client.force_login(board_user)
    response = client.post(URL, {"first_name": "Berta", "last_name": "Beirat"}, follow=True)
    assert "Ihr Name wurde gespeichert" in response.content.decode()
    board_user.refresh_from_db()
    assert board_user.get_full_name() == "Berta Beirat"


def test_the_profile_form_cannot_change_email_or_rights(client, board_user):
    client.force_login(board_user)
    client.post(URL, {"first_name": "B", "last_name": "B", "email": "x@evil.example", "is_superuser": "on"})
    board_user.refresh_from_db()
    assert board_user.email == "beirat@example.org" and not board_user.is_superuser


def test_the_profile_needs_a_bounded_number_of_queries(client, board_user, django_assert_max_num_queries):
    from teilhabe.municipalities.models import Municipality

    for number in range(10):
        place = Municipality.objects.create(
            name=f"Ort {number}", slug=f"ort-{number}", ags=f"0{number}111000", federal_state="BY"
        )
        Membership.objects.create(user=board_user, municipality=place, role=ADVISORY_BOARD)
    client.force_login(board_user)
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
