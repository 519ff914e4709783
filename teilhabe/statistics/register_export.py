"""The same people written the way a Bürgeramt exports them.

German headers, Destatis keys instead of ISO codes (Germany as ``0`` in some rows, as a spreadsheet
leaves it), ``;``, Windows-1252, birth dates ``TT.MM.JJJJ``, yes/no as ``J``/empty, sex as digits. Used by
the tests (the figures must equal those of the canonical file) and by the benchmark (a keyed file must
not be much slower).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from . import destatis
from .extract import BOOLEAN_COLUMNS, CANONICAL_COLUMNS, COUNTRY_COLUMNS, TRUE_VALUES

#: Canonical column -> the header this export writes.
EXPORT_HEADERS: dict[str, str] = {
    "person_id": "Ordnungsmerkmal",
    "birth_date": "Geburtsdatum",
    "sex": "Geschlecht",
    "district": "Stadtteil",
    "citizenship": "Staatsangehörigkeit 1",
    "second_citizenship": "2. Staatsangehörigkeit",
    "birth_country": "Geburtsstaat",
    "naturalised": "Einbürgerungskennzeichen",
    "ius_soli": "Optionskennzeichen",
    "immigrated_from": "Zuzug aus Staat",
    "parent1_id": "Gesetzlicher Vertreter 1",
    "parent2_id": "Gesetzlicher Vertreter 2",
    "address_id": "Adress-ID",
    "asylum_background": "Schutzsuchend",
}

SEX_DIGITS = {"m": "1", "w": "2", "d": "3", "o": "4"}


def iso_to_key() -> dict[str, str]:
    """ISO code -> its Destatis key (the first current key; ``XU`` -> ``998``)."""
    out: dict[str, str] = {}
    for key, entry in sorted(destatis.keys().items()):
        if entry.kind != destatis.HISTORIC and entry.iso and entry.iso not in out:
            out[entry.iso] = key
    return out


def _date(text: str) -> str:
    text = text.strip()
    if not text or "." in text:
        return text
    return dt.date.fromisoformat(text).strftime("%d.%m.%Y")


def export_row(row: dict[str, str], keys: dict[str, str], index: int) -> list[str]:
    out = []
    for column in CANONICAL_COLUMNS:
        value = (row.get(column) or "").strip()
        if column in COUNTRY_COLUMNS and value:
            value = keys[value.upper()]
            if value == destatis.GERMANY_KEY and index % 7 == 0:
                value = "0"  # a spreadsheet dropped the leading zeros
        elif column in BOOLEAN_COLUMNS:
            value = "J" if value.lower() in TRUE_VALUES else ""
        elif column == "sex":
            value = SEX_DIGITS.get(value, value)
        elif column == "birth_date":
            value = _date(value)
        out.append(value)
    return out


def write_register_export(rows: Iterable[dict[str, str]], path: str | Path) -> Path:
    """Write canonical rows (ISO codes) as a Bürgeramt export (Windows-1252, ``;``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = iso_to_key()
    with open(path, "w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([EXPORT_HEADERS[c] for c in CANONICAL_COLUMNS])
        for index, row in enumerate(rows):
            writer.writerow(export_row(row, keys, index))
    return path


def convert_extract(source: str | Path, target: str | Path) -> Path:
    """Rewrite a canonical CSV extract (UTF-8, ``;``) as a Bürgeramt export."""
    with open(source, encoding="utf-8", newline="") as f:
        return write_register_export(csv.DictReader(f, delimiter=";"), target)
