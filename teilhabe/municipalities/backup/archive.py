"""The archive's format (docs/backup.md): its name and version, the error for an archive that does not fit,
reading and checking an archive, and the migrations the data was written with."""

import hashlib
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "teilhabe-backup"
FORMAT_VERSION = 1


class BackupError(Exception):
    """A German message for the operator: the archive does not fit, nothing was changed."""


@dataclass
class RestoreResult:
    counts: dict[str, int]
    media: int
    # (model label, old primary key) -> new primary key (municipality restores only)
    new_keys: dict[tuple[str, object], object] = field(default_factory=dict)


def applied_migrations():
    applied = defaultdict(list)
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied[app].append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def read_archive(source):
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(
            _("Die Datei ist kein Teilhabe-Backup (kein ZIP-Archiv): %(error)s") % {"error": error}
        ) from error
    with archive:
        names = set(archive.namelist())
        if "manifest.json" not in names or "data.json" not in names:
            raise BackupError(_("Die Datei ist kein Teilhabe-Backup (manifest.json oder data.json fehlt)."))
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(_("Die Datei ist kein Teilhabe-Backup (unbekanntes Format)."))
        if manifest.get("format_version", 0) > FORMAT_VERSION:
            raise BackupError(
                _(
                    "Das Backup hat das Format %(found)s; diese Version von Teilhabe liest bis Format %(known)s."
                )
                % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
            )
        records = json.loads(archive.read("data.json"))
        media = {}
        for name, digest in manifest.get("media", {}).items():
            if digest is None:
                continue
            data = archive.read(str(PurePosixPath("media") / name))
            if hashlib.sha256(data).hexdigest() != digest:
                raise BackupError(
                    _("Die Datei %(name)s im Backup ist beschädigt (Prüfsumme).") % {"name": name}
                )
            media[name] = data
        private = {}
        for name, digest in manifest.get("private", {}).items():
            if digest is None:
                continue
            data = archive.read(str(PurePosixPath("private") / name))
            if hashlib.sha256(data).hexdigest() != digest:
                raise BackupError(
                    _("Die Datei %(name)s im Backup ist beschädigt (Prüfsumme).") % {"name": name}
                )
            private[name] = data
    return manifest, records, media, private


def check_migrations(manifest):
    applied = applied_migrations()
    missing = [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if name not in applied.get(app, [])
    ]
    if missing:
        raise BackupError(
            _(
                "Das Backup stammt von einer neueren Version von Teilhabe (Migrationen fehlen hier: %(names)s). "
                "Bitte zuerst Teilhabe aktualisieren und `teilhabe migrate` ausführen."
            )
            % {"names": ", ".join(missing[:5])}
        )
