"""German export headers, recognised without a mapping file.

Registration software and city statistics offices head their columns in German. Before a header is
compared, case, blanks, hyphens, dots, underscores and the spelling of umlauts (``ä``/``ae``, ``ß``/
``ss``) are ignored, so ``Staatsangehörigkeit 1``, ``STAATSANGEHOERIGKEIT_1`` and ``1. Staats-
angehörigkeit`` are all found. A mapping file (``--columns``) still wins over these names.
"""

from __future__ import annotations

import re

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
