"""`import_activities`: read, check and save a sheet of activities (activities/layout.py), all or nothing.

A row with a number ("Nr.") updates that activity, a row without creates one. Columns a file lacks leave the
fields alone; empty cells empty them. Places and target groups the municipality does not know yet are
created (the preview says so); organisations must be in the directory and measures in the current concept,
else the row is an error. Every change goes through the named actions (services/), so it is audited and the
partners' editors are told as when the change is made on the page. Every error names file, row and column.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe import sheets
from teilhabe.activities.layout import ACTIVITIES, GROUP_KEYS, PARTNER_KEYS
from teilhabe.activities.models import Activity, TargetGroup, Venue
from teilhabe.activities.services import activities as actions
from teilhabe.activities.services import vocabulary
from teilhabe.concept.models import Focus, Measure
from teilhabe.directory.models import Organisation

#: Plain model fields a row can set, each the attribute of its column.
PLAIN = (
    "title", "kind", "summary", "description", "starts_on", "ends_on", "start_time", "end_time", "recurrence",
    "exdates", "languages", "participants_expected", "participants_actual", "costs", "funding_note", "outcomes",
)  # fmt: skip
KEYS = set(ACTIVITIES.keys())


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # "Zeile 4: Jobbörse für Geflüchtete"
    updated: list[dict] = field(default_factory=list)  # {"row", "title", "changes": [column headers]}
    unchanged: int = 0
    new_venues: list[str] = field(default_factory=list)
    new_target_groups: list[str] = field(default_factory=list)
    source: str = ""
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return _("%(new)s neu, %(changed)s geändert, %(same)s unverändert.") % {
            "new": len(self.created),
            "changed": len(self.updated),
            "same": self.unchanged,
        }


@dataclass
class Plan:
    """What one row asks for, resolved against the municipality's data."""

    row: int
    activity: Activity | None
    values: dict  # for save_activity
    state: str | None
    state_since: object
    partners: dict | None  # {role: [Organisation]} for the roles whose columns the file has
    arose_from: list[str] | None
    venue_name: str | None = None  # a place to create
    group_names: list[str] = field(default_factory=list)  # target groups to create
    changes: list[str] = field(default_factory=list)


class _Lookup:
    """The municipality's names, folded for matching."""

    def __init__(self, municipality):
        self.activities = {a.pk: a for a in Activity.objects.for_municipality(municipality)}
        organisations = list(Organisation.objects.for_municipality(municipality))
        self.organisations = {o.name.casefold(): o for o in organisations}
        self.short = {}
        for o in organisations:
            if o.short_name:
                self.short.setdefault(o.short_name.casefold(), []).append(o)
        self.venues = {v.name.casefold(): v for v in Venue.objects.for_municipality(municipality)}
        self.groups = {g.name.casefold(): g for g in TargetGroup.objects.for_municipality(municipality)}
        self.measures = {}
        for m in Measure.objects.for_municipality(municipality).filter(concept__is_current=True):
            self.measures.setdefault(m.number.casefold(), m)
        self.foci = {}
        for f in Focus.objects.for_municipality(municipality).order_by("-year"):
            self.foci.setdefault(f.title.casefold(), f)

    def organisation(self, name):
        found = self.organisations.get(name.casefold())
        if found is None and len(self.short.get(name.casefold(), [])) == 1:
            found = self.short[name.casefold()][0]
        return found


def _read(data, filename, result) -> sheets.Bound | None:
    return sheets.read_bound(
        data,
        ACTIVITIES,
        "title",
        result,
        kind="activities",
        filename=filename,
        missing=_("Keine Tabelle mit der Spalte „Titel“ gefunden; sie ist Pflicht."),
    )


def _label(key: str) -> str:
    return ACTIVITIES[key].title()


def _plan_row(bound, record, lookup: _Lookup, seen: dict, result: ImportResult) -> Plan | None:
    before = len(result.errors)
    cells = bound.values(record, result.errors)
    row = record.number

    def error(key, message):
        result.errors.append(bound.error(message, row, key))

    number = cells.get("number")
    activity = None
    if number is not None:
        activity = lookup.activities.get(number)
        if activity is None:
            error(
                "number",
                _("Eine Aktivität Nr. %(number)s gibt es nicht. Für eine neue Aktivität die Nr. leer lassen.")
                % {"number": number},
            )
        elif number in seen:
            error(
                "number",
                _("Die Nr. %(number)s steht schon in Zeile %(row)s.")
                % {"number": number, "row": seen[number]},
            )
        else:
            seen[number] = row
    if "title" in cells and not cells["title"]:
        error("title", _("Der Titel fehlt."))
    values = {name: cells[name] for name in PLAIN if name in cells}
    if values.get("kind") is None:
        values.pop("kind", None)
    if "exdates" in values:
        values["exdates"] = [day.isoformat() for day in values["exdates"]]
    plan = Plan(
        row, activity, values, cells.get("state"), cells.get("state_since"), None, cells.get("arose_from")
    )
    if bound.has("venue"):
        name = cells.get("venue", "")
        venue = lookup.venues.get(name.casefold()) if name else None
        if name and venue is None:
            plan.venue_name = name
        values["venue"] = venue
    if bound.has("target_groups"):
        groups = []
        for name in cells.get("target_groups", []):
            group = lookup.groups.get(name.casefold())
            if group is None:
                plan.group_names.append(name)
            else:
                groups.append(group)
        values["target_groups"] = groups
    if any(bound.has(key) for key in PARTNER_KEYS.values()):
        plan.partners = {}
        for role, key in PARTNER_KEYS.items():
            if not bound.has(key):
                continue
            found = []
            for name in cells.get(key, []):
                organisation = lookup.organisation(name)
                if organisation is None:
                    error(key, _("„%(name)s“ gibt es nicht im Adressbuch.") % {"name": name})
                elif organisation not in found:
                    found.append(organisation)
            plan.partners[role] = found
    if bound.has("measures"):
        measures = []
        linked = {m.number.casefold(): m for m in (activity.measures.all() if activity else [])}
        for number_text in cells.get("measures", []):
            measure = linked.get(number_text.casefold()) or lookup.measures.get(number_text.casefold())
            if measure is None:
                error(
                    "measures",
                    _("Eine Maßnahme „%(number)s“ gibt es im aktuellen Integrationskonzept nicht.")
                    % {"number": number_text},
                )
            else:
                measures.append(measure)
        values["measures"] = measures
    if bound.has("focus"):
        title = cells.get("focus", "")
        focus = lookup.foci.get(title.casefold()) if title else None
        if title and focus is None:
            error("focus", _("Einen Schwerpunkt „%(title)s“ gibt es nicht.") % {"title": title})
        values["focus"] = focus
    if any(bound.has(key) for key in GROUP_KEYS.values()):
        groups = dict(activity.participants_by_group or {}) if activity else {}
        for group, key in GROUP_KEYS.items():
            if bound.has(key):
                if cells.get(key) is None:
                    groups.pop(group, None)
                else:
                    groups[group] = cells[key]
        values["participants_by_group"] = groups
    _check_model(plan, bound, result)
    if len(result.errors) > before:
        return None
    plan.changes = _changes(plan, bound)
    return plan


def _check_model(plan: Plan, bound, result):
    """Lengths and the like, as the model declares them (PostgreSQL would refuse what SQLite stores)."""
    candidate = Activity(municipality_id=0)
    for name in PLAIN:
        if plan.activity is not None:
            setattr(candidate, name, getattr(plan.activity, name))
        if name in plan.values:
            setattr(candidate, name, plan.values[name])
    if not candidate.title:
        return
    try:
        candidate.full_clean(
            exclude=["municipality", "venue", "focus", "created_by", "state"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            key = name if name in KEYS and bound.has(name) else ""
            for message in messages:
                result.errors.append(bound.error(message, plan.row, key))


def _changes(plan: Plan, bound) -> list[str]:
    """The headers of the columns whose value differs from the stored activity (all of them for a new one)."""
    activity = plan.activity
    if activity is None:
        return []
    changed = []
    for name, value in plan.values.items():
        current = getattr(activity, name)
        if name in ("target_groups", "measures"):
            same = {o.pk for o in current.all()} == {o.pk for o in value}
        elif name == "languages":
            same = list(current or []) == list(value)
        elif name == "exdates":
            same = sorted(current or []) == sorted(value)
        elif name in ("summary", "description", "recurrence", "funding_note", "outcomes", "title"):
            same = (current or "").strip() == (value or "").strip()
        else:
            same = current == value
        if not same:
            key = name if name in KEYS else ""
            changed.append(_label(key) if key else _("Teilnehmende nach Gruppen"))
    if plan.venue_name or plan.group_names:
        for label in ([_label("venue")] if plan.venue_name else []) + (
            [_label("target_groups")] if plan.group_names else []
        ):
            if label not in changed:
                changed.append(label)
    if plan.state and plan.state != activity.state:
        changed.append(_label("state"))
    if plan.partners is not None:
        current = {}
        for partner in activity.partners.all():
            current.setdefault(partner.role, set()).add(partner.organisation_id)
        for role, organisations in plan.partners.items():
            if {o.pk for o in organisations} != current.get(role, set()):
                changed.append(_label(PARTNER_KEYS[role]))
    return changed


def _state_path(current: str, wanted: str) -> list[str]:
    """The states to pass from `current` to `wanted`: directly, or through "geplant" (every state reaches it)."""
    if current == wanted:
        return []
    if wanted in Activity.TRANSITIONS[current]:
        return [wanted]
    return [Activity.State.PLANNED, wanted]


def _errors_of(error: ValidationError, bound, row, result, fallback=""):
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            key = name if name in KEYS and bound.has(name) else fallback
            for message in messages:
                result.errors.append(bound.error(message, row, key))
    else:
        for message in error.messages:
            result.errors.append(bound.error(message, row, fallback))


def _apply(municipality, user, plan: Plan, bound, result: ImportResult, created_vocabulary: dict):
    values = dict(plan.values)
    if plan.venue_name:
        key = plan.venue_name.casefold()
        if key not in created_vocabulary["venues"]:
            created_vocabulary["venues"][key] = vocabulary.save_venue(
                municipality, user, {"name": plan.venue_name}
            )
            result.new_venues.append(plan.venue_name)
        values["venue"] = created_vocabulary["venues"][key]
    for name in plan.group_names:
        key = name.casefold()
        if key not in created_vocabulary["groups"]:
            created_vocabulary["groups"][key] = vocabulary.save_target_group(municipality, user, name)
            result.new_target_groups.append(name)
        values["target_groups"] = [*values["target_groups"], created_vocabulary["groups"][key]]
    activity = plan.activity
    today = timezone.localdate()
    try:
        if activity is None:
            values["state"] = plan.state or Activity.State.IDEA
            values["state_reached_on"] = plan.state_since or today
            activity = actions.save_activity(municipality, user, values)
            result.created.append(_("Zeile %(row)s: %(title)s") % {"row": plan.row, "title": activity.title})
        elif plan.changes:
            actions.save_activity(municipality, user, values, activity=activity)
            if plan.state:
                for state in _state_path(activity.state, plan.state):
                    activity = actions.change_state(
                        activity, state, user, reached_on=plan.state_since or today
                    )
            result.updated.append({"row": plan.row, "title": activity.title, "changes": plan.changes})
        else:
            result.unchanged += 1
    except ValidationError as error:
        _errors_of(error, bound, plan.row, result, fallback="state" if plan.state else "")
        return None
    if plan.partners is not None:
        current = list(activity.partners.all())
        for role, organisations in plan.partners.items():
            wanted = {o.pk for o in organisations}
            for partner in current:
                if partner.role == role and partner.organisation_id not in wanted:
                    actions.remove_partner(partner, user)
            have = {p.organisation_id for p in current if p.role == role}
            for organisation in organisations:
                if organisation.pk not in have:
                    actions.add_partner(activity, organisation, role, user)
    return activity


def _link_origins(municipality, user, saved: list, bound, result: ImportResult):
    """ "entstanden aus": titles (or #Nr.) of activities, looked up once every row is saved."""
    by_title = {}
    everything = {a.pk: a for a in Activity.objects.for_municipality(municipality)}
    for a in everything.values():
        by_title.setdefault(a.title.casefold(), []).append(a)
    for plan, activity in saved:
        if plan.arose_from is None:
            continue
        origins = []
        for name in plan.arose_from:
            if name.startswith("#") and name[1:].strip().isdigit():
                found = [everything[int(name[1:])]] if int(name[1:]) in everything else []
            else:
                found = by_title.get(name.casefold(), [])
            if len(found) != 1:
                message = (
                    _("Mehrere Aktivitäten heißen „%(name)s“; bitte „#Nr.“ angeben.")
                    if found
                    else _("Eine Aktivität „%(name)s“ gibt es nicht.")
                )
                result.errors.append(bound.error(message % {"name": name}, plan.row, "arose_from"))
            elif found[0].pk == activity.pk:
                result.errors.append(
                    bound.error(
                        _("Eine Aktivität kann nicht aus sich selbst entstehen."), plan.row, "arose_from"
                    )
                )
            else:
                origins.append(found[0])
        if {a.pk for a in origins} != set(activity.arose_from.values_list("pk", flat=True)):
            actions.save_activity(municipality, user, {"arose_from": origins}, activity=activity)
            label = _label("arose_from")
            entry = next((u for u in result.updated if u["row"] == plan.row), None)
            if entry is not None and label not in entry["changes"]:
                entry["changes"].append(label)
            elif entry is None and plan.activity is not None:
                result.unchanged -= 1
                result.updated.append({"row": plan.row, "title": activity.title, "changes": [label]})


def import_activities(municipality, data, *, filename: str, user=None, dry_run=False) -> ImportResult:
    """Check and save one file (bytes or path); everything or nothing. With dry_run nothing is kept."""
    result = ImportResult()
    bound = _read(data, filename, result)
    if bound is None:
        return result
    lookup = _Lookup(municipality)
    seen, plans = {}, []
    for record in bound.rows:
        plan = _plan_row(bound, record, lookup, seen, result)
        if plan is not None:
            plans.append(plan)
    if result.errors:
        return result
    with transaction.atomic():
        created_vocabulary = {"venues": {}, "groups": {}}
        saved = []
        for plan in plans:
            activity = _apply(municipality, user, plan, bound, result, created_vocabulary)
            if activity is not None:
                saved.append((plan, activity))
        if not result.errors:
            _link_origins(municipality, user, saved, bound, result)
        if result.errors or dry_run:
            transaction.set_rollback(True)
        else:
            result.applied = True
    for name in result.new_venues:
        result.warnings.append(_("Der Ort „%(name)s“ wird neu angelegt.") % {"name": name})
    for name in result.new_target_groups:
        result.warnings.append(_("Die Zielgruppe „%(name)s“ wird neu angelegt.") % {"name": name})
    return result
