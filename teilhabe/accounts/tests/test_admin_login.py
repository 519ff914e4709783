"""The Django admin has no login form of its own: it goes through the site's throttled login."""

from django.contrib.auth import SESSION_KEY

from teilhabe.accounts.models import FailedLogin
from teilhabe.conftest import PASSWORD

ADMIN_LOGIN = "/system/admin/login/"


def test_the_admin_login_page_redirects_to_the_sites_login_keeping_next(client, db):
    response = client.get(ADMIN_LOGIN + "?next=/system/admin/municipalities/municipality/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/anmelden/?next=/system/admin/municipalities/municipality/"


def test_the_admin_index_sends_anonymous_visitors_to_the_sites_login(client, db):
    response = client.get("/system/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/konto/anmelden/?next=/system/admin/"


def test_posting_passwords_to_the_admin_login_logs_nobody_in(client, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    response = client.post(ADMIN_LOGIN, {"username": "root", "password": PASSWORD, "next": "/system/admin/"})
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_wrong_superuser_passwords_are_throttled_like_any_other(client, django_user_model, settings):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    for _ in range(12):
        client.post(ADMIN_LOGIN, {"username": "root", "password": "falsch"})
        client.post("/konto/anmelden/", {"username": "root", "password": "falsch"})
    assert FailedLogin.objects.filter(username="root").count() == settings.LOGIN_FAILURE_LIMIT
    response = client.post("/konto/anmelden/", {"username": "root", "password": PASSWORD})
    assert SESSION_KEY not in client.session
    assert "Zu viele fehlgeschlagene" in response.content.decode()


def test_a_logged_in_non_superuser_is_refused_not_looped(client, office_user):
    client.force_login(office_user)
    assert client.get(ADMIN_LOGIN + "?next=/system/admin/").status_code == 403
