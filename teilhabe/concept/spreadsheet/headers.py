"""Recognising column headers in the many wordings municipal spreadsheets use.

Headers are compared in a compact form: lower case, umlauts and ß spelled out (ä -> ae, ß -> ss), text in
parentheses dropped, everything but letters and digits removed. "Maßnahmen-Nr.", "Massnahmen Nr" and
"MASSNAHMENNR" all become "massnahmennr".
"""

import re
import unicodedata

# role -> accepted headers (written naturally; compacted below).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "field_number": (
        "Nr. Handlungsfeld",
        "Handlungsfeld Nr.",
        "Handlungsfeld-Nr.",
        "Handlungsfeldnummer",
        "Nummer Handlungsfeld",
        "HF-Nr.",
        "Nr. HF",
        "HF Nummer",
    ),
    "field": (
        "Handlungsfeld",
        "Handlungsfelder",
        "HF",
        "Themenfeld",
        "Handlungsfeld Titel",
        "Titel Handlungsfeld",
        "Bezeichnung Handlungsfeld",
        "Handlungsfeld Bezeichnung",
        "Name Handlungsfeld",
    ),
    "goal_number": (
        "Ziel Nr.",
        "Ziel-Nr.",
        "Zielnummer",
        "Nr. Ziel",
        "Nummer Ziel",
        "Z-Nr.",
        "Ziel Nummer",
    ),
    "goal": (
        "Ziel",
        "Ziele",
        "Zielsetzung",
        "Teilziel",
        "Teilziele",
        "Ziel Titel",
        "Titel Ziel",
        "Ziel Bezeichnung",
        "Bezeichnung Ziel",
        "Handlungsziel",
        "Handlungsziele",
    ),
    "measure_number": (
        "Maßnahme Nr.",
        "Maßnahmen-Nr.",
        "Maßnahmennummer",
        "Nr. Maßnahme",
        "Nummer Maßnahme",
        "M-Nr.",
        "Maßnahme Nummer",
        "Maßnahmennr.",
    ),
    "measure": (
        "Maßnahme",
        "Maßnahmen",
        "Maßnahmentitel",
        "Titel Maßnahme",
        "Maßnahme Titel",
        "Bezeichnung Maßnahme",
        "Maßnahme Bezeichnung",
        "Maßnahmenbezeichnung",
        "Titel",
        "Bezeichnung",
    ),
    "description": (
        "Beschreibung",
        "Maßnahmenbeschreibung",
        "Beschreibung der Maßnahme",
        "Erläuterung",
        "Erläuterungen",
        "Inhalt",
        "Inhalte",
        "Details",
    ),
    "lead": (
        "Federführung",
        "federführend",
        "Federführende Stelle",
        "Verantwortlich",
        "Verantwortliche Stelle",
        "Verantwortlichkeit",
        "Zuständig",
        "Zuständigkeit",
        "Zuständige Stelle",
        "Federf.",
    ),
    "involved": (
        "Beteiligte",
        "beteiligt",
        "Beteiligte Stellen",
        "Weitere Beteiligte",
        "Kooperationspartner",
        "Kooperationspartnerinnen",
        "Partner",
        "Kooperation",
        "Mitwirkende",
        "Mitwirkung",
        "Beteiligung",
    ),
    "timeframe": (
        "Zeitraum",
        "Zeitrahmen",
        "Zeitplan",
        "Umsetzungszeitraum",
        "Zeithorizont",
        "Laufzeit",
        "Zeitschiene",
        "Umsetzung bis",
        "Termin",
    ),
    "start": ("Beginn", "Start", "Von", "Umsetzung ab", "Startdatum", "Beginn der Umsetzung", "ab"),
    "end": ("Ende", "Bis", "Enddatum", "Abschluss", "Ende der Umsetzung"),
    "status": (
        "Status",
        "Umsetzungsstand",
        "Stand der Umsetzung",
        "Umsetzungsstatus",
        "Stand",
        "Status der Umsetzung",
    ),
    "status_note": (
        "Sachstand",
        "Sachstandsmeldung",
        "Bemerkung",
        "Bemerkungen",
        "Anmerkung",
        "Anmerkungen",
        "Kommentar",
        "Was wurde getan",
        "Erläuterung zum Stand",
    ),
    "priority": ("Priorität", "Prio", "Prioritäten", "Dringlichkeit"),
    "indicator": (
        "Indikator",
        "Indikatoren",
        "Erfolgsindikator",
        "Erfolgsindikatoren",
        "Messgröße",
        "Kennzahl",
        "Kennzahlen",
        "Erfolgskriterium",
        "Erfolgskriterien",
    ),
    "cost_note": (
        "Kosten",
        "Finanzierung",
        "Kosten / Finanzierung",
        "Kosten und Finanzierung",
        "Kosten/Finanzierung",
        "Mittel",
        "Haushaltsmittel",
        "Fördermittel",
        "Ressourcen",
    ),
    "tags": ("Schlagworte", "Schlagwort", "Stichworte", "Stichwort", "Tags"),
    "focus": ("Schwerpunkt", "Schwerpunkte", "Schwerpunktjahr", "Schwerpunktjahre", "Jahresschwerpunkt"),
    "next_steps": ("Nächste Schritte", "Weitere Schritte", "Geplante Schritte"),
    "obstacles": ("Hindernisse", "Schwierigkeiten", "Probleme", "Hemmnisse"),
    "reported_by": ("Gemeldet von", "Meldung von"),
    "reported_at": ("Gemeldet am", "Meldung am", "Datum der Meldung"),
}

# Headers that only say "number": their level is the one of the next title column to the right.
BARE_NUMBER = ("Nr.", "Nummer", "Lfd. Nr.", "Lfd. Nummer", "Laufende Nummer", "#", "No.")

# Human names of roles for messages, in German.
ROLE_LABELS: dict[str, str] = {
    "field_number": "Nr. Handlungsfeld",
    "field": "Handlungsfeld",
    "goal_number": "Ziel-Nr.",
    "goal": "Ziel",
    "measure_number": "Maßnahmen-Nr.",
    "measure": "Maßnahme",
    "description": "Beschreibung",
    "lead": "Federführung",
    "involved": "Beteiligte",
    "timeframe": "Zeitraum",
    "start": "Beginn",
    "end": "Ende",
    "status": "Status",
    "status_note": "Sachstand",
    "priority": "Priorität",
    "indicator": "Indikator",
    "cost_note": "Kosten / Finanzierung",
    "tags": "Schlagworte",
    "focus": "Schwerpunkt",
    "next_steps": "Nächste Schritte",
    "obstacles": "Hindernisse",
    "reported_by": "Gemeldet von",
    "reported_at": "Gemeldet am",
}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


def fold(text: str) -> str:
    """Lower case with umlauts spelled out and whitespace collapsed: for comparing names and labels."""
    text = unicodedata.normalize("NFC", str(text)).lower().translate(_UMLAUTS)
    return " ".join(text.split())


def compact(text: str) -> str:
    """The form in which headers are compared: folded, parentheses dropped, letters and digits only."""
    text = re.sub(r"\([^)]*\)", " ", str(text))
    text = fold(text).replace("*", "")
    return re.sub(r"[^0-9a-z#]", "", text)


_LOOKUP: dict[str, str] = {compact(word): role for role, words in SYNONYMS.items() for word in words}
_BARE = {compact(word) for word in BARE_NUMBER}
BARE = "number"  # pseudo role of a bare "Nr." column


def match_header(text) -> str | None:
    """The role a header cell stands for, "number" for a bare number column, or None."""
    if text is None:
        return None
    key = compact(text)
    if not key:
        return None
    if key in _BARE:
        return BARE
    if key in _LOOKUP:
        return _LOOKUP[key]
    # "Beteiligte / Kooperationspartner", "Zeitraum - Beginn": every recognised part must agree.
    parts = [compact(part) for part in re.split(r"[/,;\n–-]| und ", str(text)) if compact(part)]
    roles = {_LOOKUP[part] for part in parts if part in _LOOKUP}
    if len(roles) == 1:
        return roles.pop()
    return None
