"""Installation checks that `teilhabe check --deploy` runs besides Django's own."""

import os
import stat
from pathlib import Path

from django.conf import settings
from django.core.checks import Info, Tags, Warning, register

from teilhabe.datadir import SECRET_KEY_FILE, is_inside_installed_packages


@register(Tags.security, deploy=True)
def data_directory(app_configs, **kwargs):
    data_dir = Path(settings.VAR_DIR)
    how = "TEILHABE_VAR_DIR" if settings.VAR_DIR_CONFIGURED else "default, set TEILHABE_VAR_DIR to change"
    messages = [
        Info(
            f"Data directory (SQLite file, uploads, static files, generated secret key): {data_dir} ({how}).",
            id="teilhabe.I001",
        )
    ]
    if is_inside_installed_packages(data_dir):
        messages.append(
            Warning(
                f"The data directory {data_dir} lies inside the installed packages: an update or a new "
                "virtualenv deletes it.",
                hint="Set TEILHABE_VAR_DIR to a directory of its own, e.g. /var/lib/teilhabe.",
                id="teilhabe.W001",
            )
        )
    elif data_dir.exists() and not os.access(data_dir, os.W_OK):
        messages.append(
            Warning(
                f"The data directory {data_dir} is not writable for this user.",
                hint="Give the user the server runs as write access, or set TEILHABE_VAR_DIR.",
                id="teilhabe.W001",
            )
        )
    key_file = data_dir / SECRET_KEY_FILE
    if key_file.exists() and stat.S_IMODE(key_file.stat().st_mode) & 0o077:
        messages.append(
            Warning(
                f"The generated secret key {key_file} can be read by other users.",
                hint=f"chmod 600 {key_file}",
                id="teilhabe.W002",
            )
        )
    return messages
