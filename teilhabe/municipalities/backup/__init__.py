"""Backup and restore of the whole installation or of one municipality (`teilhabe backup` / `teilhabe restore`).

The archive is a ZIP file (format in docs/backup.md): `manifest.json` (format name and version, scope, the
migrations the data was written with, the number of rows per model, every upload with its SHA-256),
`data.json` (Django's JSON serialisation, foreign keys to users and content types by natural key) and
`media/<name>` for every uploaded file a backed-up row points to.

- Installation: every row of every model except those Django rebuilds itself (content types, permissions)
  and sessions; restored only into an empty, migrated database, with the same primary keys.
- Municipality: the municipality, every row that points to it (every model with a foreign key to
  Municipality: all domain data and the memberships), the users of those memberships and of every user
  reference in those rows, and every audit entry about them. Restored into any installation that does not
  know the municipality yet: every row gets a new primary key and every reference is rewritten, so the
  municipality can move to another installation. A user who exists there already (same username) is reused,
  not changed; new users come without superuser or staff rights.

Auditing is off while restoring: the restored audit entries are the history, and a restore adds none.

The package, by what each file holds: `scope.py` (which models and rows), `archive.py` (the format, reading and
checking an archive), `dump.py` (writing one), `restore.py` (reading it back), `new_keys.py` (a municipality's
rows under new keys in another installation).
"""

from .archive import FORMAT, FORMAT_VERSION, BackupError, RestoreResult, read_archive
from .dump import archive_bytes, collect_installation, collect_municipality, default_file_name, write_backup
from .restore import restore
from .scope import AUDIT_ENTRY, NOT_BACKED_UP, backed_up_models, label, municipality_models

__all__ = [
    "AUDIT_ENTRY",
    "FORMAT",
    "FORMAT_VERSION",
    "NOT_BACKED_UP",
    "BackupError",
    "RestoreResult",
    "archive_bytes",
    "backed_up_models",
    "collect_installation",
    "collect_municipality",
    "default_file_name",
    "label",
    "municipality_models",
    "read_archive",
    "restore",
    "write_backup",
]
