import re

from django.contrib.auth import SESSION_KEY
from django.core import mail

from teilhabe.conftest import PASSWORD


def test_password_change_needs_login(client, db):
    response = client.get("/konto/passwort/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")


def test_users_change_their_password(client, board_user):
    client.force_login(board_user)
    assert "Passwort ändern" in client.get("/konto/passwort/").content.decode()
    response = client.post(
        "/konto/passwort/",
        {"old_password": PASSWORD, "new_password1": "Sonnenblume-1987", "new_password2": "Sonnenblume-1987"},
    )
    assert response["Location"] == "/konto/passwort/geaendert/"
    board_user.refresh_from_db()
    assert board_user.check_password("Sonnenblume-1987")
    assert client.session[SESSION_KEY] == str(board_user.pk)  # still logged in


def test_a_wrong_old_password_is_refused(client, board_user):
    client.force_login(board_user)
    response = client.post(
        "/konto/passwort/",
        {"old_password": "falsch", "new_password1": "Sonnenblume-1987", "new_password2": "Sonnenblume-1987"},
    )
    assert response.status_code == 200
    board_user.refresh_from_db()
    assert board_user.check_password(PASSWORD)


def test_short_passwords_are_refused(client, board_user):
    client.force_login(board_user)
    response = client.post(
        "/konto/passwort/", {"old_password": PASSWORD, "new_password1": "kurz1", "new_password2": "kurz1"}
    )
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Eingaben" in response.content.decode()


def test_password_reset_sends_a_german_email_with_a_working_link(client, board_user):
    response = client.post("/konto/passwort/vergessen/", {"email": "BEIRAT@example.org"})
    assert response["Location"] == "/konto/passwort/vergessen/gesendet/"
    message = mail.outbox[0]
    assert message.subject == "Teilhabe: Passwort zurücksetzen"
    assert message.body.startswith("Guten Tag,")
    assert "Ihr Benutzername: beirat@example.org" in message.body
    link = re.search(r"http://testserver(/konto/passwort/neu/\S+)", message.body).group(1)
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    assert "Neues Passwort festlegen" in page.content.decode()
    response = client.post(
        form_url, {"new_password1": "Sonnenblume-1987", "new_password2": "Sonnenblume-1987"}
    )
    assert response["Location"] == "/konto/passwort/neu/fertig/"
    board_user.refresh_from_db()
    assert board_user.check_password("Sonnenblume-1987")
    assert "ungültig oder abgelaufen" in client.get(link, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post("/konto/passwort/vergessen/", {"email": "niemand@example.org"})
    assert response["Location"] == "/konto/passwort/vergessen/gesendet/"
    assert not mail.outbox


def test_the_reset_page_leaves_the_look_up_to_a_background_task(client, board_user):
    """The request never reads the user table: the same work, equally fast, for a known and an unknown address."""
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seen = []
    for email in ("beirat@example.org", "niemand@example.org"):
        with (
            mock.patch("teilhabe.accounts.tasks.send_password_reset") as task,
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.post("/konto/passwort/vergessen/", {"email": email})
        assert response["Location"] == "/konto/passwort/vergessen/gesendet/"
        assert task.enqueue.call_args.kwargs["email"] == email
        assert not [q["sql"] for q in queries.captured_queries if "accounts_user" in q["sql"]]
        seen.append(len(queries.captured_queries))
    assert seen[0] == seen[1]
    assert not mail.outbox  # nothing was sent by the request itself


def test_the_reset_mail_goes_through_queue_mail_in_the_accounts_language(client, board_user, municipality):
    from teilhabe.jobs.models import Job
    from teilhabe.notifications.models import SentMail

    board_user.language = "en"
    board_user.save(update_fields=["language"])
    client.post("/konto/passwort/vergessen/", {"email": "beirat@example.org"})
    (message,) = mail.outbox
    assert message.subject == "Teilhabe: reset your password"
    assert "/konto/passwort/neu/" in message.body
    job = Job.objects.get(kind="notifications.send")
    assert job.municipality == municipality and job.state == "succeeded"
    assert SentMail.objects.filter(address="beirat@example.org", key__startswith="password-reset:").exists()


def test_an_account_without_a_municipality_gets_no_reset_mail(client, db):
    from teilhabe.accounts.models import User

    admin = User.objects.create_user("chef@example.org", "chef@example.org", "Sonnenblume-1987")
    admin.is_superuser = True
    admin.save()
    client.post("/konto/passwort/vergessen/", {"email": "chef@example.org"})
    assert not mail.outbox
