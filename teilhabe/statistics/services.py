"""Storing fact checks: computed from a register extract or imported from a statistics office's table.

Both paths replace the figures of a municipality at a reference date in one transaction: a bad file
stores nothing, a good file replaces what was there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe import sheets
from teilhabe.statistics.derivation import compute
from teilhabe.statistics.extract import ExtractError, format_rows
from teilhabe.statistics.layout import TABLE, norm
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

#: Area names meaning the whole municipality.
#: "whole city" is what an English export writes (statistics/table_file.py).
WHOLE_CITY = {"", "gesamt", "gesamtstadt", "stadt", "insgesamt", "stadtgebiet", "total", "whole city"}


@dataclass
class TableRow:
    line: int
    indicator: str
    area: str
    date: dt.date
    value: int


class TableError(ExtractError):
    """A statistics office table cannot be imported (German message with rows and columns)."""


def read_table(path: str | Path, file_name: str | None = None, municipality_name: str = "") -> list[TableRow]:
    """Read a statistics office table (XLSX or CSV in the layout statistics/layout.py declares)."""
    path = Path(path)
    name = file_name or path.name
    try:
        workbook = sheets.read(path, kind="statistics_table", filename=name)
    except sheets.SheetError as error:
        raise TableError(name, [error.message if error.row is None else str(error)]) from None
    table = workbook.sheets[0].table() if workbook.sheets else None
    if table is None or not table.headers:
        raise TableError(name, [_("Die Datei ist leer.")])
    bound = TABLE.bind(table)
    missing = bound.missing()
    if missing:
        raise TableError(
            name,
            [
                ngettext(
                    "Pflichtspalte fehlt: %(missing)s. Erwartet werden %(columns)s.",
                    "Pflichtspalten fehlen: %(missing)s. Erwartet werden %(columns)s.",
                    len(missing),
                )
                % {
                    "missing": ", ".join(col.title() for col in missing),
                    "columns": ", ".join(TABLE.headers()),
                }
            ],
        )
    whole_city = WHOLE_CITY | {norm(municipality_name)}
    problems: dict[str, list[int]] = {}
    seen: dict[tuple, int] = {}
    rows: list[TableRow] = []
    for record in bound.rows:
        values, ok = {}, True
        for key in ("indicator", "date", "value", "area"):
            if not bound.has(key):
                values[key] = ""
                continue
            try:
                values[key] = TABLE[key].read(bound.raw(record, key))
            except sheets.CellError as error:
                message = _("Spalte %(column)s: %(problem)s") % {
                    "column": bound.label(key),
                    "problem": error.message,
                }
                problems.setdefault(message, []).append(record.number)
                ok = False
        if not ok:
            continue
        area = "" if norm(values["area"]) in whole_city else values["area"]
        key = (values["indicator"], area, values["date"])
        if key in seen:
            problems.setdefault(_("Kennzahl, Gebiet und Stichtag kommen doppelt vor"), []).append(
                record.number
            )
            continue
        seen[key] = record.number
        rows.append(TableRow(record.number, values["indicator"], area, values["date"], values["value"]))
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
