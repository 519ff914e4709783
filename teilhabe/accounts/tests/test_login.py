from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from teilhabe.accounts.models import FailedLogin, Membership
from teilhabe.conftest import PASSWORD

LOGIN = "/konto/anmelden/"


def login(client, username, password=PASSWORD, address="192.0.2.10", **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR=address)


def logged_in_as(client):
    return client.session.get(SESSION_KEY)


def test_login_page_is_german_and_offers_password_reset(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "E-Mail-Adresse oder Benutzername" in html
    assert reverse("accounts:password_reset") in html


def test_it_logs_in_by_email_address_in_any_case(client, office_user):
    response = login(client, "AMT@example.org")
    assert response.status_code == 302
    assert logged_in_as(client) == str(office_user.pk)


def test_it_logs_in_by_user_name(client, office_user):
    office_user.username = "amt-musterstadt"
    office_user.save()
    login(client, "amt-musterstadt")
    assert logged_in_as(client) == str(office_user.pk)


def test_it_follows_next_after_login(client, office_user, municipality):
    response = login(client, "amt@example.org", next="/musterstadt/konto/benutzer/")
    assert response["Location"] == "/musterstadt/konto/benutzer/"


def test_it_ignores_a_next_pointing_to_another_site(client, office_user):
    response = login(client, "amt@example.org", next="https://evil.example/")
    assert response["Location"] == reverse("home")


def test_an_internal_page_sends_anonymous_users_to_login_with_next(client, municipality):
    response = client.get("/musterstadt/konto/benutzer/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/musterstadt/konto/benutzer/"
    page = client.get(response["Location"])
    assert 'name="next" value="/musterstadt/konto/benutzer/"' in page.content.decode()


def test_a_wrong_password_gives_a_german_message(client, office_user):
    response = login(client, "amt@example.org", "falsch")
    assert response.status_code == 200
    assert "Anmeldung fehlgeschlagen" in response.content.decode()
    assert logged_in_as(client) is None


def test_an_inactive_user_cannot_log_in(client, office_user):
    office_user.is_active = False
    office_user.save()
    response = login(client, "amt@example.org")
    assert response.status_code == 200
    assert logged_in_as(client) is None


def test_a_user_whose_memberships_are_all_deactivated_cannot_log_in(client, office_user):
    Membership.objects.filter(user=office_user).update(is_active=False)
    response = login(client, "amt@example.org")
    assert logged_in_as(client) is None
    assert "in keiner Kommune freigeschaltet" in response.content.decode()


def test_a_superuser_without_membership_can_log_in(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    login(client, "admin@example.org")
    assert logged_in_as(client) == str(admin.pk)


def test_logout_needs_post(client, office_user):
    client.force_login(office_user)
    assert client.get("/konto/abmelden/").status_code == 405
    assert logged_in_as(client) == str(office_user.pk)
    response = client.post("/konto/abmelden/")
    assert response.status_code == 302
    assert logged_in_as(client) is None


def test_a_logged_in_user_is_sent_on_from_the_login_page(client, office_user):
    client.force_login(office_user)
    assert client.get(LOGIN).status_code == 302


class TestThrottling:
    @pytest.fixture(autouse=True)
    def limits(self, settings):
        settings.LOGIN_FAILURE_LIMIT = 3
        settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 6
        settings.LOGIN_ADDRESS_FAILURE_LIMIT = 10
        settings.LOGIN_FAILURE_WINDOW = 600

    def test_it_blocks_an_account_from_one_address_after_the_limit_even_with_the_right_password(
        self, client, office_user
    ):
        for _ in range(3):
            login(client, "amt@example.org", "falsch", address="192.0.2.1")
        response = login(client, "amt@example.org", address="192.0.2.1")
        assert logged_in_as(client) is None
        assert (
            "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 10 Minuten"
            in response.content.decode()
        )

    def test_the_owner_elsewhere_is_not_locked_out_by_a_guesser_below_the_account_limit(
        self, client, office_user
    ):
        for _ in range(3):
            login(client, "amt@example.org", "falsch", address="192.0.2.1")
        login(client, "amt@example.org", address="198.51.100.7")
        assert logged_in_as(client) == str(office_user.pk)

    def test_it_blocks_an_account_after_the_account_limit_from_many_addresses(self, client, office_user):
        for number in range(6):
            login(client, "amt@example.org", "falsch", address=f"192.0.2.{number}")
        response = login(client, "amt@example.org", address="198.51.100.7")
        assert logged_in_as(client) is None
        assert "Zu viele fehlgeschlagene" in response.content.decode()

    def test_failures_by_email_and_by_user_name_count_for_the_same_account(self, client, office_user):
        office_user.username = "amt"
        office_user.save()
        login(client, "amt@example.org", "falsch")
        login(client, "amt", "falsch")
        login(client, "AMT@example.org", "falsch")
        login(client, "amt")
        assert logged_in_as(client) is None

    def test_it_blocks_an_address_after_the_address_limit_for_every_account(self, client, board_user):
        for number in range(10):
            login(client, f"x{number}@example.org", "falsch", address="203.0.113.5")
        response = login(client, "beirat@example.org", address="203.0.113.5")
        assert logged_in_as(client) is None
        assert "Zu viele fehlgeschlagene" in response.content.decode()
        login(client, "beirat@example.org", address="203.0.113.6")
        assert logged_in_as(client) == str(board_user.pk)

    def test_it_allows_logins_again_after_the_window(self, client, office_user):
        for _ in range(3):
            login(client, "amt@example.org", "falsch")
        login(client, "amt@example.org")
        assert logged_in_as(client) is None
        FailedLogin.objects.update(at=timezone.now() - timedelta(seconds=601))
        login(client, "amt@example.org")
        assert logged_in_as(client) == str(office_user.pk)

    def test_a_successful_login_clears_the_accounts_failures_from_that_address(self, client, office_user):
        login(client, "amt@example.org", "falsch")
        login(client, "amt@example.org", "falsch", address="192.0.2.99")
        login(client, "amt@example.org")
        assert list(FailedLogin.objects.values_list("address", flat=True)) == ["192.0.2.99"]

    def test_below_the_limit_the_right_password_still_works(self, client, office_user):
        login(client, "amt@example.org", "falsch")
        login(client, "amt@example.org", "falsch")
        login(client, "amt@example.org")
        assert logged_in_as(client) == str(office_user.pk)

    def test_a_forged_forwarded_for_header_does_not_escape_the_address_limit(self, client, settings, db):
        settings.HTTPS = True
        settings.SECURE_SSL_REDIRECT = False
        for number in range(3):
            client.post(
                LOGIN,
                {"username": f"x{number}@example.org", "password": "falsch"},
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 203.0.113.9",
            )
        assert FailedLogin.objects.filter(address="203.0.113.9").count() == 3


def test_the_town_hall_case_one_colleagues_typos_do_not_lock_out_the_others(
    client, office_user, board_user, settings
):
    """Installation defaults: five failures on one account behind the town hall's proxy address, then a
    colleague with the right password on another account gets in through the same address."""
    proxy = "198.51.100.1"
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        login(client, "amt@example.org", "falsch", address=proxy)
    assert "Zu viele fehlgeschlagene" in login(client, "amt@example.org", address=proxy).content.decode()
    login(client, "beirat@example.org", address=proxy)
    assert logged_in_as(client) == str(board_user.pk)
