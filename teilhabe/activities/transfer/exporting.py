"""The activities of a year in the layout of activities/layout.py, as XLSX or CSV (and the template file).

A year's activities are those with a date in the year (the lists' year filter), plus, for the current
year, the ideas without a date yet, so that nothing recorded is missing from the file."""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone, translation

from teilhabe import sheets
from teilhabe.activities.layout import ACTIVITIES, GROUP_KEYS, PARTNER_KEYS, SEPARATOR
from teilhabe.activities.models import Activity, ActivityPartner
from teilhabe.activities.services.activities import state_reached
from teilhabe.activities.services.lists import filter_activities


def year_activities(municipality, year: int):
    activities = Activity.objects.for_municipality(municipality)
    dated = filter_activities(activities, {"jahr": year})
    if year == timezone.localdate().year:
        dated = activities.filter(Q(pk__in=dated.values("pk")) | Q(first_on=None))
    return (
        dated.select_related("venue", "focus")
        .prefetch_related(
            Prefetch("partners", queryset=ActivityPartner.objects.select_related("organisation")),
            "target_groups",
            "measures",
            "arose_from",
            "state_changes",
        )
        .order_by("first_on", "start_time", "title", "pk")
    )


def _time(value: datetime.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _reference(activity, ambiguous: set[str]) -> str:
    """How one activity names another in "entstanden aus": its title, or "#Nr." where the title is not unique."""
    title = activity.title
    if title.casefold() in ambiguous or ";" in title or title.startswith("#"):
        return "#%s" % activity.pk
    return title


def _ambiguous_titles(municipality) -> set[str]:
    seen, twice = set(), set()
    for title in Activity.objects.for_municipality(municipality).values_list("title", flat=True):
        key = title.casefold()
        (twice if key in seen else seen).add(key)
    return twice


def row_values(activity, ambiguous: set[str], *, dates_as_text=False) -> dict:
    """{column key: cell value} of one activity."""

    def day(value):
        if value and dates_as_text:
            return value.strftime("%d.%m.%Y")
        return value

    with translation.override("de"):
        values = {
            "number": activity.pk,
            "title": activity.title,
            "kind": str(activity.get_kind_display()),
            "state": str(activity.get_state_display()),
            "state_since": day(state_reached(activity, activity.state)),
            "summary": activity.summary,
            "description": activity.description,
            "starts_on": day(activity.starts_on),
            "ends_on": day(activity.ends_on),
            "start_time": _time(activity.start_time),
            "end_time": _time(activity.end_time),
            "recurrence": activity.recurrence,
            "exdates": SEPARATOR.join(d.strftime("%d.%m.%Y") for d in activity.exdate_values()),
            "venue": activity.venue.name if activity.venue else "",
            "languages": ", ".join(activity.language_names()),
        }
    values["target_groups"] = SEPARATOR.join(g.name for g in activity.target_groups.all())
    partners = list(activity.partners.all())
    for role, key in PARTNER_KEYS.items():
        values[key] = SEPARATOR.join(p.organisation.name for p in partners if p.role == role)
    values["measures"] = SEPARATOR.join(
        m.number for m in sorted(activity.measures.all(), key=lambda m: (m.sort_key, m.pk))
    )
    values["focus"] = activity.focus.title if activity.focus else ""
    values["participants_expected"] = activity.participants_expected
    values["participants_actual"] = activity.participants_actual
    groups = activity.participants_by_group or {}
    for group, key in GROUP_KEYS.items():
        values[key] = groups.get(group)
    values["costs"] = activity.costs
    values["funding_note"] = activity.funding_note
    values["outcomes"] = activity.outcomes
    values["arose_from"] = SEPARATOR.join(
        _reference(other, ambiguous) for other in sorted(activity.arose_from.all(), key=lambda a: a.pk)
    )
    return values


def rows(municipality, year: int, *, dates_as_text=False):
    ambiguous = _ambiguous_titles(municipality)
    for activity in year_activities(municipality, year):
        yield ACTIVITIES.out_row(row_values(activity, ambiguous, dates_as_text=dates_as_text))


def sheet_title(year: int) -> str:
    return "%s %s" % (ACTIVITIES.title(), year)


def export_xlsx(municipality, year: int) -> bytes:
    return sheets.write_xlsx(
        [sheets.Out(sheet_title(year), ACTIVITIES.out_columns(), rows(municipality, year))]
    )


def export_csv(municipality, year: int, *, encoding="utf-8-sig", delimiter=";") -> bytes:
    """Raises SheetError when the encoding cannot hold a value."""
    return sheets.write_csv(
        ACTIVITIES.headers(),
        rows(municipality, year, dates_as_text=True),
        encoding=encoding,
        delimiter=delimiter,
    )


EXAMPLE = {
    "title": "Sprachcafé im Mehrgenerationenhaus",
    "kind": "Reihe",
    "state": "geplant",
    "summary": "Deutsch sprechen bei Kaffee und Kuchen",
    "starts_on": datetime.date(2025, 1, 14),
    "start_time": "15:00",
    "end_time": "17:00",
    "recurrence": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20250624",
    "exdates": "22.04.2025",
    "venue": "Mehrgenerationenhaus",
    "languages": "Deutsch, Ukrainisch",
    "target_groups": "neu zugewanderte Frauen",
    "participants_expected": 15,
}


def template_xlsx() -> bytes:
    """The empty layout with one example row and a sheet explaining each column."""
    from openpyxl.comments import Comment

    notes = [[col.header, "ja" if col.required else "", col.help] for col in ACTIVITIES]
    outs = [
        sheets.Out(ACTIVITIES.name, ACTIVITIES.out_columns(), [ACTIVITIES.out_row(EXAMPLE)]),
        sheets.Out(
            "Hinweise",
            [
                sheets.Column("Spalte", width=30),
                sheets.Column("Pflicht", width=8),
                sheets.Column("Inhalt", width=70),
            ],
            notes,
            notes=[
                "Eine Zeile je Aktivität. Die Beispielzeile bitte überschreiben oder löschen.",
                "Der Import ist „alles oder nichts“: Bei einem Fehler wird nichts gespeichert und jeder Fehler "
                "mit Zeile und Spalte genannt.",
                "Ein Export aus Teilhabe kann bearbeitet und wieder importiert werden; Zeilen mit Nr. ändern "
                "die Aktivität mit dieser Nummer, Zeilen ohne Nr. legen neue an.",
            ],
        ),
    ]
    workbook = sheets.build(outs)
    header = workbook[ACTIVITIES.name]
    for index, col in enumerate(ACTIVITIES, 1):
        if col.help:
            header.cell(1, index).comment = Comment(col.help, "Teilhabe")
    return sheets.workbook_bytes(workbook)
