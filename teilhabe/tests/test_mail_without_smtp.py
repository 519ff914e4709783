"""Without EMAIL_HOST (development, `make run`, the demo) every message is written to a file in VAR_DIR/mail/
instead of the terminal, where the demo's mails buried the logins `make run` prints; with EMAIL_HOST it is SMTP.
"""

import json
import os
import subprocess
import sys

from django.core.mail import get_connection
from django.core.mail.message import EmailMessage


def _mail_settings(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    env.update(
        DJANGO_SETTINGS_MODULE="teilhabe.settings", TEILHABE_VAR_DIR=str(tmp_path), SECRET_KEY="x" * 50
    )
    env.update(extra)
    script = "from django.conf import settings; import json; print(json.dumps([settings.EMAIL_BACKEND, str(settings.EMAIL_FILE_PATH)]))"
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_without_an_smtp_host_mail_goes_to_files_in_the_data_directory(tmp_path):
    backend, folder = _mail_settings(tmp_path)
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert folder == str(tmp_path / "mail")
    # and a message sent that way lands there, readable
    connection = get_connection(backend, file_path=folder)
    EmailMessage(
        "Willkommen", "Guten Tag", "amt@example.org", ["beirat@example.org"], connection=connection
    ).send()
    (written,) = (tmp_path / "mail").iterdir()
    assert "Subject: Willkommen" in written.read_text()


def test_with_an_smtp_host_mail_goes_to_it(tmp_path):
    backend, _folder = _mail_settings(tmp_path, EMAIL_HOST="smtp.example.org")
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
