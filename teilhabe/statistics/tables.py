"""The tables of the Faktencheck pages and exports, built from stored indicators.

Each builder runs one query, returns a :class:`Table` of raw values, and applies disclosure control
when the table is published outside the office (``public=True``). Formatting is German:
``70.787`` and ``38,2%``; a suppressed cell is ``"."``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from teilhabe.statistics.countries import country_name
from teilhabe.statistics.disclosure import SUPPRESSED_MARK, protect
from teilhabe.statistics.headline import comparison_rows, format_count, format_percent, percent_value
from teilhabe.statistics.models import FactCheck, Indicator, lead_of
from teilhabe.statistics.result import AGE_GROUP_KEYS, PYRAMID_BAND_KEYS

COUNT = "count"
PERCENT = "percent"
TEXT = "text"
DATE = "date"  # a reference date: written as a real date into spreadsheets


@dataclass
class Cell:
    value: int | Decimal | str | None
    kind: str = COUNT
    hidden: bool = False

    @property
    def text(self) -> str:
        if self.hidden:
            return SUPPRESSED_MARK
        if self.value is None:
            return "–"
        if self.kind == COUNT:
            return format_count(self.value)
        if self.kind == PERCENT:
            return format_percent(self.value)
        if self.kind == DATE:
            return self.value.strftime("%d.%m.%Y")
        return str(self.value)

    @property
    def is_number(self) -> bool:
        return self.kind in (COUNT, PERCENT)


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    caption: str = ""
    public: bool = False
    total_rows: set[int] = field(default_factory=set)

    @property
    def has_hidden(self) -> bool:
        return any(cell.hidden for row in self.rows for cell in row)


def _label(text) -> Cell:
    return Cell(str(text), TEXT)


def _pct(part_key, whole_key, values, hidden) -> Cell:
    value = percent_value(values.get(part_key, 0), values.get(whole_key, 0))
    return Cell(value, PERCENT, hidden=part_key in hidden or whole_key in hidden)


def available_dates(municipality) -> list[dt.date]:
    return list(
        FactCheck.objects.for_municipality(municipality)
        .order_by("reference_date")
        .values_list("reference_date", flat=True)
    )


def _headline(municipality, dates) -> dict[dt.date, dict[str, int]]:
    out: dict[dt.date, dict[str, int]] = {d: {} for d in dates}
    for date, indicator, value in (
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="", area="", reference_date__in=dates)
        .values_list("reference_date", "indicator", "value")
    ):
        out[date][indicator] = value
    return out


def _headline_hidden(values: dict[str, int], threshold: int) -> set[str]:
    """Disclosure of the headline figures: foreigners = EU + third country is a published total."""
    counts = {k: v for k, v in values.items() if k != "nationalities"}
    lines = (
        [["foreigners_eu", "foreigners_third_country"]]
        if "foreigners_eu" in counts and "foreigners_third_country" in counts
        else []
    )
    return protect(counts, lines, threshold)


def comparison_table(municipality, dates: list[dt.date], *, public=False, threshold=2) -> Table:
    """The seed's table for the given reference dates (columns)."""
    figures = _headline(municipality, dates)
    hidden = {d: (_headline_hidden(figures[d], threshold) if public else set()) for d in dates}
    rows = []
    for label, key, whole in comparison_rows(lead_of(municipality)):
        row = [_label(label)]
        for d in dates:
            values = figures[d]
            if key not in values:
                row.append(Cell(None))
            elif whole is None:
                row.append(Cell(values[key], COUNT, hidden=key in hidden[d]))
            else:
                row.append(_pct(key, whole, values, hidden[d]))
        rows.append(row)
    caption = _("Quelle: Faktencheck Migration %(years)s %(name)s") % {
        "years": " & ".join(str(d.year) for d in dates),
        "name": municipality.name,
    }
    return Table(
        key="comparison",
        title=_("Aktuelle Situation"),
        header=[""] + [d.strftime("%d.%m.%Y") for d in dates],
        rows=rows,
        caption=caption,
        public=public,
    )


def timeseries_table(municipality, *, dates=None, public=False, threshold=2) -> Table:
    """Headline figures over every reference date (rows); `dates` if the caller has read them already."""
    dates = available_dates(municipality) if dates is None else dates
    figures = _headline(municipality, dates)
    rows = []
    for d in dates:
        values = figures[d]
        hidden = _headline_hidden(values, threshold) if public else set()

        def count(key, values=values, hidden=hidden):
            return Cell(values.get(key), COUNT, hidden=key in hidden)

        rows.append(
            [
                Cell(d, DATE),
                count("residents"),
                count("migration_background"),
                _pct("migration_background", "residents", values, hidden),
                count("foreigners"),
                _pct("foreigners", "residents", values, hidden),
                _pct("foreigners_eu", "foreigners", values, hidden),
                count("asylum_background"),
            ]
        )
    return Table(
        key="timeseries",
        title=_("Entwicklung"),
        header=[
            _("Stichtag"),
            _("Einwohner"),
            _("Menschen mit Migrationshintergrund"),
            _("in %"),
            _("Ausländer"),
            _("in %"),
            _("davon aus EU-Staaten"),
            _("Personen mit Asylhintergrund"),
        ],
        rows=rows,
        public=public,
    )


def district_table(municipality, date: dt.date, *, public=False, threshold=2) -> Table:
    """Residents, migration background and foreigners per district, with the city total."""
    data: dict[str, dict[str, int]] = {}
    for area, indicator, value in (
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="district", reference_date=date)
        .values_list("area", "indicator", "value")
    ):
        data.setdefault(area, {})[indicator] = value
    areas = sorted(data, key=lambda a: (a == "", a))
    keys = ["residents", "migration_background", "foreigners"]
    hidden: set = set()
    if public:
        values = {(a, k): data[a].get(k, 0) for a in areas for k in keys}
        # Columns are published with their city total; a district's residents contain its two groups
        # (not additive, so only the columns are lines).
        lines = [[(a, k) for a in areas] for k in keys]
        hidden = protect(values, lines, threshold)
    rows = []
    for a in areas:
        v = data[a]
        h = {k for k in keys if (a, k) in hidden}
        rows.append(
            [
                _label(a or _("ohne Angabe")),
                Cell(v.get("residents"), COUNT, hidden="residents" in h),
                Cell(v.get("migration_background"), COUNT, hidden="migration_background" in h),
                _pct("migration_background", "residents", v, h),
                Cell(v.get("foreigners"), COUNT, hidden="foreigners" in h),
                _pct("foreigners", "residents", v, h),
            ]
        )
    totals = {k: sum(data[a].get(k, 0) for a in areas) for k in keys}
    total_hidden = {k for k in keys if public and 1 <= totals[k] <= threshold}
    if areas:
        rows.append(
            [
                _label(_("Gesamt")),
                Cell(totals["residents"], COUNT, hidden="residents" in total_hidden),
                Cell(totals["migration_background"], COUNT, hidden="migration_background" in total_hidden),
                _pct("migration_background", "residents", totals, total_hidden),
                Cell(totals["foreigners"], COUNT, hidden="foreigners" in total_hidden),
                _pct("foreigners", "residents", totals, total_hidden),
            ]
        )
    return Table(
        key="districts",
        title=_("Stadtteile am %(date)s") % {"date": date.strftime("%d.%m.%Y")},
        header=[
            _("Stadtteil"),
            _("Einwohner"),
            _("mit Migrationshintergrund"),
            _("in %"),
            _("Ausländer"),
            _("in %"),
        ],
        rows=rows,
        public=public,
        total_rows={len(rows) - 1} if areas else set(),
    )


def nationality_table(municipality, date: dt.date, *, public=False, threshold=2, top=20) -> Table:
    """The most frequent citizenships of foreigners, the rest summed up, and the total."""
    counts = dict(
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="nationality", reference_date=date)
        .values_list("group", "value")
    )
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown, rest = ordered[:top], ordered[top:]
    total = sum(counts.values())
    values = {code: n for code, n in shown}
    if rest:
        values["_rest"] = sum(n for _c, n in rest)
    hidden = protect(values, [list(values)], threshold) if public else set()
    rows = []
    for rank, (code, n) in enumerate(shown, 1):
        rows.append(
            [
                Cell(rank, TEXT),
                _label(country_name(code)),
                Cell(n, COUNT, hidden=code in hidden),
                Cell(percent_value(n, total), PERCENT, hidden=code in hidden),
            ]
        )
    if rest:
        rows.append(
            [
                Cell("", TEXT),
                _label(_("übrige Staatsangehörigkeiten (%(n)d)") % {"n": len(rest)}),
                Cell(values["_rest"], COUNT, hidden="_rest" in hidden),
                Cell(percent_value(values["_rest"], total), PERCENT, hidden="_rest" in hidden),
            ]
        )
    if counts:
        rows.append(
            [
                Cell("", TEXT),
                _label(_("Ausländer insgesamt")),
                Cell(total, COUNT, hidden=public and 1 <= total <= threshold),
                Cell(percent_value(total, total), PERCENT),
            ]
        )
    return Table(
        key="nationalities",
        title=_("Häufigste Staatsangehörigkeiten am %(date)s") % {"date": date.strftime("%d.%m.%Y")},
        header=[_("Rang"), _("Staatsangehörigkeit"), _("Ausländer"), _("Anteil")],
        rows=rows,
        public=public,
        total_rows={len(rows) - 1} if counts else set(),
    )


PYRAMID_COLUMNS = ("m:no_mb", "m:mb", "w:no_mb", "w:mb", "other")


def pyramid_data(municipality, date: dt.date) -> dict[str, dict[str, int]]:
    """{age band: {column: count}}, youngest first: the equal five-year bands (0–4 … 85+); figures stored
    before the bands existed keep their old age groups until the extract is evaluated again."""
    stored = list(
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="pyramid", reference_date=date)
        .values_list("group", "category", "value")
    )
    old = stored and not {group for group, _c, _v in stored} & set(PYRAMID_BAND_KEYS)
    data = {
        group: dict.fromkeys(PYRAMID_COLUMNS, 0) for group in (AGE_GROUP_KEYS if old else PYRAMID_BAND_KEYS)
    }
    for group, category, value in stored:
        if group not in data:
            continue
        column = category if category in PYRAMID_COLUMNS else "other"
        data[group][column] += value
    return data


def pyramid_table(municipality, date: dt.date, *, public=False, threshold=2) -> Table:
    """Age groups by sex and migration background (diverse and unknown sex in one column)."""
    data = pyramid_data(municipality, date)
    groups = list(data)[::-1]
    hidden: set = set()
    if public:
        values = {(g, c): data[g][c] for g in groups for c in PYRAMID_COLUMNS}
        lines = [[(g, c) for c in PYRAMID_COLUMNS] for g in groups]
        lines += [[(g, c) for g in groups] for c in PYRAMID_COLUMNS]
        hidden = protect(values, lines, threshold)
    rows = []
    for g in groups:
        total = sum(data[g].values())
        rows.append(
            [_label(g.replace("-", "–"))]
            + [Cell(data[g][c], COUNT, hidden=(g, c) in hidden) for c in PYRAMID_COLUMNS]
            + [Cell(total, COUNT, hidden=public and 1 <= total <= threshold)]
        )
    column_totals = {c: sum(data[g][c] for g in groups) for c in PYRAMID_COLUMNS}
    grand = sum(column_totals.values())
    rows.append(
        [_label(_("Gesamt"))]
        + [
            Cell(column_totals[c], COUNT, hidden=public and 1 <= column_totals[c] <= threshold)
            for c in PYRAMID_COLUMNS
        ]
        + [Cell(grand, COUNT)]
    )
    return Table(
        key="pyramid",
        title=_("Altersaufbau am %(date)s") % {"date": date.strftime("%d.%m.%Y")},
        header=[
            _("Alter"),
            _("männlich ohne MH"),
            _("männlich mit MH"),
            _("weiblich ohne MH"),
            _("weiblich mit MH"),
            _("divers / ohne Angabe"),
            _("Gesamt"),
        ],
        rows=rows,
        caption=_("MH: Migrationshintergrund"),
        public=public,
        total_rows={len(rows) - 1},
    )


def category_labels():
    return {
        "naturalised": _("eingebürgert"),
        "ius_soli": _("Deutsche durch Geburt im Inland (Optionsregelung)"),
        "born_abroad": _("im Ausland geboren (z. B. Spätaussiedler)"),
        "second_citizenship": _("mit zweiter Staatsangehörigkeit"),
        "family": _("Kinder mit Migrationshintergrund eines Elternteils"),
    }


def category_table(municipality, date: dt.date, *, public=False, threshold=2) -> Table:
    """Germans with migration background by the first category that applies, with the total."""
    counts = dict(
        Indicator.objects.for_municipality(municipality)
        .filter(dimension="category", reference_date=date)
        .values_list("group", "value")
    )
    labels = category_labels()
    keys = [k for k in labels if k in counts]
    total = sum(counts[k] for k in keys)
    hidden = protect({k: counts[k] for k in keys}, [keys], threshold) if public else set()
    rows = [
        [
            _label(labels[k]),
            Cell(counts[k], COUNT, hidden=k in hidden),
            Cell(percent_value(counts[k], total), PERCENT, hidden=k in hidden),
        ]
        for k in keys
    ]
    if keys:
        rows.append(
            [
                _label(_("Deutsche mit Migrationshintergrund")),
                Cell(total, COUNT, hidden=public and 1 <= total <= threshold),
                Cell(percent_value(total, total), PERCENT),
            ]
        )
    return Table(
        key="categories",
        title=_("Deutsche mit Migrationshintergrund am %(date)s") % {"date": date.strftime("%d.%m.%Y")},
        header=[_("Art des Migrationshintergrunds"), _("Personen"), _("Anteil")],
        rows=rows,
        public=public,
        total_rows={len(rows) - 1} if keys else set(),
    )
