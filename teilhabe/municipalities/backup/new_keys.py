"""Restoring one municipality into any installation: every row gets a new primary key, and every reference to
it (foreign keys, many-to-many, the audit entries' object ids and municipality id) follows. Users are matched
by username."""

import json
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from .archive import BackupError, RestoreResult
from .scope import AUDIT_ENTRY, backed_up_models, label


def restore_municipality(records):
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
                if not (f.is_relation and (f.many_to_one or f.one_to_one)) or f.related_model in (
                    user_model,
                    ContentType,
                ):
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
            entry.changes = remap_changes(model_class, entry.changes, new_keys)
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


def remap_changes(model_class, changes, new_keys):
    """An audit entry's recorded changes with every foreign key value under the restored row's new key.

    auditlog records a foreign key as the related row's key (`{"goal": ["12", "15"]}`), and the audit pages
    show the row of that key. Left as it was, a restored entry would name whatever row of the new installation
    has the old key, perhaps another municipality's. A key whose row is not in the backup (deleted since)
    becomes `"#12"`: the audit pages show it as they showed a deleted row before, and it matches no row.
    """
    as_text = isinstance(changes, str)
    if as_text:
        try:
            changes = json.loads(changes)
        except ValueError:
            return changes
    if not isinstance(changes, dict):
        return changes
    remapped = {}
    for name, values in changes.items():
        try:
            model_field = model_class._meta.get_field(name)
        except FieldDoesNotExist:
            model_field = None
        is_reference = (
            model_field is not None
            and model_field.concrete
            and model_field.is_relation
            and (model_field.many_to_one or model_field.one_to_one)
        )
        if is_reference and isinstance(values, list):
            values = [_new_reference(model_field.related_model, value, new_keys) for value in values]
        remapped[name] = values
    return json.dumps(remapped) if as_text else remapped


def _new_reference(related_model, value, new_keys):
    if value is None or value in ("None", ""):
        return value
    key = (label(related_model), _typed_pk(related_model, value))
    if key in new_keys:
        return str(new_keys[key]) if isinstance(value, str) else new_keys[key]
    return f"#{value}"
