"""What the demo report must hold in every format: each section's words and the demo's real numbers
(the seed's table, the concept's 6 / 43 / 144, activities with partners and credit lines, networks,
departments, contact)."""

SECTION_TITLES = [
    "Agenda",
    "Das Amt und sein Team",
    "Tätigkeitsfelder und Förderprogramme",
    "Aktuelle Situation",
    "Umsetzungsstand",
    "Schwerpunkt für 2024",
    "Laufende Aufgaben und Netzwerke",
    "Aktivitäten im Berichtszeitraum",
    "Zusammenarbeit mit Ämtern innerhalb der Verwaltung",
    "Ideen und Ausblick",
    "Noch Fragen?",
]

FACTS = [
    # title page and team
    "Sachgebietsleitung",
    "Sabine Berger",
    # fields of work and programmes
    "Demokratie leben!",
    "Mehrgenerationenhaus (Bundesprogramm)",
    # the seed's Faktencheck table
    "70.787",
    "72.477",
    "27.027",
    "30.199",
    "38,2\u202f%",
    "41,7\u202f%",
    "11.689",
    "14.239",
    "45,2\u202f%",
    "59,5\u202f%",
    "1.372",
    "1.549",
    "Quelle: Faktencheck Migration 2020 & 2023 Musterstadt",
    # implementation status
    "Zwischenstand Mai 2024",
    "6 Handlungsfelder",
    "43 Ziele",
    "144 Maßnahmen",
    "Oktober 2023",
    # focus
    "Gesellschaftliche Teilhabe",
    # standing tasks and networks
    "Informationen bündeln",
    "Stichtag 31.12.2023",
    "Netzwerk der migrantischen Communitys",
    "Runder Tisch der Bildungsträger KE + OA",
    "15.05.2024",
    # activities: titles, partners, languages, participants, credit lines
    "Jobbörse für Geflüchtete",
    "Klinikum Musterstadt",
    "Türkisch",
    "Teilnehmende: 34",
    "© Stadt Kempten (Allgäu) /Christiane Lenk, Fachrunde 27.02.2024",
    "Geplant",
    # cooperation with departments
    "Kulturamt",
    "Stadtplanungsamt",
    # ideas and outlook
    "Gemeinsames Fußballturnier",
    "Sprachcafé mit dem Ukrainischen Verein",
    # contact
    "integration@musterstadt.example",
]


def missing(text: str, expected=None) -> list[str]:
    """The expected words that `text` lacks (whitespace runs, line breaks included, count as one space)."""
    flat = " ".join(text.split())
    return [word for word in (expected or SECTION_TITLES + FACTS) if " ".join(word.split()) not in flat]
