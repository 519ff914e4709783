"""Where an installation keeps its data (SQLite file, uploads, collected static files, the generated secret
key), and the secret key itself when none is configured.

Read by `settings.py` before Django is set up, so nothing here imports Django's settings.
"""

import os
import secrets
import string
import tempfile
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
# Django's own alphabet for secret keys (get_random_secret_key), without importing Django here.
_KEY_ALPHABET = string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)"


def default_data_dir(project_dir: Path) -> Path:
    """`var/` of a source checkout (make run, the tests); for an installed package (`pip install .`, where
    the code lies in site-packages) `$XDG_DATA_HOME/teilhabe`, i.e. `~/.local/share/teilhabe` of the user
    the server runs as. Production sets TEILHABE_VAR_DIR (e.g. /var/lib/teilhabe)."""
    if (project_dir / "pyproject.toml").is_file() and "site-packages" not in project_dir.parts:
        return project_dir / "var"
    base = os.getenv("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "teilhabe"


def is_inside_installed_packages(path: Path) -> bool:
    parts = path.resolve().parts
    return "site-packages" in parts or "dist-packages" in parts


def secret_key_from_data_dir(data_dir: Path) -> str:
    """The key kept in DATA_DIR/secret_key; generated (random, mode 0600) on first start and reused.

    Several workers may start at once: the key is written to a private temporary file and linked into place,
    which fails if another worker was first; then that worker's key is read. So all share one key.
    """
    path = data_dir / SECRET_KEY_FILE
    key = _read(path)
    if key:
        return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = "".join(secrets.choice(_KEY_ALPHABET) for _ in range(64))
    descriptor, temporary = tempfile.mkstemp(dir=data_dir, prefix=".secret_key-")  # created with mode 0600
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(key + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return _read(path) or key
    finally:
        os.unlink(temporary)
    return key


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        return ""
