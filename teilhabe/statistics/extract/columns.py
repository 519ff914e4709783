"""The canonical columns of a register extract, and how a file's headers map onto them.

A *column mapping file* maps a statistics office's own headers onto the canonical ones (see the
package docstring for its two formats).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe import sheets
from teilhabe.sheets import text as sheet_text

from ..headers import canonical_column
from .errors import ExtractError, _msg

CANONICAL_COLUMNS: tuple[str, ...] = (
    "person_id",
    "birth_date",
    "sex",
    "district",
    "citizenship",
    "second_citizenship",
    "birth_country",
    "naturalised",
    "ius_soli",
    "immigrated_from",
    "parent1_id",
    "parent2_id",
    "address_id",
    "asylum_background",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("person_id", "birth_date", "citizenship")
COUNTRY_COLUMNS: tuple[str, ...] = (
    "citizenship",
    "second_citizenship",
    "birth_country",
    "immigrated_from",
)
BOOLEAN_COLUMNS: tuple[str, ...] = ("naturalised", "ius_soli", "asylum_background")
SEX_VALUES: tuple[str, ...] = ("m", "w", "d", "o")

TRUE_VALUES: tuple[str, ...] = ("1", "ja", "j", "true", "wahr", "yes", "y", "x")
FALSE_VALUES: tuple[str, ...] = ("0", "nein", "n", "false", "falsch", "no")


def load_column_mapping(source: str | Path | None) -> dict[str, str]:
    """Read a column mapping file (see the module docstring for the format)."""
    if source is None:
        return {}
    path = Path(source)
    if not path.is_file():
        raise ExtractError(path.name, [_msg("not_found")])
    try:  # the shared checks at the door (size, a text file), then the shared decoding rules
        upload = sheets.Source.of(path)
        sheets.check(upload, sheets.limits_for("column_mapping"), allowed=("csv",))
        text, _encoding = sheet_text.decode(upload.read(), path.name)
    except sheets.SheetError as error:
        raise ExtractError(path.name, [error.message]) from None
    problems: list[str] = []
    mapping: dict[str, str] = {}
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ExtractError(
                path.name,
                [_("kein gültiges JSON (Zeile %(row)d): %(error)s") % {"row": exc.lineno, "error": exc.msg}],
            ) from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise ExtractError(
                path.name,
                [_('erwartet wird ein JSON-Objekt {"Quellspalte": "Zielspalte", …}.')],
            )
        items = [(None, k, v) for k, v in data.items()]
    else:
        sep = sheet_text.detect_delimiter(sheet_text.first_line(text))
        items = []
        try:
            records = list(sheet_text.csv_records(text, sep, path.name))
        except sheets.SheetError as error:
            raise ExtractError(path.name, ["Zeile %s: %s" % (error.row, error.message)]) from None
        for number, cells in records:
            row = [cell or "" for cell in cells]
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) != 2:
                problems.append(
                    _("Zeile %(row)d: erwartet werden genau zwei Spalten (Quellspalte%(sep)sZielspalte).")
                    % {"row": number, "sep": sep}
                )
                continue
            if row[1].strip().lower() in ("target", "ziel", "zielspalte"):  # header line
                continue
            items.append((number, row[0], row[1]))
    for number, src, target in items:
        target_norm = target.strip().lower()
        where = (_("Zeile %(row)s: ") % {"row": number}) if number else ""
        if target_norm not in CANONICAL_COLUMNS:
            problems.append(
                where
                + _("unbekannte Zielspalte „%(column)s“ (erlaubt: %(allowed)s).")
                % {"column": target.strip(), "allowed": ", ".join(CANONICAL_COLUMNS)}
            )
            continue
        mapping[src.strip()] = target_norm
    if problems:
        raise ExtractError(path.name, problems)
    return mapping


def _norm_header(name: str) -> str:
    return name.replace("\ufeff", "").strip().lower()


def _target(header: str, mapping: dict[str, str]) -> str | None:
    """The canonical column a header supplies: the mapping file first, then the canonical and German names."""
    key = _norm_header(header)
    return mapping.get(key) or (key if key in CANONICAL_COLUMNS else None) or canonical_column(header)


def describe_headers(headers: list[str], mapping: dict[str, str]) -> list[tuple[str, str | None]]:
    """Every header of the file in file order with the canonical column it was read as (None: not used).

    A second header for a column already taken is not used (the file is refused for it, see
    :func:`_map_headers`). Shown on the upload's result page, so the office sees how its export was read.
    """
    taken: set[str] = set()
    out: list[tuple[str, str | None]] = []
    for header in headers:
        target = _target(header, mapping)
        if target in taken:
            target = None
        elif target is not None:
            taken.add(target)
        out.append((header.replace("\ufeff", "").strip(), target))
    return out


def _map_headers(headers: list[str], mapping: dict[str, str], file_name: str) -> dict[str, int]:
    """Return canonical column -> index of the header that supplies it."""
    found: dict[str, int] = {}
    problems = []
    for index, header in enumerate(headers):
        target = _target(header, mapping)
        if target is None:
            continue
        if target in found:
            problems.append(
                _("Die Spalte „%(column)s“ kommt mehrfach vor (Spalten %(first)d und %(second)d).")
                % {"column": target, "first": found[target] + 1, "second": index + 1}
            )
            continue
        found[target] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        problems.append(
            ngettext(
                "Pflichtspalte fehlt: %(missing)s. Gefundene Spalten: %(found)s.",
                "Pflichtspalten fehlen: %(missing)s. Gefundene Spalten: %(found)s.",
                len(missing),
            )
            % {"missing": ", ".join(missing), "found": ", ".join(h.strip() for h in headers) or _("keine")}
        )
    if problems:
        error = ExtractError(file_name, problems)
        error.columns = describe_headers(headers, mapping)
        raise error
    return found
