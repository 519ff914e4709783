"""Settings of the test identity provider: django-oidc-provider, unmodified, in its own process.

Started by the real-provider tests (teilhabe/accounts/tests/real_provider.py) on 127.0.0.1; everything about
it is configuration: the data directory and address come from the environment, claims and the token hook
from claims.py (the package's documented settings OIDC_USERINFO, OIDC_EXTRA_SCOPE_CLAIMS and
OIDC_IDTOKEN_PROCESSING_HOOK)."""

import os
from pathlib import Path

DATA_DIR = Path(os.environ["IDP_DATA_DIR"])
SITE_URL = os.environ["IDP_SITE_URL"]  # http://127.0.0.1:<port>; the issuer is SITE_URL + "/openid"

SECRET_KEY = "test-identity-provider-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oidc_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "teilhabe.accounts.tests.idp.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "idp.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # test users only
LOGIN_URL = "/anmelden/"
USE_TZ = True

OIDC_USERINFO = "teilhabe.accounts.tests.idp.claims.userinfo"
OIDC_EXTRA_SCOPE_CLAIMS = "teilhabe.accounts.tests.idp.claims.GroupClaims"
OIDC_IDTOKEN_PROCESSING_HOOK = "teilhabe.accounts.tests.idp.claims.id_token_hook"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
