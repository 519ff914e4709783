"""Settings for the test suite: production settings with plain HTTP and a fast password hasher."""

from teilhabe.settings import *  # noqa: F403
from teilhabe.settings import PASSWORD_HASHERS

HTTPS = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run jobs at once, in the test's transaction (the integration test starts a real worker).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the integration test's worker process must see the test database, and the browser
    # tests' live server no longer shares one in-memory connection across threads (which printed
    # "DatabaseWrapper objects created in a thread" warnings).
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), "teilhabe-test-%d.sqlite3" % os.getpid())
    }
