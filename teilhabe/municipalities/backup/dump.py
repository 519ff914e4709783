"""Writing an archive: the rows of the installation or of one municipality (with its users and audit trail),
the files they point to, and the manifest."""

import datetime
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from .archive import FORMAT, FORMAT_VERSION, applied_migrations
from .scope import backed_up_models, label, municipality_models


class _ExactEncoder(DjangoJSONEncoder):
    """Django's JSON encoder cuts times to milliseconds; a backup keeps every microsecond, so a restored
    audit entry has exactly the timestamp it had."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _serialize(objects):
    records = serializers.serialize(
        "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=False
    )
    return json.loads(json.dumps(records, cls=_ExactEncoder))


def _private_of(instance):
    """Files kept outside MEDIA (PRIVATE_UPLOAD_DIR): rows with a `stored_as` name relative to that directory."""
    if hasattr(instance, "stored_as") and label(type(instance)) == "jobs.privateupload":
        yield instance.stored_as


def _media_of(instance):
    for f in instance._meta.concrete_fields:
        if isinstance(f, models.FileField):
            value = getattr(instance, f.attname)
            if value:
                yield str(value)


def collect_installation():
    records, media, private = [], set(), set()
    for model in backed_up_models():
        rows = list(model._base_manager.order_by("pk"))
        records.extend(_serialize(rows))
        for row in rows:
            media.update(_media_of(row))
            private.update(_private_of(row))
    return records, media, private


def collect_municipality(municipality):
    """The rows of one municipality (see the module docstring), as serialised records and upload names."""
    from teilhabe.municipalities.models import Municipality

    user_model = get_user_model()
    rows_by_model = {Municipality: [municipality]}
    for model, fk in municipality_models():
        rows_by_model[model] = list(model._base_manager.filter(**{fk: municipality}).order_by("pk"))
    user_ids = set()
    for model, rows in rows_by_model.items():
        user_fields = [
            f for f in model._meta.concrete_fields if f.is_relation and f.related_model is user_model
        ]
        for row in rows:
            user_ids.update(getattr(row, f.attname) for f in user_fields if getattr(row, f.attname))
    audit = _audit_entries(rows_by_model, municipality)
    user_ids.update(e.actor_id for e in audit if e.actor_id)
    users = list(user_model._base_manager.filter(pk__in=user_ids).order_by("pk"))
    records = []
    user_records = _serialize(users)
    for record in user_records:
        # Groups and permissions are the installation's, not the municipality's.
        record["fields"].pop("groups", None)
        record["fields"].pop("user_permissions", None)
    records.extend(user_records)
    media, private = set(), set()
    for model in [Municipality, *[m for m, _fk in municipality_models()]]:
        rows = rows_by_model[model]
        records.extend(_serialize(rows))
        for row in rows:
            media.update(_media_of(row))
            private.update(_private_of(row))
    records.extend(_serialize(audit))
    return records, media, private


def _audit_entries(rows_by_model, municipality):
    """Every audit entry about the rows (also of rows deleted since: their entries carry the municipality)."""
    try:
        from auditlog.models import LogEntry
    except ImportError:  # pragma: no cover
        return []
    ids = set(
        LogEntry.objects.filter(additional_data__municipality_id=municipality.pk).values_list("pk", flat=True)
    )
    for model, rows in rows_by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        keys = [str(r.pk) for r in rows]
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            ids.update(
                LogEntry.objects.filter(content_type=content_type, object_pk__in=chunk).values_list(
                    "pk", flat=True
                )
            )
    return list(LogEntry.objects.filter(pk__in=ids).order_by("pk"))


def write_backup(target, municipality=None) -> dict:
    """Write the archive to `target` (a path or a binary file). Returns the manifest."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():  # one consistent snapshot (PostgreSQL: repeatable within the transaction)
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        if municipality is None:
            records, media, private = collect_installation()
        else:
            records, media, private = collect_municipality(municipality)
        migrations = applied_migrations()
    counts = defaultdict(int)
    for record in records:
        counts[record["model"]] += 1
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "scope": "municipality" if municipality else "installation",
        "municipality": municipality.slug if municipality else None,
        "migrations": migrations,
        "counts": dict(sorted(counts.items())),
        "media": {},
        "private": {},
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(media):
            if not default_storage.exists(name):
                manifest["media"][name] = None  # referenced but missing on disk: recorded, not invented
                continue
            with default_storage.open(name, "rb") as handle:
                data = handle.read()
            manifest["media"][name] = hashlib.sha256(data).hexdigest()
            archive.writestr(str(PurePosixPath("media") / name), data)
        root = Path(settings.PRIVATE_UPLOAD_DIR)
        for name in sorted(private):
            path = root / name
            if not path.is_file():
                manifest["private"][name] = None
                continue
            data = path.read_bytes()
            manifest["private"][name] = hashlib.sha256(data).hexdigest()
            archive.writestr(str(PurePosixPath("private") / name), data)
        archive.writestr("data.json", json.dumps(records, ensure_ascii=False, indent=0))
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def archive_bytes(municipality=None) -> bytes:
    out = io.BytesIO()
    write_backup(out, municipality)
    return out.getvalue()


def default_file_name(municipality=None) -> str:
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    return f"teilhabe-{municipality.slug if municipality else 'installation'}-{stamp}.zip"
