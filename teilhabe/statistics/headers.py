"""German export headers, recognised without a mapping file.

Registration software and city statistics offices head their columns in German. Before a header is
compared, case, blanks, hyphens, dots, underscores and the spelling of umlauts (``ä``/``ae``, ``ß``/
``ss``) are ignored, so ``Staatsangehörigkeit 1``, ``STAATSANGEHOERIGKEIT_1`` and ``1. Staats-
angehörigkeit`` are all found. A mapping file (``--columns``) still wins over these names.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

#: Canonical column -> the German headers that mean it (as people write them).
GERMAN_HEADERS: dict[str, tuple[str, ...]] = {
    "person_id": ("Ordnungsmerkmal", "Personen-ID", "Personen-Nr", "Kennung"),
    "birth_date": ("Geburtsdatum",),
    "sex": ("Geschlecht",),
    "district": ("Stadtteil", "Statistischer Bezirk", "Bezirk"),
    "citizenship": ("Staatsangehörigkeit", "Staatsangehörigkeit 1", "1. Staatsangehörigkeit"),
    "second_citizenship": ("Staatsangehörigkeit 2", "2. Staatsangehörigkeit"),
    "birth_country": ("Geburtsstaat", "Geburtsland"),
    "naturalised": ("Einbürgerungskennzeichen", "eingebürgert"),
    "ius_soli": ("Optionskennzeichen",),
    "immigrated_from": ("Zuzug aus Staat", "Herkunftsstaat"),
    "parent1_id": ("Gesetzlicher Vertreter 1", "Elternteil 1"),
    "parent2_id": ("Gesetzlicher Vertreter 2", "Elternteil 2"),
    "address_id": ("Adresse", "Adress-ID", "Wohnungs-ID"),
    "asylum_background": ("Schutzsuchend", "Asyl"),
}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_IGNORED = re.compile(r"[\s\-._]+")


def header_key(header: str) -> str:
    """A header reduced to what matters: ``"1. Staats-Angehörigkeit"`` -> ``"1staatsangehoerigkeit"``."""
    text = header.replace("\ufeff", "").strip().lower().translate(_UMLAUTS)
    return _IGNORED.sub("", text)


#: Reduced header -> canonical column (the German names and the canonical names themselves).
KNOWN_HEADERS: dict[str, str] = {
    **{header_key(name): column for column, names in GERMAN_HEADERS.items() for name in names},
}


def canonical_column(header: str) -> str | None:
    """The canonical column a German (or canonical) header names, or None."""
    return KNOWN_HEADERS.get(header_key(header))


#: What each canonical column is, as the upload's result page names it ("erkannt als").
COLUMN_LABELS = {
    "person_id": _("Personen-ID"),
    "birth_date": _("Geburtsdatum"),
    "sex": _("Geschlecht"),
    "district": _("Stadtteil"),
    "citizenship": _("Staatsangehörigkeit"),
    "second_citizenship": _("zweite Staatsangehörigkeit"),
    "birth_country": _("Geburtsstaat"),
    "naturalised": _("eingebürgert"),
    "ius_soli": _("Optionsregelung (Geburt im Inland)"),
    "immigrated_from": _("Zuzug aus Staat"),
    "parent1_id": _("Elternteil 1"),
    "parent2_id": _("Elternteil 2"),
    "address_id": _("Adresse"),
    "asylum_background": _("Asylhintergrund"),
}


def column_report(columns: list[tuple[str, str | None]]) -> list[dict[str, str]]:
    """The header report of a file as JSON rows for the job's result (translated when shown)."""
    return [{"header": header, "column": column or ""} for header, column in columns]


def column_label(column: str) -> str:
    """The column's name in the user's language (empty for an unknown column)."""
    return str(COLUMN_LABELS.get(column, ""))
