"""A real, packaged OpenID Connect provider for the tests: django-oidc-provider (a development dependency),
unmodified, in its own process on 127.0.0.1 with its own settings module (idp/settings.py) and database.

The tests act as the person's browser at the provider (its login form, with CSRF) and as the provider's
administrator (users, e-mail addresses and groups are set directly in the provider's database)."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import requests
from django.contrib.auth.hashers import make_password

from teilhabe.testing.ports import free_port

CLIENT_ID = "teilhabe"
CLIENT_SECRET = "geheimnis-des-test-anmeldedienstes"
SITE_URL = "https://teilhabe.musterstadt.de"
PASSWORD = "passwort-beim-anmeldedienst"


class RealProvider:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="teilhabe-idp-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.issuer = self.url + "/openid"
        self.discovery_url = self.issuer + "/.well-known/openid-configuration"
        self.env = {
            **os.environ,
            "IDP_DATA_DIR": str(self.dir),
            "IDP_SITE_URL": self.url,
            "DJANGO_SETTINGS_MODULE": "teilhabe.accounts.tests.idp.settings",
        }
        self.env.pop("DATABASE_URL", None)
        client = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uri": SITE_URL + "/konto/sso/callback/",
            "post_logout_redirect_uri": SITE_URL + "/konto/anmelden/",
        }
        subprocess.run(
            [sys.executable, "-m", "teilhabe.accounts.tests.idp.prepare", json.dumps(client)],
            env=self.env,
            check=True,
            timeout=120,
        )
        self.log = open(self.dir / "server.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "the test identity provider stopped:\n" + (self.dir / "server.log").read_text()
                )
            try:
                if requests.get(self.discovery_url, timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError("the test identity provider did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def discovery(self) -> dict:
        return requests.get(self.discovery_url, timeout=5).json()

    def signing_key_id(self) -> str:
        jwks = requests.get(self.discovery()["jwks_uri"], timeout=5).json()
        return jwks["keys"][0]["kid"]

    def teilhabe_settings(self) -> dict:
        """Teilhabe's settings for this provider: the discovery URL, client id and secret, nothing else."""
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_DISCOVERY_URL": self.discovery_url,
            "OIDC_OP_ISSUER": "",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": "",
            "OIDC_OP_TOKEN_ENDPOINT": "",
            "OIDC_OP_USER_ENDPOINT": "",
            "OIDC_OP_JWKS_ENDPOINT": "",
            "OIDC_OP_LOGOUT_ENDPOINT": "",
            "OIDC_USE_USERINFO": True,
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_RP_SCOPES": "openid email profile",
            "OIDC_USE_PKCE": True,
            "OIDC_REQUIRE_VERIFIED_EMAIL": True,
            "OIDC_EMAIL_CLAIM": "email",
            "OIDC_TIMEOUT": 5,
            "OIDC_CLOCK_LEEWAY": 60,
            "OIDC_ALLOW_SUPERUSERS": False,
            "OIDC_ROLES_CLAIM": "",
            "OIDC_ROLE_MAP": "",
            "OIDC_PROVIDER_NAME": "Test-Anmeldedienst",
            "SITE_URL": SITE_URL,
        }

    # The provider's administrator

    def _db(self):
        return sqlite3.connect(self.dir / "idp.sqlite3", timeout=10)

    def reset(self):
        """Before each test: no users, no groups, no quirks."""
        with self._db() as db:
            for table in (
                "oidc_provider_userconsent",
                "oidc_provider_code",
                "oidc_provider_token",
                "auth_user_groups",
                "auth_group",
                "auth_user",
            ):
                db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        self.set_quirks()

    def add_user(self, username, email, first_name="", last_name="", groups=(), verified=True) -> int:
        if not verified:
            last_name += " (unbestätigt)"
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO auth_user (username, email, first_name, last_name, password, is_superuser,"
                " is_staff, is_active, date_joined) VALUES (?, ?, ?, ?, ?, 0, 0, 1, datetime('now'))",
                (username, email, first_name, last_name, make_password(PASSWORD, hasher="md5")),
            )
            user_id = cursor.lastrowid
        self.set_groups(username, groups)
        return user_id

    def set_email(self, username, email):
        with self._db() as db:
            db.execute("UPDATE auth_user SET email = ? WHERE username = ?", (email, username))

    def set_groups(self, username, groups):
        with self._db() as db:
            (user_id,) = db.execute("SELECT id FROM auth_user WHERE username = ?", (username,)).fetchone()
            db.execute("DELETE FROM auth_user_groups WHERE user_id = ?", (user_id,))
            for name in groups:
                db.execute("INSERT OR IGNORE INTO auth_group (name) VALUES (?)", (name,))
                (group_id,) = db.execute("SELECT id FROM auth_group WHERE name = ?", (name,)).fetchone()
                db.execute(
                    "INSERT INTO auth_user_groups (user_id, group_id) VALUES (?, ?)", (user_id, group_id)
                )

    def set_quirks(self, **quirks):
        """clock_offset (seconds the provider's clock is ahead), aud, iss: see idp/claims.py."""
        (self.dir / "quirks.json").write_text(json.dumps(quirks))


class Browser:
    """The person's browser at the provider: its own cookies, follows the provider's redirects only."""

    def __init__(self, provider: RealProvider):
        self.provider = provider
        self.session = requests.Session()

    def _follow(self, url):
        """Follow redirects within the provider; return the first response that leaves it or is a page."""
        for _ in range(10):
            response = self.session.get(url, allow_redirects=False, timeout=10)
            location = response.headers.get("Location")
            if response.status_code not in (301, 302, 303) or not location:
                return response, None
            url = urljoin(url, location)
            if not url.startswith(self.provider.url):
                return response, url
        raise AssertionError("too many redirects at the provider")

    def authorize(self, authorize_url, username) -> dict:
        """Sign in at the provider when asked to; return the query of the redirect back to Teilhabe."""
        page, back = self._follow(authorize_url)
        if back is None:
            assert 'name="username"' in page.text, page.text[:500]
            token = self.session.cookies["csrftoken"]
            login = self.session.post(
                page.url,
                data={
                    "username": username,
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": token,
                    "next": parse_qs(urlparse(page.url).query)["next"][0],
                },
                allow_redirects=False,
                timeout=10,
            )
            assert login.status_code == 302, login.text[:500]
            page, back = self._follow(urljoin(page.url, login.headers["Location"]))
        assert back and back.startswith(SITE_URL + "/konto/sso/callback/"), (back, page.text[:500])
        return {key: values[0] for key, values in parse_qs(urlparse(back).query).items()}

    def visit(self, url):
        """Open a URL at the provider (e.g. its end-session endpoint); return where it sends the browser."""
        response, back = self._follow(url)
        return back or response.url

    def is_signed_in_at_provider(self, authorize_url) -> bool:
        page, back = self._follow(authorize_url)
        return back is not None


def sign_in(client, browser: Browser, username: str, next_url=None):
    """Teilhabe → provider (login there if needed) → Teilhabe's callback; returns the callback response."""
    start = client.get("/konto/sso/anmelden/", {"next": next_url} if next_url else {})
    assert start.status_code == 302, start.content.decode()[:500]
    params = browser.authorize(start["Location"], username)
    return client.get("/konto/sso/callback/", params)
