from django.contrib.auth.hashers import check_password, make_password
from django.test import override_settings

from teilhabe import settings as production_settings


def test_argon2_is_the_first_hasher_in_production_settings():
    assert production_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_passwords_are_stored_as_argon2_with_production_settings():
    with override_settings(PASSWORD_HASHERS=production_settings.PASSWORD_HASHERS):
        encoded = make_password("ein-langes-passwort")
        assert encoded.startswith("argon2$argon2id$")
        assert check_password("ein-langes-passwort", encoded)
        assert not check_password("ein-anderes-passwort", encoded)


def test_a_login_with_production_hashers_upgrades_nothing_and_works(client, office_user):
    with override_settings(PASSWORD_HASHERS=production_settings.PASSWORD_HASHERS):
        office_user.set_password("ein-langes-passwort")
        office_user.save()
        assert office_user.password.startswith("argon2$")
        client.post("/konto/anmelden/", {"username": "amt@example.org", "password": "ein-langes-passwort"})
        assert client.session.get("_auth_user_id") == str(office_user.pk)
