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
"""

import datetime
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "teilhabe-backup"
FORMAT_VERSION = 1
# Rebuilt by `migrate` (content types, permissions) or not worth keeping (sessions).
NOT_BACKED_UP = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
AUDIT_ENTRY = "auditlog.logentry"


class BackupError(Exception):
    """A German message for the operator: the archive does not fit, nothing was changed."""


@dataclass
class RestoreResult:
    counts: dict[str, int]
    media: int
    # (model label, old primary key) -> new primary key (municipality restores only)
    new_keys: dict[tuple[str, object], object] = field(default_factory=dict)


def label(model) -> str:
    return model._meta.label_lower


def backed_up_models():
    """Every concrete model whose rows an installation backup holds, in dependency order."""
    wanted = [
        m
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.managed and label(m) not in NOT_BACKED_UP
    ]
    return _dependency_order(wanted)


def _dependency_order(wanted):
    """Models ordered so that every non-nullable foreign key points to a model earlier in the list
    (nullable ones may point later: the restore fills them in afterwards)."""
    remaining = {m: set() for m in wanted}
    for model in wanted:
        for f in model._meta.concrete_fields:
            required = f.is_relation and f.many_to_one and not f.null
            if required and f.related_model in remaining and f.related_model is not model:
                remaining[model].add(f.related_model)
    ordered = []
    while remaining:
        ready = [m for m, deps in remaining.items() if not deps - set(ordered)]
        if not ready:  # a cycle of required references: keep the rest in app order
            ready = list(remaining)
        for model in ready:
            ordered.append(model)
            del remaining[model]
    return ordered


def municipality_models():
    """Models holding one municipality's rows: every model with a foreign key to Municipality."""
    from teilhabe.municipalities.models import Municipality

    found = []
    for model in backed_up_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and f.many_to_one and f.related_model is Municipality:
                found.append((model, f.name))
                break
    return found


# --- writing ------------------------------------------------------------------------------------------


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


def _applied_migrations():
    applied = defaultdict(list)
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied[app].append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


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
        migrations = _applied_migrations()
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


# --- reading ------------------------------------------------------------------------------------------


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


def _check_migrations(manifest):
    applied = _applied_migrations()
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


def restore(source, municipality_slug=None) -> RestoreResult:
    """Restore the archive at `source`. `municipality_slug`: the archive must hold that municipality."""
    manifest, records, media, private = read_archive(source)
    _check_migrations(manifest)
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
            result = _restore_municipality(records)
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


def _restore_municipality(records):
    from teilhabe.municipalities.models import Municipality

    user_model = get_user_model()
    user_label = label(user_model)
    by_label = defaultdict(list)
    for record in records:
        by_label[record["model"]].append(record)
    (municipality_record,) = by_label[label(Municipality)]
    fields = municipality_record["fields"]
    clash = Municipality.objects.filter(models.Q(slug=fields["slug"]) | models.Q(ags=fields["ags"])).first()
    if clash is not None:
        raise BackupError(
            _("Diese Installation kennt die Kommune schon („%(name)s“, %(slug)s); nichts wurde geändert.")
            % {"name": clash.name, "slug": clash.slug}
        )
    new_keys = {}
    counts = defaultdict(int)
    # 1. Users: reuse one with the same username, else create without superuser or staff rights.
    for record in by_label.pop(user_label, []):
        username = record["fields"]["username"]
        existing = user_model._base_manager.filter(username=username).first()
        if existing is None:
            (obj,) = serializers.python.Deserializer([dict(record, pk=None)])
            user = obj.object
            user.is_superuser = False
            user.is_staff = False
            models.Model.save_base(user, raw=True)
            existing = user
            counts[user_label] += 1
        new_keys[(user_label, record["pk"])] = existing.pk
    # 2. Domain rows in dependency order, each with a new key and its references rewritten.
    audit_records = by_label.pop(AUDIT_ENTRY, [])
    deferred, m2m = [], []
    order = [label(m) for m in backed_up_models()]
    for model_label in sorted(by_label, key=lambda lbl: order.index(lbl) if lbl in order else len(order)):
        model = apps.get_model(model_label)
        for record in by_label[model_label]:
            old_pk = record["pk"]
            (obj,) = serializers.python.Deserializer([dict(record, pk=None)])
            instance = obj.object
            for f in model._meta.concrete_fields:
                if not (f.is_relation and f.many_to_one) or f.related_model in (user_model, ContentType):
                    continue
                old = record["fields"].get(f.name)
                if old is None:
                    continue
                target = label(f.related_model)
                if (target, old) in new_keys:
                    setattr(instance, f.attname, new_keys[(target, old)])
                elif f.null:
                    setattr(instance, f.attname, None)  # points to a row restored later (a cycle)
                    deferred.append((model, instance, f, target, old))
                else:
                    raise BackupError(
                        _(
                            "Das Backup ist unvollständig: %(model)s %(pk)s verweist auf fehlendes %(target)s %(old)s."
                        )
                        % {"model": model_label, "pk": old_pk, "target": target, "old": old}
                    )
            models.Model.save_base(instance, raw=True)
            new_keys[(model_label, old_pk)] = instance.pk
            counts[model_label] += 1
            for name, values in obj.m2m_data.items():
                m2m.append((instance, model._meta.get_field(name), values))
    for model, instance, f, target, old in deferred:
        if (target, old) not in new_keys:
            continue  # the row it pointed to was not part of the municipality: the reference stays empty
        model._base_manager.filter(pk=instance.pk).update(**{f.attname: new_keys[(target, old)]})
    for instance, f, values in m2m:
        target = label(f.related_model)
        getattr(instance, f.name).set([new_keys[(target, v)] for v in values if (target, v) in new_keys])
    # 3. Audit entries: about the new rows, for the new municipality.
    municipality_pk = new_keys[(label(Municipality), municipality_record["pk"])]
    for record in audit_records:
        (obj,) = serializers.python.Deserializer([dict(record, pk=None)])
        entry = obj.object
        model_class = entry.content_type.model_class()
        if model_class is not None:
            key = (label(model_class), _typed_pk(model_class, record["fields"]["object_pk"]))
            if key in new_keys:
                entry.object_pk = str(new_keys[key])
                if entry.object_id is not None:
                    entry.object_id = new_keys[key]
        if isinstance(entry.additional_data, dict) and "municipality_id" in entry.additional_data:
            entry.additional_data = dict(entry.additional_data, municipality_id=municipality_pk)
        models.Model.save_base(entry, raw=True)
        new_keys[(AUDIT_ENTRY, record["pk"])] = entry.pk
        counts[AUDIT_ENTRY] += 1
    return RestoreResult(counts=dict(counts), media=0, new_keys=new_keys)


def _typed_pk(model_class, value):
    try:
        return model_class._meta.pk.to_python(value)
    except Exception:  # noqa: BLE001 - an entry about a row of an unusual key stays as it is
        return value


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


def archive_bytes(municipality=None) -> bytes:
    out = io.BytesIO()
    write_backup(out, municipality)
    return out.getvalue()


def default_file_name(municipality=None) -> str:
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    return f"teilhabe-{municipality.slug if municipality else 'installation'}-{stamp}.zip"
