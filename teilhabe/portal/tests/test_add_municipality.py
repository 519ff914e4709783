import pytest
from django.core.management import CommandError, call_command

from teilhabe.accounts.models import Membership
from teilhabe.concept.models import Status
from teilhabe.municipalities.models import Municipality
from teilhabe.testing.two_factor import force_login_verified


def test_it_creates_the_municipality_with_statuses_and_an_office_user(db, client, capsys):
    call_command(
        "add_municipality", "Stadt Kempten (Allgäu)", ags="09763000", state="BY", office_email="A@kempten.de"
    )
    municipality = Municipality.objects.get(ags="09763000")
    assert municipality.slug == "stadt-kempten-allgau"
    assert Status.objects.filter(municipality=municipality).count() == 7
    membership = Membership.objects.get(municipality=municipality)
    assert membership.role == "office" and membership.user.email == "a@kempten.de"
    link = [line for line in capsys.readouterr().out.splitlines() if "Passwort festlegen" in line][0].split(
        ": "
    )[1]
    response = client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True)
    assert response.status_code == 200
    assert 'type="password"' in response.content.decode()


def test_it_refuses_a_wrong_municipality_key_in_german_and_saves_nothing(db):
    with pytest.raises(CommandError, match="Gemeindeschlüssel"):
        call_command("add_municipality", "X", ags="123", state="BY", office_email="a@x.de")
    assert not Municipality.objects.exists() and not Membership.objects.exists()


def test_django_admin_is_for_superusers_only(client, office_user, django_user_model):
    office_user.is_staff = True
    office_user.save()
    client.force_login(office_user)
    assert client.get("/system/admin/").status_code == 302
    admin = django_user_model.objects.create_superuser("root@example.org", "root@example.org", "x")
    force_login_verified(client, admin)
    assert client.get("/system/admin/").status_code == 200
