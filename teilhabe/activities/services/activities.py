"""Named actions on activities: each saves with save() (so the audit trail records it), keeps the dates and
the state history in step, and sends what it must (services/notifications.py, after commit)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.activities import signals
from teilhabe.activities.models import Activity, ActivityPartner, ActivityStateChange
from teilhabe.activities.services import notifications
from teilhabe.activities.services.dates import RecurrenceError, check_rule, sync_dates

#: Plain fields `save_activity` takes from its `values`.
FIELDS = (
    "title", "kind", "summary", "description", "starts_on", "ends_on", "start_time", "end_time",
    "recurrence", "exdates", "venue", "languages", "focus", "participants_expected", "participants_actual",
    "participants_by_group", "costs", "funding_note", "outcomes", "public",
)  # fmt: skip
M2M = ("target_groups", "measures", "arose_from")


def _check(activity):
    errors = {}
    if activity.ends_on and not activity.starts_on:
        errors["ends_on"] = _("Ein letzter Tag braucht ein Datum für den Beginn.")
    elif activity.ends_on and activity.ends_on < activity.starts_on:
        errors["ends_on"] = _("Der letzte Tag liegt vor dem Beginn.")
    times = activity.start_time and activity.end_time
    if times and activity.end_time <= activity.start_time and not activity.is_multi_day:
        errors["end_time"] = _("Das Ende liegt vor dem Beginn.")
    try:
        check_rule(activity)
    except RecurrenceError as error:
        errors["recurrence"] = str(error)
    if activity.state == Activity.State.DONE and not activity.starts_on:
        errors["starts_on"] = _("Eine durchgeführte Aktivität braucht ein Datum.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_activity(municipality, user, values: dict, activity: Activity | None = None, organisation=None):
    """Create (activity=None) or update an activity from plain values; M2M values are lists of objects.

    A new activity starts in the state `values.get("state", idea)` with its first history row; an editor's
    organisation (`organisation`) becomes its lead, so the editor can go on editing it."""
    created = activity is None
    if created:
        activity = Activity(municipality=municipality, created_by=user)
        activity.state = values.get("state") or Activity.State.IDEA
    for name in FIELDS:
        if name in values:
            setattr(activity, name, values[name])
    activity.exdates = sorted({str(day) for day in activity.exdates or []})
    _check(activity)
    activity.save()
    for name in M2M:
        if name in values:
            getattr(activity, name).set([obj for obj in values[name] if obj != activity])
    if created:
        ActivityStateChange.objects.create(
            municipality=municipality,
            activity=activity,
            state=activity.state,
            reached_on=values.get("state_reached_on") or timezone.localdate(),
            changed_by=user,
        )
        if organisation is not None:
            add_partner(activity, organisation, ActivityPartner.Role.LEAD, user)
    sync_dates(activity)
    return activity


@transaction.atomic
def change_state(activity, state: str, user, reached_on: datetime.date | None = None, note: str = ""):
    """Move the activity to `state` (see Activity.TRANSITIONS) and record the date it was reached."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if state == activity.state:
        return activity
    if state not in Activity.TRANSITIONS.get(activity.state, ()):
        raise ValidationError(
            _("Von „%(old)s“ geht es nicht zu „%(new)s“.")
            % {"old": activity.get_state_display(), "new": Activity.State(state).label}
        )
    reached_on = reached_on or timezone.localdate()
    if state == Activity.State.DONE and not activity.starts_on:
        raise ValidationError(_("Eine durchgeführte Aktivität braucht ein Datum."))
    if state == Activity.State.DONE and activity.first_on and activity.first_on > reached_on:
        raise ValidationError(_("Eine Aktivität kann nicht vor ihrem ersten Termin durchgeführt sein."))
    previous = activity.state_changes.order_by("-reached_on", "-pk").first()
    if previous and reached_on < previous.reached_on:
        raise ValidationError(
            _("Das Datum liegt vor dem letzten Statuswechsel (%(date)s).")
            % {"date": previous.reached_on.strftime("%d.%m.%Y")}
        )
    old = activity.state
    activity.state = state
    activity.save()
    change = ActivityStateChange.objects.create(
        municipality_id=activity.municipality_id,
        activity=activity,
        state=state,
        reached_on=reached_on,
        note=note,
        changed_by=user,
    )
    if Activity.State.CANCELLED in (old, state):
        sync_dates(activity)
    notifications.state_changed(activity, change, user)
    signals.state_changed.send(Activity, activity=activity, old=old, state=state, user=user)
    return activity


def add_partner(activity, organisation, role, user):
    if organisation.municipality_id != activity.municipality_id:
        raise ValidationError(_("Die Organisation gehört nicht zu dieser Kommune."))
    partner, created = ActivityPartner.objects.get_or_create(
        municipality_id=activity.municipality_id, activity=activity, organisation=organisation, role=role
    )
    if created:
        notifications.partner_added(partner, user)
    return partner


def remove_partner(partner, user):
    partner.delete()


@transaction.atomic
def delete_activity(activity, user):
    activity.delete()


def state_reached(activity, state) -> datetime.date | None:
    """The date the activity last reached `state` (from prefetched state_changes where given)."""
    days = [change.reached_on for change in activity.state_changes.all() if change.state == state]
    return max(days) if days else None
