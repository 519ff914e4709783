"""`teilhabe backup` / `teilhabe restore`: a restore gives back every row and every audit entry (compared as a
full dump before and after), for the whole installation and for one municipality moving elsewhere."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from teilhabe.accounts.models import Membership, User
from teilhabe.conftest import make_member
from teilhabe.directory.models import Organisation
from teilhabe.jobs.services import save_private_upload
from teilhabe.municipalities import backup
from teilhabe.municipalities.models import Municipality
from teilhabe.testing.isolation import plant_samples

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def private_dir():
    from django.conf import settings

    return Path(settings.PRIVATE_UPLOAD_DIR)


def populate(*municipalities):
    """Every kind of sample in each municipality, edits (audit entries with changes), a logo upload."""
    plant_samples(*municipalities)
    for municipality in municipalities:
        make_member(municipality, "office", f"amt@{municipality.slug}.example")
        organisation = Organisation.objects.for_municipality(municipality).first()
        organisation.name = f"{organisation.name} (umbenannt)"
        organisation.save()
        municipality.logo.save(f"{municipality.slug}.png", ContentFile(PNG))
        municipality.save()
        save_private_upload(municipality, None, ContentFile(b"Art;Name\r\n", name=f"{municipality.slug}.csv"))


def full_dump():
    """Every row of every backed-up model, serialised, per model, in key order."""
    return {
        backup.label(model): json.loads(
            __import__("django.core.serializers", fromlist=["serialize"]).serialize(
                "json", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
            )
        )
        for model in backup.backed_up_models()
    }


def wipe_everything(media):
    """Empty every backed-up table (raw deletes; foreign keys are checked at commit) and the uploads."""
    tables = []
    for model in backup.backed_up_models():
        tables.append(model._meta.db_table)
        tables.extend(
            f.remote_field.through._meta.db_table
            for f in model._meta.local_many_to_many
            if f.remote_field.through._meta.auto_created
        )
    with connection.cursor() as cursor:
        for table in reversed(tables):
            cursor.execute("DELETE FROM %s" % connection.ops.quote_name(table))
    for folder in (media, private_dir()):
        for path in folder.rglob("*"):
            if path.is_file():
                path.unlink()


def remove_municipality(municipality):
    """Take a municipality and every row pointing to it out of the database (raw deletes: closed rounds and
    protected references would refuse the ORM's delete), as if it had left for another installation."""
    with connection.cursor() as cursor:
        for model, fk in reversed(backup.municipality_models()):
            column = model._meta.get_field(fk).column
            table = connection.ops.quote_name(model._meta.db_table)
            for f in model._meta.local_many_to_many:
                through = f.remote_field.through._meta
                if through.auto_created:
                    source = f.m2m_column_name()
                    cursor.execute(
                        "DELETE FROM %s WHERE %s IN (SELECT id FROM %s WHERE %s = %%s)"
                        % (connection.ops.quote_name(through.db_table), source, table, column),
                        [municipality.pk],
                    )
            # m2m rows of other models pointing at these rows
            for other in backup.backed_up_models():
                for f in other._meta.local_many_to_many:
                    through = f.remote_field.through._meta
                    if through.auto_created and f.related_model is model:
                        cursor.execute(
                            "DELETE FROM %s WHERE %s IN (SELECT id FROM %s WHERE %s = %%s)"
                            % (
                                connection.ops.quote_name(through.db_table),
                                f.m2m_reverse_name(),
                                table,
                                column,
                            ),
                            [municipality.pk],
                        )
            cursor.execute("DELETE FROM %s WHERE %s = %%s" % (table, column), [municipality.pk])
        cursor.execute(
            "DELETE FROM %s WHERE id = %%s" % connection.ops.quote_name(Municipality._meta.db_table),
            [municipality.pk],
        )


def media_files(media):
    """Every upload on disk (media and private uploads) with its content's hash."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in (media, private_dir())
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_an_installation_backup_restores_every_row_and_audit_entry(
    municipality, other_municipality, tmp_path, media
):
    populate(municipality, other_municipality)
    # A time below the millisecond must survive too (Django's JSON encoder alone would drop it).
    entry = LogEntry.objects.order_by("pk").first()
    LogEntry.objects.filter(pk=entry.pk).update(timestamp=entry.timestamp.replace(microsecond=500))
    before, files = full_dump(), media_files(media)
    assert before["auditlog.logentry"] and before["concept.statusreport"] and before["accounts.user"]
    # two logos, two private uploads, per municipality an activity picture (original, two renditions) and a PDF,
    # the header pictures of the bulletin series the bulletin samples make (seven per municipality), and per
    # municipality the frozen PDF of a leaflet print
    assert len(files) == 28
    archive = tmp_path / "installation.zip"

    call_command("backup", str(archive), stdout=io.StringIO())
    wipe_everything(media)
    assert not any(full_dump().values())
    call_command("restore", str(archive), stdout=io.StringIO())

    assert full_dump() == before
    assert media_files(media) == files
    # New rows get fresh keys after a restore (the sequences were moved past the restored keys).
    assert Organisation.objects.create(municipality=municipality, kind="partner", name="Neu").pk > max(
        r["pk"] for r in before["directory.organisation"]
    )


def test_an_installation_is_restored_only_into_an_empty_database(municipality, tmp_path):
    populate(municipality)
    archive = tmp_path / "installation.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = full_dump()
    with pytest.raises(CommandError, match="enthält schon Daten"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert full_dump() == before


def normalised(records, old_of):
    """Archive records with every key and reference translated back to the source installation's keys."""
    from django.apps import apps

    out = []
    for record in records:
        model = apps.get_model(record["model"])
        key = lambda target, value: old_of.get((target, value), value)  # noqa: E731
        fields = dict(record["fields"])
        for f in model._meta.concrete_fields:
            if f.is_relation and (f.many_to_one or f.one_to_one) and isinstance(fields.get(f.name), int):
                fields[f.name] = key(backup.label(f.related_model), fields[f.name])
        for f in model._meta.many_to_many:
            if f.name in fields:
                fields[f.name] = sorted(key(backup.label(f.related_model), v) for v in fields[f.name])
        if record["model"] == backup.AUDIT_ENTRY:
            ct = apps.get_model(*fields["content_type"])
            typed = ct._meta.pk.to_python(fields["object_pk"])
            fields["object_pk"] = str(key(backup.label(ct), typed))
            if fields.get("object_id") is not None:
                fields["object_id"] = key(backup.label(ct), fields["object_id"])
            changes = fields.get("changes")
            if isinstance(changes, dict):  # foreign keys recorded in the changes (see backup/new_keys.py)
                fields["changes"] = {
                    name: _old_references(ct, name, values, key) for name, values in changes.items()
                }
            data = fields.get("additional_data")
            if isinstance(data, dict) and "municipality_id" in data:
                fields["additional_data"] = dict(
                    data, municipality_id=key("municipalities.municipality", data["municipality_id"])
                )
        out.append({"model": record["model"], "pk": key(record["model"], record["pk"]), "fields": fields})
    return sorted(out, key=lambda r: (r["model"], r["pk"]))


def _old_references(model, name, values, key):
    """A recorded foreign-key change with the restored rows' keys translated back ("#12": a row not in the
    backup, recorded as its old key)."""
    try:
        f = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - not a field of the model (any more)
        return values
    if not (f.concrete and f.is_relation and (f.many_to_one or f.one_to_one)) or not isinstance(values, list):
        return values
    target = backup.label(f.related_model)
    out = []
    for value in values:
        if isinstance(value, str) and value.startswith("#"):
            out.append(value[1:])
        elif isinstance(value, str) and value.isdigit():
            out.append(str(key(target, int(value))))
        else:
            out.append(value)
    return out


def test_a_municipality_moves_to_another_installation_with_all_its_data(
    municipality, other_municipality, media
):
    populate(municipality, other_municipality)
    before, _media, _private = backup.collect_municipality(municipality)
    counts = {m: n for m, n in json.loads(_manifest(backup.archive_bytes(municipality)))["counts"].items()}
    assert counts["concept.measure"] and counts["auditlog.logentry"] and counts["accounts.membership"]
    data = backup.archive_bytes(municipality)
    # The municipality leaves this installation...
    users = list(User.objects.filter(memberships__municipality=municipality))
    LogEntry.objects.filter(additional_data__municipality_id=municipality.pk).delete()
    LogEntry.objects.filter(
        object_pk__in=[str(m.pk) for m in Membership.objects.filter(municipality=municipality)]
    ).delete()
    remove_municipality(municipality)
    for user in users:
        user.delete()
    (media / "logos" / "musterstadt.png").unlink()
    for path in (private_dir()).rglob("*"):
        if path.is_file():
            path.unlink()
    # ...whose keys move on meanwhile, so the old keys are taken by other rows:
    plant_samples(other_municipality)

    result = backup.restore(io.BytesIO(data))

    moved = Municipality.objects.get(slug="musterstadt")
    after, _media, _private = backup.collect_municipality(moved)
    old_of = {(lbl, new): old for (lbl, old), new in result.new_keys.items()}
    assert_same_records(normalised(after, old_of), normalised(before, {}))
    assert len(after) == len(before)
    assert moved.logo.read() == PNG
    from teilhabe.jobs.models import PrivateUpload

    (upload,) = PrivateUpload.objects.filter(municipality=moved)
    assert upload.path.read_bytes() == b"Art;Name\r\n"
    assert any(new != old for (_lbl, old), new in result.new_keys.items())  # keys really were rewritten


def assert_same_records(after, before):
    """Record by record, field by field, so a difference names the row and the field."""
    after_by_key = {(r["model"], r["pk"]): r["fields"] for r in after}
    before_by_key = {(r["model"], r["pk"]): r["fields"] for r in before}
    assert sorted(after_by_key, key=str) == sorted(before_by_key, key=str)
    for key, fields in before_by_key.items():
        for name, value in fields.items():
            assert after_by_key[key].get(name) == value, (
                f"{key} {name}: {after_by_key[key].get(name)!r} != {value!r}"
            )
        assert after_by_key[key].keys() == fields.keys(), key


def _manifest(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("manifest.json")


def test_a_municipality_is_not_restored_twice(municipality, media):
    populate(municipality)
    data = backup.archive_bytes(municipality)
    count = Organisation.objects.count()
    with pytest.raises(backup.BackupError, match="kennt die Kommune schon"):
        backup.restore(io.BytesIO(data))
    assert Organisation.objects.count() == count


def test_an_existing_user_is_reused_and_a_restored_one_gets_no_superuser_rights(municipality, media):
    populate(municipality)
    boss = User.objects.get(email="amt@musterstadt.example")
    boss.is_superuser = True
    boss.save()
    data = backup.archive_bytes(municipality)
    remove_municipality(municipality)
    boss.delete()
    keep = User.objects.filter(memberships__isnull=True).first() or User.objects.first()
    backup.restore(io.BytesIO(data))
    restored = User.objects.get(email="amt@musterstadt.example")
    assert not restored.is_superuser and not restored.is_staff
    assert Membership.objects.filter(user=restored, municipality__slug="musterstadt").exists()
    assert keep is None or User.objects.filter(pk=keep.pk).exists()


def test_the_archive_says_what_it_holds(municipality, media):
    populate(municipality)
    data = backup.archive_bytes(municipality)
    manifest = json.loads(_manifest(data))
    assert manifest["format"] == "teilhabe-backup" and manifest["format_version"] == 1
    assert manifest["scope"] == "municipality" and manifest["municipality"] == "musterstadt"
    assert "concept" in manifest["migrations"]
    assert "logos/musterstadt.png" in manifest["media"]
    # the sample activity picture (original and two renditions) and its PDF
    assert len([name for name in manifest["media"] if name.startswith("activities/")]) == 4
    assert manifest["media"]["logos/musterstadt.png"] == hashlib.sha256(PNG).hexdigest()


def test_a_damaged_or_foreign_archive_changes_nothing(municipality, tmp_path, media):
    populate(municipality)
    data = backup.archive_bytes(municipality)
    remove_municipality(municipality)
    count = Organisation.objects.count()
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, content + b"x" if item.filename.startswith("media/") else content)
    with pytest.raises(backup.BackupError, match="beschädigt"):
        backup.restore(io.BytesIO(broken.getvalue()))
    with pytest.raises(backup.BackupError, match="kein Teilhabe-Backup"):
        backup.restore(io.BytesIO(b"not a zip"))
    newer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(newer, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(content)
                manifest["migrations"]["concept"].append("9999_from_the_future")
                content = json.dumps(manifest).encode()
            target.writestr(item, content)
    with pytest.raises(backup.BackupError, match="neueren Version"):
        backup.restore(io.BytesIO(newer.getvalue()))
    assert Organisation.objects.count() == count
    assert not Municipality.objects.filter(slug="musterstadt").exists()


def test_every_model_is_in_a_municipality_backup_or_installation_wide():
    """A new model either points to Municipality (then a municipality backup takes it) or is listed here as
    belonging to the whole installation."""
    installation_wide = {
        "admin.logentry", "auth.group", "accounts.user", "accounts.failedlogin", "auditlog.logentry",
        "accounts.singlesignonidentity", "django_tasks_database.dbtaskresult",
        "otp_static.staticdevice", "otp_static.statictoken", "otp_totp.totpdevice",
        "municipalities.municipality",
    }  # fmt: skip
    in_municipality = {backup.label(m) for m, _fk in backup.municipality_models()}
    unassigned = sorted(
        {backup.label(m) for m in backup.backed_up_models()} - in_municipality - installation_wide
    )
    assert not unassigned, (
        f"{unassigned}: give the model a foreign key to Municipality (MunicipalityOwned), or add it to "
        "installation_wide here and say in docs/backup.md why a municipality's backup leaves it out"
    )


def test_restored_audit_entries_name_the_restored_rows_not_whatever_has_the_old_key(
    municipality, other_municipality, media
):
    """auditlog records a changed reference as the related row's key. After a move the history must name the
    restored row, not the row of the new installation that has the old key (here: another municipality's),
    and a row deleted before the backup stays a bare old key that matches nothing."""
    from teilhabe.audit.services import history_for

    populate(municipality, other_municipality)
    parent = Organisation.objects.create(
        municipality=municipality, kind="department", name="Referat Soziales"
    )
    dissolved = Organisation.objects.create(municipality=municipality, kind="partner", name="Aufgelöst e. V.")
    child = Organisation.objects.create(
        municipality=municipality, kind="department", name="Amt für Integration"
    )
    for new_parent in (parent, dissolved, parent):
        child.parent = new_parent
        child.save()
    old_keys = {"parent": parent.pk, "dissolved": dissolved.pk, "child": child.pk}
    dissolved.delete()
    data = backup.archive_bytes(municipality)
    LogEntry.objects.filter(additional_data__municipality_id=municipality.pk).delete()
    users = list(User.objects.filter(memberships__municipality=municipality))
    remove_municipality(municipality)
    for user in users:
        user.delete()
    # The old keys now belong to another municipality's rows.
    for name, pk in old_keys.items():
        Organisation.objects.create(
            pk=pk, municipality=other_municipality, kind="partner", name=f"Fremd {name}"
        )

    result = backup.restore(io.BytesIO(data))

    restored = Organisation.objects.get(municipality__slug="musterstadt", name="Amt für Integration")
    restored_parent = Organisation.objects.get(municipality__slug="musterstadt", name="Referat Soziales")
    assert restored.pk != old_keys["child"] and restored_parent.pk != old_keys["parent"]
    changes = [
        (c.old, c.new)
        for item in history_for(restored)
        for c in item.changes
        if c.label == "Übergeordnete Einheit"
    ]
    assert changes == [
        ("#%s" % old_keys["dissolved"], "Referat Soziales"),
        ("Referat Soziales", "#%s" % old_keys["dissolved"]),
        ("", "Referat Soziales"),
    ], changes
    recorded = [
        e.changes["parent"] for e in LogEntry.objects.get_for_object(restored) if "parent" in e.changes
    ]
    assert [str(restored_parent.pk), "#%s" % old_keys["dissolved"]] in recorded
    assert result.new_keys[("directory.organisation", old_keys["parent"])] == restored_parent.pk
