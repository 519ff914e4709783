"""The sections an activity report can hold, in their default order (the seed report's), each with the
builder that reads it from the platform's data."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from teilhabe.reports.builders import activities, concept, figures, networks, office


@dataclass(frozen=True)
class Section:
    key: str
    label: object
    build: object  # build(ctx) -> plain data


SECTIONS = [
    Section("title", _("Titelseite"), office.title_page),
    Section("agenda", _("Agenda"), None),  # built last, from the chosen sections' titles
    Section("team", _("Das Amt und sein Team"), office.team),
    Section("fields_of_work", _("Tätigkeitsfelder und Förderprogramme"), office.fields_of_work),
    Section("factcheck", _("Aktuelle Zahlen aus dem Faktencheck Migration"), figures.factcheck),
    Section("implementation", _("Umsetzungsstand der Maßnahmen"), figures.implementation),
    Section("focus", _("Schwerpunkt des Jahres"), concept.focus),
    Section("standing_tasks", _("Laufende Aufgaben und Netzwerke"), networks.standing_tasks),
    Section("activities", _("Aktivitäten im Berichtszeitraum"), activities.activities),
    Section("cooperation", _("Zusammenarbeit mit Ämtern innerhalb der Verwaltung"), concept.cooperation),
    Section("ideas_outlook", _("Ideen und Ausblick"), networks.ideas_outlook),
    Section("contact", _("Kontakt"), office.contact),
]
BY_KEY = {section.key: section for section in SECTIONS}
DEFAULT_KEYS = [section.key for section in SECTIONS]


def choices():
    return [(section.key, section.label) for section in SECTIONS]


def clean_keys(keys) -> list[str]:
    """Known keys in the given order, each once; nothing chosen means every section."""
    seen = []
    for key in keys or []:
        if key in BY_KEY and key not in seen:
            seen.append(key)
    return seen or list(DEFAULT_KEYS)
