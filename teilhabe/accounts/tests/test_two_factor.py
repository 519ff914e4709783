"""Two-factor authentication: superusers must, a municipality may require it of its office, anyone may.

Codes are computed here as an authenticator app does (RFC 6238 from the key shown on the set-up page), so
the tests check the real exchange, not a mock.
"""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from teilhabe.conftest import PASSWORD
from teilhabe.testing.two_factor import force_login_verified

LOGIN = "/konto/anmelden/"
SETUP = "/konto/zwei-faktor/einrichten/"
VERIFY = "/konto/zwei-faktor/"


def rfc6238(secret_base32: str, at: float | None = None, step: int = 30) -> str:
    secret = secret_base32.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1_000_000)


def shown_secret(html: str) -> str:
    return re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', html).group(1)


def password_login(client, username):
    return client.post(LOGIN, {"username": username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.1")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)


def set_up(client, next_url="/system/admin/"):
    page = client.get(SETUP + "?next=" + next_url).content.decode()
    response = client.post(SETUP, {"code": rfc6238(shown_secret(page)), "next": next_url})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("path", ["/system/admin/", "/musterstadt/", "/konto/profil/"])
def test_a_superuser_reaches_nothing_before_setting_up_a_second_factor(client, superuser, municipality, path):
    password_login(client, "root")
    assert client.session[SESSION_KEY] == str(superuser.pk)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP + "?next=")


def test_the_set_up_page_draws_the_qr_code_locally_and_shows_the_key(client, superuser):
    password_login(client, "root")
    html = client.get(SETUP).content.decode()
    qr = html[html.index('<div class="qr-code">') :]
    assert qr.index("<svg") < qr.index("</svg>")
    assert "http" not in qr[: qr.index("</svg>")].replace('xmlns="http://www.w3.org/2000/svg"', "")
    secret = shown_secret(html)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    assert (
        base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
        == device.bin_key
    )
    assert shown_secret(client.get(SETUP).content.decode()) == secret  # a reload keeps the same key


def test_set_up_with_a_real_code_shows_recovery_codes_once_and_opens_the_admin(client, superuser):
    password_login(client, "root")
    html = set_up(client)
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True)
    )
    assert client.get("/system/admin/").status_code == 200
    profile = client.get("/konto/profil/").content.decode()
    assert codes[0] not in profile and "Noch 10 Wiederherstellungscodes sind unbenutzt." in profile
    assert client.get("/konto/zwei-faktor/codes/").status_code == 405  # codes never come by GET


def test_a_wrong_first_code_sets_up_nothing(client, superuser):
    password_login(client, "root")
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert "Der Code stimmt nicht" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()
    assert client.get("/system/admin/").status_code == 302


def test_the_next_login_asks_for_the_code_and_a_wrong_one_gets_nowhere(client, superuser):
    password_login(client, "root")
    secret = shown_secret(client.get(SETUP).content.decode())
    client.post(SETUP, {"code": rfc6238(secret)})
    client.post("/konto/abmelden/")
    password_login(client, "root")
    response = client.get("/system/admin/")
    assert response["Location"] == VERIFY + "?next=%2Fsystem%2Fadmin%2F"
    wrong = client.post(VERIFY, {"code": "123456", "next": "/system/admin/"})
    assert "Der Code stimmt nicht oder ist abgelaufen" in wrong.content.decode()
    assert client.get("/system/admin/").status_code == 302
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    # A code of the next time step (apps and clocks drift by one step): accepted once.
    response = client.post(VERIFY, {"code": rfc6238(secret, time.time() + 30), "next": "/system/admin/"})
    assert response["Location"] == "/system/admin/"
    assert client.get("/system/admin/").status_code == 200


def test_repeated_wrong_codes_make_even_the_right_code_wait(client, superuser):
    password_login(client, "root")
    secret = shown_secret(client.get(SETUP).content.decode())
    client.post(SETUP, {"code": rfc6238(secret)})
    client.post("/konto/abmelden/")
    password_login(client, "root")
    for _ in range(4):
        client.post(VERIFY, {"code": "000000"})
    client.post(VERIFY, {"code": rfc6238(secret, time.time() + 30)})
    assert client.get("/system/admin/").status_code == 302


def test_a_recovery_code_works_once(client, superuser):
    password_login(client, "root")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", set_up(client))
    for attempt in range(2):
        client.post("/konto/abmelden/")
        password_login(client, "root")
        StaticDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
        client.post(VERIFY, {"code": codes[0].upper()})
        expected = 200 if attempt == 0 else 302
        assert client.get("/system/admin/").status_code == expected
    assert StaticToken.objects.filter(device__user=superuser).count() == 9


def test_the_admin_refuses_a_superuser_whose_session_has_no_second_factor(client, superuser):
    client.force_login(superuser)
    assert client.get("/system/admin/").status_code == 302
    force_login_verified(client, superuser)
    assert client.get("/system/admin/").status_code == 200


def test_office_users_may_use_it_but_need_not(client, office_user, municipality):
    password_login(client, "amt@example.org")
    assert client.get("/musterstadt/").status_code == 200
    assert "Zwei-Faktor-Anmeldung einrichten" in client.get("/konto/profil/").content.decode()
    set_up(client, "/musterstadt/")
    client.post("/konto/abmelden/")
    password_login(client, "amt@example.org")
    assert client.get("/musterstadt/")["Location"].startswith(VERIFY)


def test_a_user_who_may_switches_it_off_after_verifying(client, office_user, municipality):
    force_login_verified(client, office_user)
    client.post("/konto/zwei-faktor/ausschalten/")
    assert not TOTPDevice.objects.filter(user=office_user).exists()
    assert client.get("/musterstadt/").status_code == 200


def test_a_municipality_can_require_it_for_its_office_only(
    client, office_user, department_user, municipality
):
    municipality.office_two_factor_required = True
    municipality.save()
    password_login(client, "amt@example.org")
    assert client.get("/musterstadt/")["Location"].startswith(SETUP)
    client.post("/konto/abmelden/")
    password_login(client, "kulturamt@example.org")
    assert client.get("/musterstadt/").status_code == 200


def test_a_required_second_factor_cannot_be_switched_off(client, superuser):
    force_login_verified(client, superuser)
    response = client.post("/konto/zwei-faktor/ausschalten/", follow=True)
    assert "vorgeschrieben" in response.content.decode()
    assert TOTPDevice.objects.filter(user=superuser).exists()


def test_the_requirement_reaches_a_running_session(client, office_user, municipality, monkeypatch):
    password_login(client, "amt@example.org")
    assert client.get("/musterstadt/").status_code == 200
    municipality.office_two_factor_required = True
    municipality.save()
    from teilhabe.accounts import two_factor_middleware

    monkeypatch.setattr(two_factor_middleware, "RECHECK_SECONDS", 0)
    assert client.get("/musterstadt/")["Location"].startswith(SETUP)


def test_the_office_switches_the_requirement_on_in_the_settings(client, office_user, municipality):
    client.force_login(office_user)
    url = "/musterstadt/einstellungen/"
    client.post(
        url,
        {
            "name": "Musterstadt",
            "office_name": "Amt",
            "disclosure_threshold": 2,
            "office_two_factor_required": "on",
        },
    )
    municipality.refresh_from_db()
    assert municipality.office_two_factor_required
