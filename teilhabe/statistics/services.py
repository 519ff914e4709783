"""Storing fact checks: computed from a register extract or imported from a statistics office's table.

Both paths replace the figures of a municipality at a reference date in one transaction: a bad file
stores nothing, a good file replaces what was there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe import sheets
from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError, format_rows
from teilhabe.statistics.models import HEADLINE_FIELDS, FactCheck, Indicator
from teilhabe.statistics.result import FactCheckResult


def store_result(
    municipality,
    result: FactCheckResult,
    *,
    file_name: str = "",
    user=None,
    source: str = FactCheck.Source.REGISTER_EXTRACT,
) -> FactCheck:
    """Replace the municipality's figures at ``result.reference_date`` with ``result``."""
    rows = result.indicator_rows()
    with transaction.atomic():
        return _replace(municipality, result.reference_date, source, file_name, user, result.headline(), rows)


def _replace(municipality, reference_date, source, file_name, user, headline, rows) -> FactCheck:
    FactCheck.objects.for_municipality(municipality).filter(reference_date=reference_date).delete()
    fact_check = FactCheck.objects.create(
        municipality=municipality,
        reference_date=reference_date,
        source=source,
        file_name=file_name[:255],
        created_by=user if (user is not None and user.is_authenticated) else None,
        **{key: headline.get(key) for key in HEADLINE_FIELDS},
    )
    Indicator.objects.bulk_create(
        [
            Indicator(
                municipality=municipality,
                fact_check=fact_check,
                reference_date=reference_date,
                indicator=indicator,
                dimension=dimension,
                area=area,
                group=group,
                category=category,
                value=value,
            )
            for indicator, dimension, area, group, category, value in rows
        ],
        batch_size=500,
    )
    return fact_check


def compute_and_store(
    municipality,
    path: str | Path,
    reference_date: dt.date,
    *,
    columns=None,
    user=None,
    file_name: str | None = None,
    progress=None,
) -> FactCheck:
    """Compute the fact check of a register extract and store it (raises ExtractError, storing nothing)."""
    result = compute(path, reference_date, columns=columns, progress=progress)
    return store_result(municipality, result, file_name=file_name or Path(path).name, user=user)


# --- statistics office tables ---------------------------------------------------------------------

#: Accepted headers (lower case) of an office table -> canonical column.
TABLE_HEADERS = {
    "indicator": "indicator",
    "indikator": "indicator",
    "merkmal": "indicator",
    "kennzahl": "indicator",
    "area": "area",
    "gebiet": "area",
    "stadtteil": "area",
    "bezirk": "area",
    "raum": "area",
    "date": "date",
    "stichtag": "date",
    "datum": "date",
    "reference_date": "date",
    "value": "value",
    "wert": "value",
    "anzahl": "value",
}

#: Indicator names an office table may use (lower case, "davon " removed) -> indicator key.
INDICATOR_NAMES = {
    "einwohner": "residents",
    "einwohnerinnen und einwohner": "residents",
    "bevölkerung": "residents",
    "nationen": "nationalities",
    "nationalitäten": "nationalities",
    "staatsangehörigkeiten": "nationalities",
    "menschen mit migrationshintergrund": "migration_background",
    "einwohner mit migrationshintergrund": "migration_background",
    "migrationshintergrund": "migration_background",
    "ausländer": "foreigners",
    "ausländerinnen und ausländer": "foreigners",
    "aus eu-staaten": "foreigners_eu",
    "ausländer aus eu-staaten": "foreigners_eu",
    "eu-ausländer": "foreigners_eu",
    "eu-staaten": "foreigners_eu",
    "aus drittstaaten": "foreigners_third_country",
    "ausländer aus drittstaaten": "foreigners_third_country",
    "drittstaaten": "foreigners_third_country",
    "drittstaatsangehörige": "foreigners_third_country",
    "deutsche mit migrationshintergrund": "germans_with_migration_background",
    "personen mit asylhintergrund": "asylum_background",
    "asylhintergrund": "asylum_background",
    **{key: key for key in HEADLINE_FIELDS},
}

#: Area names meaning the whole municipality.
WHOLE_CITY = {"", "gesamt", "gesamtstadt", "stadt", "insgesamt", "stadtgebiet", "total"}


@dataclass
class TableRow:
    line: int
    indicator: str
    area: str
    date: dt.date
    value: int


class TableError(ExtractError):
    """A statistics office table cannot be imported (German message with rows and columns)."""


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", str(text or "").strip().lower())
    return text[len("davon ") :] if text.startswith("davon ") else text


def _parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_count(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value or "").strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
        return int(text.replace(".", ""))
    return None


def read_table(path: str | Path, file_name: str | None = None, municipality_name: str = "") -> list[TableRow]:
    """Read a statistics office table (XLSX or CSV with indicator, area, date, value)."""
    path = Path(path)
    name = file_name or path.name
    try:
        workbook = sheets.read(path, kind="statistics_table", filename=name)
    except sheets.SheetError as error:
        raise TableError(name, [error.message if error.row is None else str(error)]) from None
    raw_rows = workbook.sheets[0].rows if workbook.sheets else []
    raw_rows = [
        (number, row) for number, row in enumerate(raw_rows, 1) if any(str(c or "").strip() for c in row)
    ]
    if not raw_rows:
        raise TableError(name, [_("Die Datei ist leer.")])
    header_line, header = raw_rows[0]
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = TABLE_HEADERS.get(_norm(cell))
        if column and column not in positions:
            positions[column] = index
    missing = [c for c in ("indicator", "date", "value") if c not in positions]
    if missing:
        raise TableError(
            name,
            [
                ngettext(
                    "Pflichtspalte fehlt: %(missing)s. Erwartet werden Indikator, Gebiet, Stichtag und Wert.",
                    "Pflichtspalten fehlen: %(missing)s. Erwartet werden Indikator, Gebiet, Stichtag und Wert.",
                    len(missing),
                )
                % {"missing": ", ".join(missing)}
            ],
        )
    whole_city = WHOLE_CITY | {_norm(municipality_name)}
    problems: dict[str, list[int]] = {}
    seen: dict[tuple, int] = {}
    rows: list[TableRow] = []

    def cell(row, column):
        index = positions.get(column)
        return row[index] if index is not None and index < len(row) else ""

    for line, row in raw_rows[1:]:
        indicator = INDICATOR_NAMES.get(_norm(cell(row, "indicator")))
        date = _parse_date(cell(row, "date"))
        value = _parse_count(cell(row, "value"))
        area_text = str(cell(row, "area") or "").strip()
        area = "" if _norm(area_text) in whole_city else area_text
        ok = True
        if indicator is None:
            problems.setdefault(
                _("Spalte Indikator: unbekannte Kennzahl „%(value)s“") % {"value": cell(row, "indicator")}, []
            ).append(line)
            ok = False
        if date is None:
            problems.setdefault(_("Spalte Stichtag: kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"), []).append(
                line
            )
            ok = False
        if value is None:
            problems.setdefault(_("Spalte Wert: keine ganze Zahl ≥ 0"), []).append(line)
            ok = False
        if not ok:
            continue
        key = (indicator, area, date)
        if key in seen:
            problems.setdefault(_("Kennzahl, Gebiet und Stichtag kommen doppelt vor"), []).append(line)
            continue
        seen[key] = line
        rows.append(TableRow(line=line, indicator=indicator, area=area, date=date, value=value))
    if problems:
        raise TableError(
            name,
            ["%s: %s." % (message, format_rows(lines, len(lines))) for message, lines in problems.items()],
        )
    if not rows:
        raise TableError(name, [sheets.no_data_rows(name).message])
    return rows


def import_statistics_table(
    municipality, path: str | Path, *, user=None, file_name: str | None = None
) -> list[FactCheck]:
    """Import a statistics office table; replaces the figures of each reference date in it (all or nothing)."""
    name = file_name or Path(path).name
    rows = read_table(path, name, municipality.name)
    by_date: dict[dt.date, list[TableRow]] = {}
    for row in rows:
        by_date.setdefault(row.date, []).append(row)
    stored = []
    with transaction.atomic():
        for date, date_rows in sorted(by_date.items()):
            headline = {r.indicator: r.value for r in date_rows if r.area == ""}
            indicator_rows = [
                (r.indicator, "district" if r.area else "", r.area, "", "", r.value) for r in date_rows
            ]
            stored.append(
                _replace(
                    municipality,
                    date,
                    FactCheck.Source.STATISTICS_OFFICE,
                    name,
                    user,
                    headline,
                    indicator_rows,
                )
            )
    return stored


def set_lead(municipality, lead: str):
    """The office chooses which definition its pages and reports lead with (one audited save)."""
    from teilhabe.statistics.models import StatisticsSettings

    settings_row = StatisticsSettings.objects.filter(municipality=municipality).first()
    if settings_row is None:
        settings_row = StatisticsSettings(municipality=municipality)
    settings_row.lead = lead
    settings_row.save()
    return settings_row
