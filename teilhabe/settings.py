"""Settings, all from environment variables (see README, "Configuration").

Defaults are safe for production (DEBUG off, secure cookies, HTTPS redirect); `make run` sets DEBUG=1.
"""

from pathlib import Path

import dj_database_url

from teilhabe.datadir import default_data_dir, secret_key_from_data_dir
from teilhabe.env import envbool, envint, envlist, envsecret

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
# The data directory: SQLite file, uploads, static files, the generated secret key (README, "Deployment").
VAR_DIR_CONFIGURED = bool(envsecret("TEILHABE_VAR_DIR"))
# Absolute, even when set relative: every process (server, worker, a subprocess) must mean the same directory, and the
# PDFs resolve their images through a file URI, which has to be absolute.
VAR_DIR = Path(envsecret("TEILHABE_VAR_DIR") or default_data_dir(PROJECT_DIR)).absolute()

DEBUG = envbool("DEBUG")
# Without SECRET_KEY a random key is generated on first start and kept in VAR_DIR/secret_key (mode 0600);
# there is no key in the repository to fall back to.
SECRET_KEY = envsecret("SECRET_KEY") or secret_key_from_data_dir(VAR_DIR)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = envsecret("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Machine translation of bulletins: a dotted path to a translator class; none by default, so nothing leaves the
# installation (teilhabe/bulletins/services/machine.py).
BULLETIN_TRANSLATOR = envsecret("BULLETIN_TRANSLATOR", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "auditlog",
    "django_otp",
    "csp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "teilhabe.municipalities",
    "teilhabe.portal",  # the pages over several apps: start page, first-run guide, job pages (top layer)
    "teilhabe.accounts",
    "teilhabe.audit",
    "teilhabe.directory",
    "teilhabe.concept",
    "teilhabe.statistics",
    "teilhabe.notifications",
    "teilhabe.activities",
    "teilhabe.registrations",
    "teilhabe.networks",
    "teilhabe.programmes",
    "teilhabe.bulletins",
    "teilhabe.reports",
    "teilhabe.api",  # the open data API (/api/v1/, django-ninja)
    # Background jobs: teilhabe.jobs before django_tasks_db, so its `db_worker` (which first fails the jobs
    # of dead workers) replaces the original command.
    "teilhabe.jobs",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "teilhabe.accounts.two_factor_middleware.TwoFactorMiddleware",
    "teilhabe.headers.SecurityHeadersMiddleware",
    "teilhabe.headers.PublicConditionalGetMiddleware",  # ETag and 304 for public pages seen without login
    "teilhabe.csp.ContentSecurityPolicyMiddleware",  # teilhabe/csp.py: nothing inline, nothing from elsewhere
    "teilhabe.accounts.language.LanguageMiddleware",  # after authentication: the user's own choice
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "teilhabe.accounts.middleware.MunicipalityMiddleware",
]

ROOT_URLCONF = "teilhabe.urls"
WSGI_APPLICATION = "teilhabe.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "teilhabe.portal.context_processors.navigation",
            ],
            # the |number and |percent filters, |swatch and |dot (colours from data), in every template
            "builtins": ["teilhabe.formatting", "teilhabe.colours"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envsecret("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'teilhabe.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the job worker share the file: WAL lets them read while the other writes, IMMEDIATE
    # transactions take the write lock at once (no "database is locked" on upgrade), and a writer waits.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # invitations use the reset token too
# Failed logins within the window (seconds), see accounts/throttle.py: one account from one address, one
# account from anywhere, one address for all accounts (much higher: a town hall's proxy is one address).
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
LOGIN_ACCOUNT_FAILURE_LIMIT = envint("LOGIN_ACCOUNT_FAILURE_LIMIT", "20")
LOGIN_ADDRESS_FAILURE_LIMIT = envint("LOGIN_ADDRESS_FAILURE_LIMIT", "100")
LOGIN_FAILURE_WINDOW = envint("LOGIN_FAILURE_WINDOW", "900")

# Two-factor authentication (django-otp: TOTP apps plus one-time recovery codes). Superusers must use it,
# office users of a municipality that requires it too; everybody else may switch it on in the profile.
OTP_TOTP_ISSUER = envsecret("OTP_TOTP_ISSUER", "Teilhabe")
OTP_TOTP_THROTTLE_FACTOR = 1  # each wrong code doubles the wait before the next try (1 s, 2 s, 4 s ...)
OTP_STATIC_THROTTLE_FACTOR = 1
TWO_FACTOR_RECOVERY_CODES = 10

# Single sign-on with OpenID Connect (Keycloak, Entra ID, ADFS ...): on when OIDC_RP_CLIENT_ID is set
# (docs/single-sign-on.md, every variable explained there). The URLs /konto/sso/... always exist and answer
# 404 while it is off. `teilhabe check --deploy` checks these settings.
OIDC_ENABLED = bool(envsecret("OIDC_RP_CLIENT_ID"))
OIDC_PROVIDER_NAME = envsecret("OIDC_PROVIDER_NAME", "Single Sign-on")
OIDC_CREATE_USER = False  # least privilege: only users invited by their office may sign in
if OIDC_ENABLED:
    OIDC_RP_CLIENT_ID = envsecret("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = envsecret("OIDC_RP_CLIENT_SECRET")
    # Endpoints, issuer and keys come from the discovery document (cached OIDC_CACHE_SECONDS); each
    # OIDC_OP_* setting below overrides the discovered value, or replaces discovery when it is not set.
    OIDC_OP_DISCOVERY_URL = envsecret("OIDC_OP_DISCOVERY_URL")
    OIDC_OP_ISSUER = envsecret("OIDC_OP_ISSUER")
    OIDC_OP_AUTHORIZATION_ENDPOINT = envsecret("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = envsecret("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = envsecret("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = envsecret("OIDC_OP_JWKS_ENDPOINT")
    OIDC_OP_LOGOUT_ENDPOINT = envsecret("OIDC_OP_LOGOUT_ENDPOINT")  # the provider's end_session_endpoint
    OIDC_USE_USERINFO = envbool("OIDC_USE_USERINFO", "True")  # False: the ID token's claims only (ADFS)
    OIDC_CACHE_SECONDS = envint("OIDC_CACHE_SECONDS", "3600")
    OIDC_RP_SIGN_ALGO = envsecret("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = envsecret("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USE_PKCE = envbool("OIDC_USE_PKCE", "True")
    OIDC_TOKEN_USE_BASIC_AUTH = envbool("OIDC_TOKEN_USE_BASIC_AUTH")
    OIDC_CLOCK_LEEWAY = envint("OIDC_CLOCK_LEEWAY", "60")  # seconds the provider's clock may be off
    # Refuse an e-mail claim unless the provider marks it verified (email_verified); ADFS does not send
    # that claim, so set OIDC_REQUIRE_VERIFIED_EMAIL=False there (its addresses come from the directory).
    OIDC_REQUIRE_VERIFIED_EMAIL = envbool("OIDC_REQUIRE_VERIFIED_EMAIL", "True")
    OIDC_EMAIL_CLAIM = envsecret("OIDC_EMAIL_CLAIM", "email")  # ADFS without an e-mail rule: upn
    OIDC_EMAIL_VERIFIED_CLAIM = envsecret("OIDC_EMAIL_VERIFIED_CLAIM", "email_verified")  # Entra ID: xms_edov
    OIDC_TIMEOUT = envint("OIDC_TIMEOUT", "10")
    OIDC_VERIFY_SSL = envbool("OIDC_VERIFY_SSL", "True")  # or a path to the municipality's CA bundle
    if envsecret("OIDC_CA_BUNDLE"):
        OIDC_VERIFY_SSL = envsecret("OIDC_CA_BUNDLE")
    OIDC_ALLOW_HTTP = envbool("OIDC_ALLOW_HTTP")  # plain-HTTP endpoints: only for a test provider
    OIDC_ALLOW_SUPERUSERS = envbool("OIDC_ALLOW_SUPERUSERS")  # else superusers use password + 2nd factor
    # Optional role mapping: a claim (e.g. groups) mapped per municipality to roles, JSON like
    # {"musterstadt": {"office": ["teilhabe-amt"], "advisory_board": ["teilhabe-beirat"]}}.
    OIDC_ROLES_CLAIM = envsecret("OIDC_ROLES_CLAIM")
    OIDC_ROLE_MAP = envsecret("OIDC_ROLE_MAP")  # checked by check --deploy
    AUTHENTICATION_BACKENDS.append("teilhabe.accounts.oidc.InvitedUserOIDCBackend")

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envsecret("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(envsecret("STATIC_ROOT") or VAR_DIR / "static").absolute()
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envsecret("MEDIA_ROOT") or VAR_DIR / "media").absolute()
# Uploads that jobs read: private, never below MEDIA_ROOT (nothing serves this directory). On several nodes
# the data directory (uploads and job progress) is shared by web and worker nodes.
PRIVATE_UPLOAD_DIR = Path(envsecret("PRIVATE_UPLOAD_DIR") or VAR_DIR / "uploads").absolute()
# Upload limits per kind of spreadsheet (bytes, rows, columns, unpacked XLSX size and ratio): defaults in
# teilhabe/sheets/limits.py; override per kind, e.g. {"directory": {"max_rows": 50_000}}.
SHEET_LIMITS: dict = {}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
if not DEBUG:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

# Background jobs (teilhabe/jobs, docs/architecture.md): django-tasks with its database backend, so the
# queue is the database; `teilhabe db_worker` runs them (`make run` starts one beside the server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
JOB_PROGRESS_DIR = Path(envsecret("JOB_PROGRESS_DIR") or VAR_DIR / "jobs").absolute()
JOB_HEARTBEAT_SECONDS = envint("JOB_HEARTBEAT_SECONDS", "5")
# A running job without a heartbeat for this long lost its worker and is marked failed.
JOB_STALE_AFTER = envint("JOB_STALE_AFTER", "60")

# E-mail: SMTP when EMAIL_HOST is set, else one file per message in VAR_DIR/mail/ (development and the demo:
# printed to the console, the demo's mails buried the logins `make run` prints under hundreds of lines).
EMAIL_HOST = envsecret("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = envsecret("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")
DEFAULT_FROM_EMAIL = envsecret("DEFAULT_FROM_EMAIL", "Teilhabe <teilhabe@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Bulletins (teilhabe/bulletins/sender.py): the domain of their From address ("<slug>@domain") and of every
# Message-ID (default: the domain of DEFAULT_FROM_EMAIL); batches, rate (messages a minute, 0: no pause), and the
# hard bounces after which an address is suspended. BULLETIN_EMAIL_BACKEND may route them to another backend.
BULLETIN_SENDER_DOMAIN = envsecret("BULLETIN_SENDER_DOMAIN")
BULLETIN_EMAIL_BACKEND = envsecret("BULLETIN_EMAIL_BACKEND")
BULLETIN_BATCH_SIZE = envint("BULLETIN_BATCH_SIZE", "50")
BULLETIN_RATE_PER_MINUTE = envint("BULLETIN_RATE_PER_MINUTE", "300")
BULLETIN_BOUNCE_LIMIT = envint("BULLETIN_BOUNCE_LIMIT", "3")
# Optional: the mailbox bounces (delivery status notifications) arrive in, read by `teilhabe read_bounces`.
BULLETIN_BOUNCE_IMAP_HOST = envsecret("BULLETIN_BOUNCE_IMAP_HOST")
BULLETIN_BOUNCE_IMAP_PORT = envint("BULLETIN_BOUNCE_IMAP_PORT", "993")
BULLETIN_BOUNCE_IMAP_USER = envsecret("BULLETIN_BOUNCE_IMAP_USER")
BULLETIN_BOUNCE_IMAP_PASSWORD = envsecret("BULLETIN_BOUNCE_IMAP_PASSWORD")
BULLETIN_BOUNCE_IMAP_FOLDER = envsecret("BULLETIN_BOUNCE_IMAP_FOLDER", "INBOX")

# Security: on unless DEBUG. Behind a reverse proxy that sets X-Forwarded-Proto.
HTTPS = envbool("HTTPS", "False" if DEBUG else "True")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD")  # only on request: preloading is hard to undo
# Django's deploy check asks for preload (security.W021); an intranet host name is never on the preload list.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp, teilhabe/csp.py): scripts, styles, images only from the site's own files,
# nothing inline (no 'unsafe-inline', no 'unsafe-eval'), no plugins, no <base>, never framed, forms post here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True  # an IP address is personal data and not needed for the trail

# One console handler for everything. The "django" logger gets it explicitly and does not propagate: with
# Django's default handlers beside the root's, every request error was printed twice. A 403 is one line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"quiet_forbidden": {"()": "teilhabe.logfilters.QuietForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["quiet_forbidden"]}},
    "root": {"handlers": ["console"], "level": envsecret("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": envsecret("LOG_LEVEL", "INFO"), "propagate": False},
        "django.db.backends": {"level": "INFO"},
        # Libraries that narrate their work at INFO ("Step 2 - Fetching and parsing CSS", "generated new
        # fontManager"): noise in the server's and the worker's output, not news for an operator.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "matplotlib": {"level": "WARNING"},
    },
}

# Statistical disclosure control: counts from 1 up to this are never published.
DISCLOSURE_THRESHOLD = envint("DISCLOSURE_THRESHOLD", "2")
