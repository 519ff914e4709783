"""The activities spreadsheet layout, declared once: one row per activity.

The export of a year (transfer/exporting.py), the import (transfer/importing.py) and the template file read
these columns. "Nr." is Teilhabe's number of the activity: a row with a number updates that activity, a row
without one creates a new activity, so an exported file imports back unchanged. Names (place, target groups,
organisations, measures) are written as the office reads them and matched again on import.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from teilhabe.activities.models import Activity, ActivityPartner
from teilhabe.directory.layout import parse_date, parse_languages
from teilhabe.sheets import CellError, Col, Layout, choice
from teilhabe.sheets.layout import text

#: Separator of several names in one cell (organisations, target groups, measures, activities).
SEPARATOR = "; "
_SPLIT = re.compile(r"\s*[;\n]\s*")


def names(value) -> list[str]:
    """Names in one cell, separated by ";" or line breaks, without blanks and repeats."""
    found = []
    for part in _SPLIT.split(text(value)):
        if part and part not in found:
            found.append(part)
    return found


def parse_number(value):
    cell = text(value)
    if not cell:
        return None
    if cell.startswith("#"):
        cell = cell[1:]
    if not cell.isdigit():
        raise CellError(_("„%(value)s“ ist keine Nummer einer Aktivität.") % {"value": cell})
    return int(cell)


def _labels(choices, extra: dict) -> dict:
    """Words for a closed list: the German labels, the stored values and extra spellings."""
    words = {str(value): value for value, _label in choices}
    words.update(extra)
    return words


def parse_kind(value):
    words = _labels(Activity.Kind.choices, {})
    words.update({str(label): value for value, label in _german(Activity.Kind)})
    found = choice(
        words,
        lambda cell: (
            _("„%(value)s“ ist keine bekannte Art (%(choices)s).")
            % {"value": cell, "choices": ", ".join(label for _v, label in _german(Activity.Kind))}
        ),
    )(value)
    return found or None  # blank: a new activity is an event, an existing one keeps its kind


def parse_state(value):
    extra = {"Überlegung": "idea", "in Planung": "planned", "abgeschlossen": "done", "erledigt": "done"}
    words = _labels(Activity.State.choices, extra)
    words.update({str(label): value for value, label in _german(Activity.State)})
    found = choice(
        words,
        lambda cell: (
            _("„%(value)s“ ist kein bekannter Stand (Idee, geplant, durchgeführt, abgesagt).")
            % {"value": cell}
        ),
    )(value)
    return found or None


def _german(choices_class):
    """The choices with their German labels (the file's words do not depend on the interface language)."""
    from django.utils import translation

    with translation.override("de"):
        return [(value, str(label)) for value, label in choices_class.choices]


def parse_time(value):
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel keeps a time as a fraction of a day
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60, minutes % 60)
    cell = text(value).lower().removesuffix("uhr").strip()
    if not cell:
        return None
    for pattern in ("%H:%M", "%H.%M", "%H:%M:%S", "%H"):
        try:
            return datetime.datetime.strptime(cell, pattern).time()
        except ValueError:
            continue
    raise CellError(_("„%(value)s“ ist keine Uhrzeit (bitte HH:MM, z. B. 15:30).") % {"value": text(value)})


def parse_dates(value):
    """Several dates in one cell (ausgenommene Termine): 21.05.2024; 28.05.2024."""
    days, bad = [], []
    for part in re.split(r"\s*[;,\n]\s*|\s+", text(value)):
        if not part:
            continue
        try:
            day = parse_date(part)
        except CellError:
            bad.append(part)
            continue
        if day not in days:
            days.append(day)
    if bad:
        raise CellError(*(_("„%(value)s“ ist kein Datum (bitte TT.MM.JJJJ).") % {"value": b} for b in bad))
    return sorted(days)


def parse_count(value):
    if isinstance(value, bool):
        raise CellError(_("Bitte eine ganze Zahl eintragen."))
    if isinstance(value, int):
        if value < 0:
            raise CellError(_("Die Zahl darf nicht negativ sein."))
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    cell = text(value).replace(".", "")
    if not cell:
        return None
    if not cell.isdigit():
        raise CellError(_("„%(value)s“ ist keine ganze Zahl.") % {"value": text(value)})
    return int(cell)


def parse_money(value):
    if isinstance(value, bool):
        raise CellError(_("Bitte einen Betrag in Euro eintragen."))
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    else:
        cell = text(value).replace("€", "").replace("EUR", "").strip()
        if not cell:
            return None
        if "," in cell:  # German: 1.234,50
            cell = cell.replace(".", "").replace(",", ".")
        try:
            amount = Decimal(cell)
        except InvalidOperation:
            raise CellError(
                _("„%(value)s“ ist kein Betrag (z. B. 1.250,00).") % {"value": text(value)}
            ) from None
    if amount < 0 or amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e10"):
        raise CellError(
            _("„%(value)s“ ist kein Betrag in Euro mit höchstens zwei Nachkommastellen.")
            % {"value": text(value)}
        )
    return amount.quantize(Decimal("0.01"))


def parse_names(value):
    return names(value)


#: One column per partner role; the key is "partners_<role>".
ROLE_HEADERS = {
    ActivityPartner.Role.LEAD: ("Federführung", "federführend"),
    ActivityPartner.Role.PARTNER: ("Kooperationspartner", "Partner"),
    ActivityPartner.Role.FUNDER: ("Förderer", "Förderung"),
    ActivityPartner.Role.HOST: ("Gastgeber", "Gastgebend"),
}
#: The English headers of the role columns (English exports write them; imports read both).
ROLE_ENGLISH = {
    ActivityPartner.Role.LEAD: "Lead",
    ActivityPartner.Role.PARTNER: "Cooperation partners",
    ActivityPartner.Role.FUNDER: "Funders",
    ActivityPartner.Role.HOST: "Hosts",
}
GROUP_HEADERS = {
    "female": "Teilnehmende weiblich",
    "male": "Teilnehmende männlich",
    "diverse": "Teilnehmende divers",
    "unknown_gender": "Teilnehmende ohne Angabe Geschlecht",
    "age_0_17": "Teilnehmende unter 18",
    "age_18_26": "Teilnehmende 18 bis 26",
    "age_27_64": "Teilnehmende 27 bis 64",
    "age_65": "Teilnehmende ab 65",
}
GROUP_ENGLISH = {
    "female": "Participants female",
    "male": "Participants male",
    "diverse": "Participants diverse",
    "unknown_gender": "Participants gender not stated",
    "age_0_17": "Participants under 18",
    "age_18_26": "Participants 18 to 26",
    "age_27_64": "Participants 27 to 64",
    "age_65": "Participants 65 and over",
}

ACTIVITIES = Layout(
    "Aktivitäten",
    (
        Col(
            "number", "Nr.", english="No.", field=None, parse=parse_number, width=7,
            help="Nummer in Teilhabe; leer lassen für eine neue Aktivität", aliases=("Nummer", "ID"),
        ),
        Col("title", "Titel", english="Title", required=True, width=40, help="Titel der Aktivität (Pflicht)"),
        Col(
            "kind", "Art", english="Kind", parse=parse_kind, width=16,
            help="Veranstaltung, Reihe, Projekt, Kampagne, Schulung, Veröffentlichung oder Beratung",
        ),
        Col(
            "state", "Stand", english="State", parse=parse_state, width=13, help="Idee, geplant, durchgeführt oder abgesagt",
            aliases=("Status",),
        ),
        Col("state_since", "Stand seit", english="State since", field=None, parse=parse_date, width=11, help="TT.MM.JJJJ"),
        Col("summary", "Kurzbeschreibung", english="Summary", width=40),
        Col("description", "Beschreibung", english="Description", width=50),
        Col("starts_on", "Datum", english="Date", parse=parse_date, width=11, help="Erster Tag, TT.MM.JJJJ", aliases=("Beginn", "von")),
        Col(
            "ends_on", "letzter Tag", english="Last day", parse=parse_date, width=11, help="Nur bei mehrtägigen Angeboten",
            aliases=("bis", "Ende Datum", "Enddatum"),
        ),
        Col("start_time", "Uhrzeit von", english="Time from", parse=parse_time, width=8, help="HH:MM", aliases=("Beginn Uhrzeit",)),
        Col("end_time", "Uhrzeit bis", english="Time to", parse=parse_time, width=8, help="HH:MM", aliases=("Ende Uhrzeit",)),
        Col(
            "recurrence", "Wiederholung", english="Recurrence", width=30, aliases=("RRULE",),
            help="Regel nach RFC 5545, z. B. FREQ=WEEKLY;BYDAY=TU;UNTIL=20240630",
        ),
        Col("exdates", "ausgenommene Termine", english="Excluded dates", parse=parse_dates, width=24, help="TT.MM.JJJJ; TT.MM.JJJJ"),
        Col("venue", "Ort", english="Venue", width=28, help="Name des Veranstaltungsorts; ein neuer Name wird als Ort angelegt",
            aliases=("Veranstaltungsort",)),
        Col("languages", "Sprachen", english="Languages", parse=parse_languages, width=24, help="Getrennt durch Komma"),
        Col("target_groups", "Zielgruppen", english="Target groups", parse=parse_names, width=30, help="Getrennt durch ;"),
        *(
            Col(
                f"partners_{role}", header, english=ROLE_ENGLISH[role], field=None, parse=parse_names, width=30, aliases=(alias,),
                help="Organisationen aus dem Adressbuch, getrennt durch ;",
            )
            for role, (header, alias) in ROLE_HEADERS.items()
        ),
        Col(
            "measures", "Maßnahmen", english="Measures", parse=parse_names, width=16, aliases=("Maßnahmen-Nr.",),
            help="Nummern der Maßnahmen des Integrationskonzepts, z. B. 1.2.3; 2.1.1",
        ),
        Col("focus", "Schwerpunkt", english="Focus", width=24, help="Titel eines Jahresschwerpunkts"),
        Col("participants_expected", "Teilnehmende erwartet", english="Participants expected", parse=parse_count, width=10),
        Col("participants_actual", "Teilnehmende tatsächlich", english="Participants actual", parse=parse_count, width=10),
        *(
            Col(f"group_{key}", header, english=GROUP_ENGLISH[key], field=None, parse=parse_count, width=10)
            for key, header in GROUP_HEADERS.items()
        ),
        Col("costs", "Kosten", english="Costs", parse=parse_money, width=12, help="Euro, z. B. 1.250,00", aliases=("Kosten Euro",)),
        Col("funding_note", "Finanzierung", english="Funding", width=30),
        Col("outcomes", "Ergebnisse", english="Outcomes", width=40),
        Col(
            "arose_from", "entstanden aus", english="Arose from", parse=parse_names, width=30,
            help="Titel anderer Aktivitäten (oder #Nr.), getrennt durch ;",
        ),
    ),
    english="Activities",
)  # fmt: skip

PARTNER_KEYS = {role: f"partners_{role}" for role in ROLE_HEADERS}
GROUP_KEYS = {key: f"group_{key}" for key in GROUP_HEADERS}
