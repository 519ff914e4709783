"""The district map: storing the office's boundaries, the map's table and the choropleth.

The districts of the figures are the ``area`` values of the stored district indicators, exactly as the
register extract's district column writes them (a name or a code). A map's shape matches a district by that
key (ignoring case and blanks on upload, stored in the figures' spelling), and carries a name for the
table (the key itself when the file has no name property).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from teilhabe.statistics import choropleth, geo
from teilhabe.statistics.countries import country_name
from teilhabe.statistics.disclosure import protect
from teilhabe.statistics.models import DistrictMap, DistrictShape, Indicator, Lead, lead_of
from teilhabe.statistics.tables import COUNT, PERCENT, TEXT, Cell, Table, percent_value

#: Indicators the map can show: key -> (label of the count column, legend title).
MAP_INDICATORS = {
    "foreigners": (gettext_lazy("Ausländer"), gettext_lazy("Anteil der Ausländer an den Einwohnern")),
    "migration_background": (
        gettext_lazy("mit Migrationshintergrund"),
        gettext_lazy("Anteil der Einwohner mit Migrationshintergrund"),
    ),
    "immigration_history": (
        gettext_lazy("mit Einwanderungsgeschichte"),
        gettext_lazy("Anteil der Einwohner mit Einwanderungsgeschichte"),
    ),
}

#: The map of one nationality: the share of the foreigners with the citizenship chosen by the GET parameter
#: ``staatsangehoerigkeit`` (an ISO code) among all residents of each district.
NATIONALITY = "nationality"
NATIONALITY_LABEL = gettext_lazy("Ausländer einer Staatsangehörigkeit")

DEMO_FILE = Path(__file__).parent / "data" / "musterstadt-stadtteile.geojson"


def default_indicator(municipality) -> str:
    return (
        "immigration_history" if lead_of(municipality) == Lead.IMMIGRATION_HISTORY else "migration_background"
    )


def indicator_choices() -> list[tuple[str, str]]:
    """What the map can show, for the page's select (the nationality last; its own select says which)."""
    return [(key, str(label)) for key, (_count, label) in MAP_INDICATORS.items()] + [
        (NATIONALITY, str(NATIONALITY_LABEL))
    ]


@dataclass
class NationalityChoices:
    """The nationalities the map can show at one date (ISO code, name; by name) and the default one."""

    choices: list[tuple[str, str]]
    default: str | None

    def valid(self, code: str | None) -> str | None:
        """``code`` when it is one of the choices, else the default."""
        return code if code in {c for c, _name in self.choices} else self.default


def nationality_choices(municipality, date: dt.date, *, public: bool, threshold: int) -> NationalityChoices:
    """The foreigners' citizenships present at ``date`` (one query), the most frequent as the default.

    Public: only those with more than ``threshold`` foreigners in the whole city. A rarer one could only
    show a map of suppressed districts, and its name in the list would say that one or two such persons
    live here.
    """
    counts = {
        code: value
        for code, value in Indicator.objects.for_municipality(municipality)
        .filter(dimension="nationality", reference_date=date, value__gt=threshold if public else 0)
        .values_list("group", "value")
    }
    choices = sorted(((code, country_name(code)) for code in counts), key=lambda c: c[1].casefold())
    default = min(counts, key=lambda code: (-counts[code], code)) if counts else None
    return NationalityChoices(choices, default)


def known_districts(municipality) -> list[str]:
    """Every district of the stored figures (any reference date), as the extracts write them."""
    return sorted(
        set(
            Indicator.objects.for_municipality(municipality)
            .filter(dimension="district")
            .exclude(area="")
            .values_list("area", flat=True)
            .distinct()
        )
    )


def map_of(municipality) -> DistrictMap | None:
    return DistrictMap.objects.for_municipality(municipality).select_related("uploaded_by").first()


# --- upload ------------------------------------------------------------------------------------


def store_district_map(
    municipality, data: bytes, file_name: str, *, user=None, key_property: str | None = None
) -> tuple[DistrictMap, geo.DistrictMapFile]:
    """Check the GeoJSON and replace the municipality's map (raises geo.DistrictMapError, saving nothing).

    A new upload keeps the office's choice whether the map is public.
    """
    read = geo.read_district_map(data, file_name, known_districts(municipality), key_property)
    with transaction.atomic():
        previous = map_of(municipality)
        public = previous.public if previous else False
        DistrictMap.objects.for_municipality(municipality).delete()
        district_map = DistrictMap.objects.create(
            municipality=municipality,
            file_name=file_name[:255],
            source_crs=read.crs,
            key_property=read.key_property[:120],
            uploaded_by=user if (user is not None and user.is_authenticated) else None,
            public=public,
        )
        DistrictShape.objects.bulk_create(
            [
                DistrictShape(
                    municipality=municipality,
                    district_map=district_map,
                    key=shape.key[:120],
                    name=shape.name[:120],
                    polygons=[
                        [[list(point) for point in ring] for ring in polygon] for polygon in shape.polygons
                    ],
                )
                for shape in read.shapes
            ]
        )
    return district_map, read


def set_district_map_public(district_map: DistrictMap, public: bool) -> DistrictMap:
    """The office's choice whether the map appears on the public pages (audited)."""
    district_map.public = public
    district_map.save(update_fields=["public"])
    return district_map


def load_demo_map(municipality) -> DistrictMap:
    """The demo city's invented districts (shipped with the code), public."""
    district_map, _read = store_district_map(municipality, DEMO_FILE.read_bytes(), DEMO_FILE.name)
    return set_district_map_public(district_map, True)


def stored_message(stored: DistrictMap, read: geo.DistrictMapFile) -> str:
    """What the upload page and ``teilhabe import_district_map`` say after storing a map."""
    return _(
        "Die Stadtteilkarte „%(file)s“ wurde gespeichert: %(count)d Stadtteile, Schlüssel aus "
        "der Eigenschaft „%(property)s“, %(points)s Punkte nach der Vereinfachung."
    ) % {
        "file": stored.file_name,
        "count": len(read.shapes),
        "property": read.key_property,
        "points": read.points_kept,
    }


@dataclass
class Coverage:
    """Which districts of the figures have no shape, and which shapes no figures."""

    without_shape: list[str]
    without_figures: list[str]

    @property
    def lines(self) -> list[str]:
        """The sentences the map page and ``teilhabe import_district_map`` show."""
        lines = []
        if self.without_shape:
            lines.append(
                _("Stadtteile mit Zahlen, aber ohne Umriss (fehlen auf der Karte, stehen in der Tabelle):")
                + " "
                + ", ".join(self.without_shape)
            )
        if self.without_figures:
            lines.append(
                _("Umrisse ohne Zahlen (grau auf der Karte):") + " " + ", ".join(self.without_figures)
            )
        if not lines:
            lines.append(
                _("Jeder Stadtteil der gespeicherten Zahlen hat einen Umriss und jeder Umriss Zahlen.")
            )
        return lines


def coverage(municipality, district_map: DistrictMap | None) -> Coverage:
    shapes = set(district_map.shapes.values_list("key", flat=True)) if district_map else set()
    known = set(known_districts(municipality))
    return Coverage(without_shape=sorted(known - shapes), without_figures=sorted(shapes - known))


# --- the map and its table ---------------------------------------------------------------------


@dataclass
class DistrictMapView:
    table: Table
    svg: str
    indicator: str
    classes: list[choropleth.MapClass]


def _figures(
    municipality, date: dt.date, indicator: str, nationality: str | None
) -> dict[str, dict[str, int]]:
    """Residents and the shown count per district (one query)."""
    stored = Indicator.objects.for_municipality(municipality).filter(reference_date=date)
    if indicator == NATIONALITY:
        stored = stored.filter(
            Q(dimension="district", indicator="residents")
            | Q(dimension="district_nationality", indicator="foreigners", group=nationality)
        )
    else:
        stored = stored.filter(dimension="district", indicator__in=("residents", indicator))
    data: dict[str, dict[str, int]] = {}
    for area, key, dimension, value in stored.values_list("area", "indicator", "dimension", "value"):
        data.setdefault(area, {})[NATIONALITY if dimension == "district_nationality" else key] = value
    if indicator == NATIONALITY:
        if not any(NATIONALITY in values for values in data.values()):
            return {}  # no figures by district and nationality at that date (a statistics office's table)
        for values in data.values():
            values.setdefault(NATIONALITY, 0)  # stored are the districts where that nationality lives
    return data


def _labels(indicator: str, nationality: str | None) -> tuple[str, str]:
    """The count column's label and the legend's title."""
    if indicator == NATIONALITY:
        name = country_name(nationality or "")
        return (
            _("Ausländer: %(nationality)s") % {"nationality": name},
            _("Anteil der Ausländer (%(nationality)s) an den Einwohnern") % {"nationality": name},
        )
    count_label, legend_title = MAP_INDICATORS[indicator]
    return str(count_label), str(legend_title)


def district_map_view(
    municipality,
    date: dt.date,
    indicator: str,
    *,
    public: bool,
    threshold: int,
    district_map=None,
    nationality: str | None = None,
) -> DistrictMapView | None:
    """The choropleth of ``indicator`` at ``date`` with its table (None without a map or figures).

    ``indicator`` is a key of :data:`MAP_INDICATORS` or :data:`NATIONALITY` with ``nationality`` an ISO code.

    Public: counts from 1 to ``threshold`` are suppressed with the same rule as the district table (each
    column is published with its city total), and a district whose count or residents are suppressed is
    hatched. Three queries: the map, its shapes, the figures.
    """
    district_map = district_map or map_of(municipality)
    if district_map is None:
        return None
    shapes = list(district_map.shapes.all())
    if indicator == NATIONALITY and not nationality:
        return None
    data = _figures(municipality, date, indicator, nationality)
    if not shapes or not data:
        return None
    keys = ("residents", indicator)
    hidden: set = set()
    if public:
        areas = list(data)
        values = {(a, k): data[a].get(k, 0) for a in areas for k in keys}
        hidden = protect(values, [[(a, k) for a in areas] for k in keys], threshold)
    # Districts with a shape first (numbered as on the map, by name), then those without ("ohne Angabe" last).
    mapped = sorted(shapes, key=lambda s: s.name.casefold())
    number = {shape.key: i for i, shape in enumerate(mapped, 1)}
    unmapped = sorted((a for a in data if a not in number), key=lambda a: (a == "", a.casefold()))
    areas = []
    for shape in mapped:
        values = data.get(shape.key, {})
        secret = any((shape.key, k) in hidden for k in keys)
        share = percent_value(values[indicator], values["residents"]) if indicator in values else None
        areas.append(
            choropleth.MapArea(
                key=shape.key,
                name=shape.name,
                number=number[shape.key],
                polygons=shape.polygons,
                share=share if values.get("residents") else None,
                hidden=secret and share is not None,
            )
        )
    classes = choropleth.classify([a.share for a in areas if a.shown_share is not None])
    count_label, legend_title = _labels(indicator, nationality)
    rows = []
    for area in areas:
        rows.append(
            _row(area.name, str(area.number), data.get(area.key, {}), indicator, hidden, area.key, classes)
        )
    for key in unmapped:
        rows.append(_row(key or _("ohne Angabe"), "–", data[key], indicator, hidden, key, classes))
    totals = {k: sum(v.get(k, 0) for v in data.values()) for k in keys}
    total_hidden = {k for k in keys if public and 1 <= totals[k] <= threshold}
    rows.append(
        [
            Cell(_("Gesamt"), TEXT),
            Cell("", TEXT),
            Cell(totals["residents"], COUNT, hidden="residents" in total_hidden),
            Cell(totals[indicator], COUNT, hidden=indicator in total_hidden),
            Cell(percent_value(totals[indicator], totals["residents"]), PERCENT, hidden=bool(total_hidden)),
            Cell("", TEXT),
        ]
    )
    title = _("%(what)s je Stadtteil am %(date)s") % {"what": legend_title, "date": date.strftime("%d.%m.%Y")}
    table = Table(
        key="district_map",
        title=title,
        header=[
            _("Stadtteil"),
            _("Nr. auf der Karte"),
            _("Einwohner"),
            count_label,
            _("in %"),
            _("Klasse"),
        ],
        rows=rows,
        public=public,
        total_rows={len(rows) - 1},
        caption=_("Quelle der Umrisse: %(file)s") % {"file": district_map.file_name},
    )
    alternative = _(
        "Karte der Stadtteile: %(what)s in %(count)d Klassen. Die Zahlen stehen in der Tabelle „%(table)s“."
    ) % {"what": legend_title, "count": len(classes), "table": title}
    svg = choropleth.render(
        areas,
        classes,
        title=title,
        legend_title=legend_title,
        alternative=alternative,
        threshold=threshold,
    )
    return DistrictMapView(table=table, svg=svg, indicator=indicator, classes=classes)


def _row(label, number, values, indicator, hidden, key, classes) -> list[Cell]:
    secret_residents = (key, "residents") in hidden
    secret_count = (key, indicator) in hidden
    share = (
        percent_value(values.get(indicator, 0), values.get("residents", 0)) if indicator in values else None
    )
    secret = secret_residents or secret_count
    cls = choropleth.class_of(None if secret else share, classes) if number != "–" else None
    return [
        Cell(label, TEXT),
        Cell(number, TEXT),
        Cell(values.get("residents"), COUNT, hidden=secret_residents),
        Cell(values.get(indicator), COUNT, hidden=secret_count),
        Cell(share, PERCENT, hidden=secret),
        Cell(
            _("keine Angabe") if secret else ("%d: %s" % (cls, classes[cls - 1].label) if cls else "–"),
            TEXT,
        ),
    ]
