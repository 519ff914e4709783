"""The column layout Teilhabe writes (export, template) and prefers when reading.

Each column has a role (used in code) and the German header written into the sheet. The reader accepts
many other wordings for the same roles (see headers.py); the exporter always writes these.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutColumn:
    role: str
    header: str
    width: int
    hint: str


# Order matters: this is the order of the columns in exports and in the shipped template.
COLUMNS: tuple[LayoutColumn, ...] = (
    LayoutColumn("field_number", "Handlungsfeld Nr.", 8, "Nummer des Handlungsfelds, z. B. 1"),
    LayoutColumn("field", "Handlungsfeld", 28, "Titel des Handlungsfelds, z. B. Sprache und Bildung"),
    LayoutColumn("goal_number", "Ziel Nr.", 8, "Nummer des Ziels, z. B. 1.2 (oder nur 2)"),
    LayoutColumn("goal", "Ziel", 36, "Titel des Ziels"),
    LayoutColumn("measure_number", "Maßnahme Nr.", 10, "Nummer der Maßnahme, z. B. 1.2.3 (Pflicht)"),
    LayoutColumn("measure", "Maßnahme", 44, "Titel der Maßnahme (Pflicht)"),
    LayoutColumn("description", "Beschreibung", 44, "Kurze Beschreibung"),
    LayoutColumn("lead", "Federführung", 28, "Federführende Stelle, Name oder Kurzname aus dem Adressbuch"),
    LayoutColumn(
        "involved", "Beteiligte", 36, "Weitere Stellen und Partner, getrennt durch ; oder Zeilenumbruch"
    ),
    LayoutColumn("start", "Beginn", 12, "z. B. 01.03.2024, 03/2024, 2024, seit 2022"),
    LayoutColumn("end", "Ende", 12, "z. B. 31.12.2025, 2025 oder laufend"),
    LayoutColumn("priority", "Priorität", 10, "hoch, mittel oder niedrig"),
    LayoutColumn("cost_note", "Kosten / Finanzierung", 24, "Erwartete Kosten, Fördermittel"),
    LayoutColumn("indicator", "Indikator", 30, "Woran der Erfolg erkennbar ist"),
    LayoutColumn("tags", "Schlagworte", 20, "Getrennt durch Komma"),
    LayoutColumn("focus", "Schwerpunkt", 12, "Schwerpunktjahre, z. B. 2024"),
    LayoutColumn("status", "Status", 18, "Umsetzungsstand, z. B. in Umsetzung"),
    LayoutColumn("status_note", "Sachstand", 44, "Was wurde getan (aus der letzten Sachstandsmeldung)"),
)

HEADERS: dict[str, str] = {column.role: column.header for column in COLUMNS}

# Columns added after the standard ones when a reporting round is exported. The importer recognises and
# ignores them (a round's reports are never changed by an import), so a round export still re-imports.
REPORT_COLUMNS: tuple[LayoutColumn, ...] = (
    LayoutColumn("next_steps", "Nächste Schritte", 36, ""),
    LayoutColumn("obstacles", "Hindernisse", 30, ""),
    LayoutColumn("reported_by", "Gemeldet von", 20, ""),
    LayoutColumn("reported_at", "Gemeldet am", 14, ""),
)
