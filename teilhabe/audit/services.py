"""Reading and writing the audit trail (django-auditlog's LogEntry) within one municipality.

Other apps show an object's history with `history_for(obj)` (two queries: the entries with their actors, and
one per kind of foreign key named in them) and the include `audit/history.html`, or simply
`{% load audit %}{% history obj %}`.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.formatting import number
from teilhabe.municipalities.models import MunicipalityOwned

ACTION_LABELS = {
    LogEntry.Action.CREATE: gettext_lazy("angelegt"),
    LogEntry.Action.UPDATE: gettext_lazy("geändert"),
    LogEntry.Action.DELETE: gettext_lazy("gelöscht"),
    LogEntry.Action.ACCESS: gettext_lazy("abgerufen"),
}
# Fields never shown in a history: the tenant and bookkeeping columns.
HIDDEN_FIELDS = {"id", "municipality", "sort_key"}
EMPTY = ""


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    entry: LogEntry
    action: str
    event: str
    actor: str
    object_type: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def timestamp(self):
        return self.entry.timestamp

    @property
    def object_repr(self):
        return self.entry.object_repr


# -- reading ----------------------------------------------------------------------------------------------


def entries_for_municipality(municipality):
    # Every audited model stores its municipality in additional_data (MunicipalityOwned.get_additional_data).
    return (
        LogEntry.objects.filter(additional_data__municipality_id=municipality.pk)
        .select_related("actor")
        .order_by("-timestamp", "-pk")
    )


def entries_for_object(obj):
    return LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp", "-pk")


def history_for(obj, limit=30):
    """The newest `limit` entries about `obj`, ready to show (labels, from → to), newest first."""
    return describe_entries(list(entries_for_object(obj)[:limit]))


def audited_models():
    """The registered models whose entries carry a municipality, sorted by their German name."""
    found = [
        m
        for m in auditlog.get_models()
        if issubclass(m, MunicipalityOwned) or hasattr(m, "get_additional_data")
    ]
    return sorted(found, key=lambda m: str(m._meta.verbose_name_plural))


def filter_entries(
    entries, *, model=None, object_id=None, action=None, actor=None, since=None, until=None, text=""
):
    """Narrow a LogEntry queryset by the log page's filters (all optional)."""
    if model is not None:
        entries = entries.filter(content_type=ContentType.objects.get_for_model(model))
        if object_id is not None:
            entries = entries.filter(object_id=object_id)
    if action is not None:
        entries = entries.filter(action=action)
    if actor is not None:
        entries = entries.filter(actor=actor)
    if since:
        entries = entries.filter(timestamp__gte=_start_of(since))
    if until:
        entries = entries.filter(timestamp__lt=_start_of(until + datetime.timedelta(days=1)))
    if text:
        entries = entries.filter(
            Q(object_repr__icontains=text) | Q(changes_text__icontains=text) | Q(changes__icontains=text)
        )
    return entries


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# -- describing entries for people ------------------------------------------------------------------------


def describe_entries(entries):
    """Turn LogEntry rows into HistoryEntry items with human field names and values.

    Foreign keys are stored as ids; they are resolved with one query per related model for all entries.
    """
    related_ids = {}
    for entry in entries:
        model = _model_of(entry)
        for name, values in _changes(entry).items():
            model_field = _field(model, name)
            if (
                name not in HIDDEN_FIELDS
                and isinstance(model_field, models.ForeignKey)
                and isinstance(values, list | tuple)
            ):
                ids = related_ids.setdefault(model_field.related_model, set())
                ids.update(int(v) for v in values if isinstance(v, str) and v.isdigit())
    names = {
        related: {pk: str(obj) for pk, obj in related.objects.in_bulk(ids).items()}
        for related, ids in related_ids.items()
        if ids
    }
    return [_describe(entry, names) for entry in entries]


def _describe(entry, names):
    model = _model_of(entry)
    extra = entry.additional_data or {}
    changes = []
    for name, values in _changes(entry).items():
        if name in HIDDEN_FIELDS:
            continue
        model_field = _field(model, name)
        if model_field is not None and model_field.auto_created and not model_field.concrete:
            continue  # a reverse relation (e.g. an organisation's children), not a value of this object
        label = str(model_field.verbose_name) if model_field is not None else name
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = ", ".join(values.get("objects", []))
            if values.get("operation") == "add":
                changes.append(FieldChange(label, "", objects))
            else:
                changes.append(FieldChange(label, objects, ""))
            continue
        old, new = (list(values) + [None, None])[:2]
        old, new = _display(model_field, old, names), _display(model_field, new, names)
        if entry.action == LogEntry.Action.CREATE and (new == EMPTY or str(values[-1]) == "False"):
            continue  # a new object: only the fields that were filled in
        changes.append(FieldChange(label, old, new))
    return HistoryEntry(
        entry=entry,
        action=str(ACTION_LABELS.get(entry.action, entry.action)),
        event=extra.get("event_label", ""),
        actor=_actor_label(entry),
        object_type=str(model._meta.verbose_name) if model else "",
        changes=changes,
    )


def _actor_label(entry):
    if entry.actor_id:
        return str(entry.actor)
    return entry.actor_email or _("System")


def _model_of(entry):
    return ContentType.objects.get_for_id(entry.content_type_id).model_class()


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _changes(entry):
    changes = entry.changes
    if isinstance(changes, str):  # very old rows stored text
        try:
            changes = json.loads(changes)
        except ValueError:
            return {}
    return changes or {}


def _display(model_field, value, names):
    if value is None or value == "None" or value == "":
        return EMPTY
    if model_field is None:
        return str(value)
    if isinstance(model_field, models.ForeignKey):
        if isinstance(value, str) and value.isdigit():
            return names.get(model_field.related_model, {}).get(int(value), "#" + value)
        return str(value)
    if isinstance(model_field, models.BooleanField):
        return _("ja") if str(value) == "True" else _("nein")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.JSONField):
        return _display_json(model_field, value)
    if isinstance(model_field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is not None:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, datetime.UTC)
            return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    if isinstance(model_field, models.DateField):
        day = parse_date(str(value))
        if day is not None:
            return date_format(day, "SHORT_DATE_FORMAT")
    is_year = model_field.name == "year" or model_field.name.startswith("period_")  # 2023, not 2.023
    if isinstance(model_field, (models.IntegerField, models.DecimalField, models.FloatField)) and not is_year:
        try:
            return number(Decimal(str(value)))
        except (ArithmeticError, ValueError):
            return str(value)
    return str(value)


def _display_json(model_field, value):
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    if isinstance(data, list):
        if model_field.name == "languages":
            from teilhabe.languages import LANGUAGE_NAMES

            data = [LANGUAGE_NAMES.get(item, item) for item in data]
        return ", ".join(str(item) for item in data) or EMPTY
    return json.dumps(data, ensure_ascii=False)


# -- writing ----------------------------------------------------------------------------------------------


def log_event(obj, action, event_label, actor=None):
    """Record something that is not a plain save, e.g. "Auskunft heruntergeladen", with a clear label."""
    extra = obj.get_additional_data() if hasattr(obj, "get_additional_data") else {}
    extra["event_label"] = str(event_label)
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=action,
        changes={},
        changes_text=str(event_label),
        actor=actor if actor and actor.is_authenticated else None,
        additional_data=extra,
    )


def scrub_entries(obj, personal_fields, replacement, secrets):
    """Remove personal values from the audit trail.

    Every entry about `obj`: the values of `personal_fields` become `replacement`, its object_repr becomes
    str(obj) (already anonymised), serialized data is dropped. Every other entry of the same municipality
    that mentions one of `secrets` (the old e-mail, phone, name) has that text replaced too.
    Uses queryset.update(), because saving a LogEntry would let auditlog stamp the current user on it.
    Returns the number of entries changed.
    """
    secrets = [s for s in secrets if s and len(s) >= 3]
    changed = 0
    own = LogEntry.objects.get_for_object(obj)
    for entry in own:
        changes = _changes(entry)
        for name in personal_fields:
            if name in changes and isinstance(changes[name], list | tuple):
                changes[name] = [v if v in (None, "None", "", "[]") else replacement for v in changes[name]]
        changes = _replace_in(changes, secrets, replacement)
        LogEntry.objects.filter(pk=entry.pk).update(
            changes=changes,
            object_repr=str(obj),
            changes_text=_replace_in(entry.changes_text, secrets, replacement),
            serialized_data=None,
        )
        changed += 1
    if not secrets:
        return changed
    mentions = Q()
    for secret in secrets:
        escaped = json.dumps(secret)[1:-1]  # SQLite keeps JSON ASCII-escaped ("M\u00fcller")
        mentions |= Q(object_repr__icontains=secret) | Q(changes_text__icontains=secret)
        mentions |= Q(changes__icontains=secret) | Q(changes__icontains=escaped)
    others = LogEntry.objects.filter(mentions).exclude(pk__in=own.values("pk"))
    municipality_id = getattr(obj, "municipality_id", None)
    if municipality_id is not None:
        others = others.filter(additional_data__municipality_id=municipality_id)
    for entry in others:
        LogEntry.objects.filter(pk=entry.pk).update(
            changes=_replace_in(_changes(entry), secrets, replacement),
            object_repr=_replace_in(entry.object_repr, secrets, replacement),
            changes_text=_replace_in(entry.changes_text, secrets, replacement),
            serialized_data=_replace_in(entry.serialized_data, secrets, replacement),
        )
        changed += 1
    return changed


def _replace_in(data, secrets, replacement):
    """Replace every occurrence of the secrets (case-insensitive) in nested JSON-like data."""
    if isinstance(data, str):
        for secret in secrets:
            data = _replace_ci(data, secret, replacement)
        return data
    if isinstance(data, list | tuple):
        return [_replace_in(item, secrets, replacement) for item in data]
    if isinstance(data, dict):
        return {key: _replace_in(value, secrets, replacement) for key, value in data.items()}
    return data


def _replace_ci(text, secret, replacement):
    lower, needle = text.lower(), secret.lower()
    out, start = [], 0
    while True:
        index = lower.find(needle, start)
        if index < 0:
            out.append(text[start:])
            return "".join(out)
        out.append(text[start:index])
        out.append(replacement)
        start = index + len(needle)
