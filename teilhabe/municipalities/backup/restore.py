"""Reading an archive back: the whole installation with its own keys into an empty database, or one
municipality with new keys (`new_keys.py`); then the uploads. One transaction, auditing off."""

from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from .archive import BackupError, RestoreResult, check_migrations, read_archive
from .new_keys import restore_municipality
from .scope import backed_up_models, label


def restore(source, municipality_slug=None) -> RestoreResult:
    """Restore the archive at `source`. `municipality_slug`: the archive must hold that municipality."""
    manifest, records, media, private = read_archive(source)
    check_migrations(manifest)
    if municipality_slug and manifest.get("municipality") != municipality_slug:
        raise BackupError(
            _("Das Backup enthält nicht die Kommune „%(slug)s“ (sondern: %(found)s).")
            % {
                "slug": municipality_slug,
                "found": manifest.get("municipality") or _("die ganze Installation"),
            }
        )
    from auditlog.context import disable_auditlog

    with disable_auditlog(), transaction.atomic():
        if manifest["scope"] == "installation":
            result = _restore_installation(records)
        else:
            result = restore_municipality(records)
        result.media = _restore_media(media, records, result) + _restore_private(private)
        connection.check_constraints()
    return result


def _restore_installation(records):
    for model in backed_up_models():
        if model._base_manager.exists():
            raise BackupError(
                _(
                    "Die Datenbank enthält schon Daten (%(model)s). Eine ganze Installation wird nur in eine "
                    "leere, migrierte Datenbank wiederhergestellt; eine einzelne Kommune mit --municipality."
                )
                % {"model": model._meta.verbose_name_plural}
            )
    counts = defaultdict(int)
    restored_models = set()
    with connection.constraint_checks_disabled():
        for obj in serializers.python.Deserializer(records, handle_forward_references=True):
            obj.save()
            counts[label(type(obj.object))] += 1
            restored_models.add(type(obj.object))
    if restored_models:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(restored_models)):
                cursor.execute(sql)
    return RestoreResult(counts=dict(counts), media=0)


def _restore_media(media, records, result):
    """Write the uploads back; a name taken in this installation gets a new one, and the rows follow."""
    renamed = {}
    for name, data in media.items():
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                if handle.read() == data:
                    continue  # the same file is there already
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            renamed[name] = saved
    if renamed:
        for record in records:
            model = apps.get_model(record["model"])
            for f in model._meta.concrete_fields:
                if isinstance(f, models.FileField) and record["fields"].get(f.name) in renamed:
                    pk = result.new_keys.get((record["model"], record["pk"]), record["pk"])
                    model._base_manager.filter(pk=pk).update(**{f.attname: renamed[record["fields"][f.name]]})
    return len(media)


def _restore_private(private):
    """Private uploads back under PRIVATE_UPLOAD_DIR (their names are unique ids; readable only by us)."""
    root = Path(settings.PRIVATE_UPLOAD_DIR)
    for name, data in private.items():
        target = (root / name).resolve()
        if root.resolve() not in target.parents:
            raise BackupError(
                _("Das Backup nennt eine Datei außerhalb des Upload-Verzeichnisses: %(name)s")
                % {"name": name}
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        target.chmod(0o600)
    return len(private)
