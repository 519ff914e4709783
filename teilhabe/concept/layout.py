"""The concept spreadsheet layout, declared once: one row per measure.

The exporter and the shipped template write these columns in this order (header, width, the help text as a
header comment, "Pflicht" for the required ones); the reader (spreadsheet/headers.py) recognises every
spelling listed here, and the importer writes each column into the model attribute named by `field`.
Municipal sheets head their columns in many ways: the aliases are compared folded (case, umlauts, spaces,
punctuation and text in parentheses ignored, see ``sheets.compact``).
"""

from teilhabe.sheets import Col, Layout

# The standard columns, in the order of exports and of the shipped template.
STANDARD = (
    Col(
        "field_number", "Handlungsfeld Nr.", english="Field of action no.", field=None, width=8,
        help="Nummer des Handlungsfelds, z. B. 1",
        aliases=(
            "Nr. Handlungsfeld", "Handlungsfeld-Nr.", "Handlungsfeldnummer", "Nummer Handlungsfeld", "HF-Nr.",
            "Nr. HF", "HF Nummer",
        ),
    ),
    Col(
        "field", "Handlungsfeld", english="Field of action", field=None, width=28, required=True,
        help="Titel des Handlungsfelds, z. B. Sprache und Bildung",
        aliases=(
            "Handlungsfelder", "HF", "Themenfeld", "Handlungsfeld Titel", "Titel Handlungsfeld",
            "Bezeichnung Handlungsfeld", "Handlungsfeld Bezeichnung", "Name Handlungsfeld",
        ),
    ),
    Col(
        "goal_number", "Ziel Nr.", english="Goal no.", field=None, width=8, help="Nummer des Ziels, z. B. 1.2 (oder nur 2)",
        aliases=("Ziel-Nr.", "Zielnummer", "Nr. Ziel", "Nummer Ziel", "Z-Nr.", "Ziel Nummer"),
    ),
    Col(
        "goal", "Ziel", english="Goal", field=None, width=36, required=True, help="Titel des Ziels",
        aliases=(
            "Ziele", "Zielsetzung", "Teilziel", "Teilziele", "Ziel Titel", "Titel Ziel", "Ziel Bezeichnung",
            "Bezeichnung Ziel", "Handlungsziel", "Handlungsziele",
        ),
    ),
    Col(
        "measure_number", "Maßnahme Nr.", english="Measure no.", field="number", width=10, required=True,
        help="Nummer der Maßnahme, z. B. 1.2.3 (Pflicht)",
        aliases=(
            "Maßnahmen-Nr.", "Maßnahmennummer", "Nr. Maßnahme", "Nummer Maßnahme", "M-Nr.", "Maßnahme Nummer",
            "Maßnahmennr.",
        ),
    ),
    Col(
        "measure", "Maßnahme", english="Measure", field="title", width=44, required=True, help="Titel der Maßnahme (Pflicht)",
        aliases=(
            "Maßnahmen", "Maßnahmentitel", "Titel Maßnahme", "Maßnahme Titel", "Bezeichnung Maßnahme",
            "Maßnahme Bezeichnung", "Maßnahmenbezeichnung", "Titel", "Bezeichnung",
        ),
    ),
    Col(
        "description", "Beschreibung", english="Description", width=44, help="Kurze Beschreibung",
        aliases=(
            "Maßnahmenbeschreibung", "Beschreibung der Maßnahme", "Erläuterung", "Erläuterungen", "Inhalt",
            "Inhalte", "Details",
        ),
    ),
    Col(
        "lead", "Federführung", english="Lead", width=28, help="Federführende Stelle, Name oder Kurzname aus dem Adressbuch",
        aliases=(
            "federführend", "Federführende Stelle", "Verantwortlich", "Verantwortliche Stelle",
            "Verantwortlichkeit", "Zuständig", "Zuständigkeit", "Zuständige Stelle", "Federf.",
        ),
    ),
    Col(
        "involved", "Beteiligte", english="Involved", width=36,
        help="Weitere Stellen und Partner, getrennt durch ; oder Zeilenumbruch",
        aliases=(
            "beteiligt", "Beteiligte Stellen", "Weitere Beteiligte", "Kooperationspartner",
            "Kooperationspartnerinnen", "Partner", "Kooperation", "Mitwirkende", "Mitwirkung", "Beteiligung",
        ),
    ),
    Col(
        "start", "Beginn", english="Start date", width=12, help="z. B. 01.03.2024, 03/2024, 2024, seit 2022",
        aliases=("Start", "Von", "Umsetzung ab", "Startdatum", "Beginn der Umsetzung", "ab"),
    ),
    Col(
        "end", "Ende", english="End date", width=12, help="z. B. 31.12.2025, 2025 oder laufend",
        aliases=("Bis", "Enddatum", "Abschluss", "Ende der Umsetzung"),
    ),
    Col(
        "priority", "Priorität", english="Priority", width=10, help="hoch, mittel oder niedrig",
        aliases=("Prio", "Prioritäten", "Dringlichkeit"),
    ),
    Col(
        "cost_note", "Kosten / Finanzierung", english="Costs / funding", width=24, help="Erwartete Kosten, Fördermittel",
        aliases=(
            "Kosten", "Finanzierung", "Kosten und Finanzierung", "Mittel", "Haushaltsmittel", "Fördermittel",
            "Ressourcen",
        ),
    ),
    Col(
        "indicator", "Indikator", english="Success indicator", field="success_indicator", width=30, help="Woran der Erfolg erkennbar ist",
        aliases=(
            "Indikatoren", "Erfolgsindikator", "Erfolgsindikatoren", "Messgröße", "Kennzahl", "Kennzahlen",
            "Erfolgskriterium", "Erfolgskriterien",
        ),
    ),
    Col("tags", "Schlagworte", english="Keywords", width=20, help="Getrennt durch Komma",
        aliases=("Schlagwort", "Stichworte", "Stichwort", "Tags")),
    Col(
        "focus", "Schwerpunkt", english="Focus years", field="foci", width=12, help="Schwerpunktjahre, z. B. 2024",
        aliases=("Schwerpunkte", "Schwerpunktjahr", "Schwerpunktjahre", "Jahresschwerpunkt"),
    ),
    Col(
        "status", "Status", english="Status", field="current_status", width=18, help="Umsetzungsstand, z. B. in Umsetzung",
        aliases=("Umsetzungsstand", "Stand der Umsetzung", "Umsetzungsstatus", "Stand", "Status der Umsetzung"),
    ),
    Col(
        "status_note", "Sachstand", english="Progress", field=None, width=44,
        help="Was wurde getan (aus der letzten Sachstandsmeldung)",
        aliases=(
            "Sachstandsmeldung", "Bemerkung", "Bemerkungen", "Anmerkung", "Anmerkungen", "Kommentar",
            "Was wurde getan", "Erläuterung zum Stand",
        ),
    ),
)  # fmt: skip

# Added after the standard columns when a closed reporting round is exported. The importer recognises and
# ignores them (a round's reports are never changed by an import), so a round export still re-imports.
REPORT = (
    Col("next_steps", "Nächste Schritte", english="Next steps", field=None, width=36, aliases=("Weitere Schritte", "Geplante Schritte")),
    Col("obstacles", "Hindernisse", english="Obstacles", field=None, width=30, aliases=("Schwierigkeiten", "Probleme", "Hemmnisse")),
    Col("reported_by", "Gemeldet von", english="Reported by", field=None, width=20, aliases=("Meldung von",)),
    Col("reported_at", "Gemeldet am", english="Reported on", field=None, width=14, aliases=("Meldung am", "Datum der Meldung")),
)  # fmt: skip

# Read, never written: one column for start and end ("2023–2025", "ab 2024").
READ_ONLY = (
    Col(
        "timeframe", "Zeitraum", english="Timeframe", field=None,
        aliases=(
            "Zeitrahmen", "Zeitplan", "Umsetzungszeitraum", "Zeithorizont", "Laufzeit", "Zeitschiene",
            "Umsetzung bis", "Termin",
        ),
    ),
)  # fmt: skip

MEASURES = Layout("Maßnahmen", STANDARD + REPORT + READ_ONLY, english="Measures")

#: The keys of an export of the concept, and of a closed round.
CONCEPT_EXPORT = tuple(col.key for col in STANDARD)
ROUND_EXPORT = CONCEPT_EXPORT + tuple(col.key for col in REPORT)

HEADERS: dict[str, str] = {col.key: col.header for col in MEASURES}

#: Headers that only say "number": their level is that of the next title column to the right.
BARE_NUMBER = ("Nr.", "Nummer", "Lfd. Nr.", "Lfd. Nummer", "Laufende Nummer", "#", "No.")
