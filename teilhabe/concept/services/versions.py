"""Optimistic locking: two people editing the same measure or status report at once.

Each form carries the version of the row it was opened on. Saving moves the row's version from that number
to the next in one conditional UPDATE, inside the caller's transaction: if someone saved in between, no row
matches and the save is refused with a German message; the form is shown again with the person's input, now
carrying the current version, so saving once more (after comparing) is a deliberate decision, never a silent
overwrite. The UPDATE also holds the row lock until the transaction ends, so a concurrent save waits and then
fails its own condition.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    def __init__(self, message, current_version):
        super().__init__(message)
        self.message_text = message
        self.current_version = current_version


def claim_version(instance, expected_version, what):
    """Move `instance`'s row from `expected_version` to the next version, or raise EditConflict naming who
    saved meanwhile. `what` is the German noun phrase for the message ("Diese Maßnahme")."""
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=expected_version).update(version=F("version") + 1)
    if not updated:
        current = model.objects.filter(pk=instance.pk).values_list("version", flat=True).first()
        raise EditConflict(conflict_message(instance, what), current or 0)
    instance.version = expected_version + 1


def conflict_message(instance, what):
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(instance).select_related("actor").first()
    if entry is not None and entry.actor is not None:
        return _(
            "%(what)s wurde inzwischen von %(name)s geändert. Ihre Eingaben wurden nicht gespeichert und "
            "stehen noch im Formular. Bitte vergleichen Sie sie mit dem aktuellen Stand (in einem neuen Tab) "
            "und speichern Sie erneut, wenn Ihre Fassung gelten soll."
        ) % {"what": what, "name": entry.actor.get_full_name() or entry.actor.email}
    return _(
        "%(what)s wurde inzwischen von jemand anderem geändert. Ihre Eingaben wurden nicht gespeichert und "
        "stehen noch im Formular. Bitte vergleichen Sie sie mit dem aktuellen Stand (in einem neuen Tab) und "
        "speichern Sie erneut, wenn Ihre Fassung gelten soll."
    ) % {"what": what}


def with_version(data, version):
    """A copy of the POST data carrying `version`, to show the form again after a conflict."""
    data = data.copy()
    data["version"] = str(version)
    return data
