"""The district map as a choropleth: hand-written SVG, drawn on the server (no JavaScript, no tiles).

Input are the districts' shapes in metres (EPSG:25832, see :mod:`teilhabe.statistics.geo`) with a share
each. The shares are put into at most five classes by quantiles of the *published* shares (a suppressed
district's share never moves a class boundary, so the legend cannot reveal it); every class names the
range of the shares in it. A suppressed district is hatched ("keine Angabe", with the reason in the legend),
a district without figures grey. Each district carries its number from the table beside the map; the SVG
is one ``<path>`` per district with the class as ``class="district class-N"`` (``class-hidden``,
``class-none``). Presentation attributes only: no ``style`` attribute, no ``<style>`` element (CSP).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

from teilhabe.formatting import percent

#: ColorBrewer "Blues" (sequential, colour-blind safe), by number of classes.
PALETTES = {
    1: ("#6baed6",),
    2: ("#bdd7e7", "#3182bd"),
    3: ("#deebf7", "#9ecae1", "#3182bd"),
    4: ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"),
    5: ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
}
NO_DATA = "#d9d9d9"
BORDER = "#4f5b69"
INK = "#1c2430"
WIDTH = 800
PAD = 12
MAP_MAX_HEIGHT = 520
TITLE_HEIGHT = 34
ROW = 24
PREFIX = "districtmap"


@dataclass
class MapClass:
    low: Decimal
    high: Decimal
    colour: str

    @property
    def label(self) -> str:
        if self.low == self.high:
            return percent(self.low, 1)
        return _("%(low)s bis %(high)s") % {"low": percent(self.low, 1), "high": percent(self.high, 1)}


@dataclass
class MapArea:
    key: str
    name: str
    number: int
    polygons: list  # [[[x, y], ...], ...] in metres
    share: Decimal | None  # None: no figures
    hidden: bool = False  # suppressed on the public map

    @property
    def shown_share(self) -> Decimal | None:
        return None if self.hidden else self.share


def classify(shares: list[Decimal], most: int = 5) -> list[MapClass]:
    """Up to ``most`` classes by quantiles; equal shares stay in one class; each class's range is the
    lowest and highest share in it."""
    values = sorted(shares)
    if not values:
        return []
    k = min(most, len(set(values)))
    uppers: list[Decimal] = []
    for i in range(1, k):
        upper = values[max(0, round(i * len(values) / k) - 1)]
        if (not uppers or upper > uppers[-1]) and upper < values[-1]:
            uppers.append(upper)
    uppers.append(values[-1])
    palette = PALETTES[len(uppers)]
    classes, low_index = [], 0
    for number, upper in enumerate(uppers):
        members = [v for v in values[low_index:] if v <= upper]
        classes.append(MapClass(low=members[0], high=members[-1], colour=palette[number]))
        low_index += len(members)
    return classes


def class_of(share: Decimal | None, classes: list[MapClass]) -> int | None:
    """1-based class of a share (None without a share)."""
    if share is None or not classes:
        return None
    for number, cls in enumerate(classes, 1):
        if share <= cls.high:
            return number
    return len(classes)


# --- geometry ----------------------------------------------------------------------------------


def _ring_area(ring) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))


def label_point(polygons) -> tuple[float, float]:
    """A point inside the district for its number: on the horizontal line through the centroid of its
    largest polygon, the middle of the widest stretch inside (holes respected)."""
    largest = max(polygons, key=lambda p: abs(_ring_area(p[0])))
    outer = largest[0]
    area = _ring_area(outer)
    if area:
        cy = sum(
            (y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(outer, outer[1:], strict=False)
        )
        cy /= 6 * area
    else:
        cy = sum(y for _x, y in outer) / len(outer)
    crossings = []
    for ring in largest:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 <= cy < y1) or (y1 <= cy < y0):
                crossings.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    crossings.sort()
    spans = [(crossings[i], crossings[i + 1]) for i in range(0, len(crossings) - 1, 2)]
    if not spans:
        return sum(x for x, _y in outer) / len(outer), cy
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return (a + b) / 2, cy


class _Frame:
    """Metres to SVG units: north up, fitted into the map area."""

    def __init__(self, areas: list[MapArea]):
        xs = [x for a in areas for polygon in a.polygons for ring in polygon for x, _y in ring]
        ys = [y for a in areas for polygon in a.polygons for ring in polygon for _x, y in ring]
        self.x0, self.y1 = min(xs), max(ys)
        dx, dy = max(xs) - self.x0 or 1.0, self.y1 - min(ys) or 1.0
        self.scale = min((WIDTH - 2 * PAD) / dx, MAP_MAX_HEIGHT / dy)
        self.width, self.height = dx * self.scale, dy * self.scale
        self.left = (WIDTH - self.width) / 2
        self.top = TITLE_HEIGHT

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.left + (x - self.x0) * self.scale, self.top + (self.y1 - y) * self.scale

    def path(self, polygons) -> str:
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = [self.point(x, y) for x, y in ring]
                parts.append("M" + "L".join("%.1f %.1f" % p for p in points[:-1]) + "Z")
        return "".join(parts)


def _text(x, y, content, *, size=13, weight="normal", anchor="start", halo=False) -> str:
    """A text; with ``halo`` a white outline drawn first underneath, so it reads on any fill (SVG 1.1:
    no ``paint-order``)."""
    common = (
        'x="%.1f" y="%.1f" font-size="%d" font-weight="%s" text-anchor="%s" font-family="system-ui, sans-serif"'
        % (
            x,
            y,
            size,
            weight,
            anchor,
        )
    )
    text = escape(content)
    under = (
        '<text %s fill="#fff" stroke="#fff" stroke-width="3" stroke-linejoin="round">%s</text>'
        % (common, text)
        if halo
        else ""
    )
    return '%s<text %s fill="%s">%s</text>' % (under, common, INK, text)


def _swatch(x, y, fill) -> str:
    return '<rect x="%.1f" y="%.1f" width="22" height="15" fill="%s" stroke="%s" stroke-width="1"/>' % (
        x,
        y,
        fill,
        BORDER,
    )


def render(
    areas: list[MapArea],
    classes: list[MapClass],
    *,
    title: str,
    legend_title: str,
    alternative: str,
    threshold: int,
) -> str:
    """The map as an inline ``<svg>`` element (one path per district)."""
    frame = _Frame(areas)
    hatch = "url(#%s-hatch)" % PREFIX
    paths, labels = [], []
    for area in areas:
        number = class_of(area.shown_share, classes)
        if area.hidden:
            css, fill = "class-hidden", hatch
            tip = _("%(name)s: keine Angabe (Geheimhaltung)") % {"name": area.name}
        elif number is None:
            css, fill = "class-none", NO_DATA
            tip = _("%(name)s: keine Zahlen") % {"name": area.name}
        else:
            css, fill = "class-%d" % number, classes[number - 1].colour
            tip = "%s: %s" % (area.name, percent(area.share, 1))
        paths.append(
            '<path class="district %s" d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="1" '
            'stroke-linejoin="round"><title>%s</title></path>'
            % (css, frame.path(area.polygons), fill, BORDER, escape("%d %s" % (area.number, tip)))
        )
        x, y = frame.point(*label_point(area.polygons))
        labels.append(_text(x, y + 4.5, str(area.number), size=13, weight="bold", anchor="middle", halo=True))

    legend_top = frame.top + frame.height + 18
    legend = [_text(PAD, legend_top + 12, legend_title, size=13, weight="bold")]
    entries = [(cls.colour, cls.label) for cls in classes]
    if any(a.hidden for a in areas):
        entries.append(
            (
                hatch,
                _("keine Angabe: Geheimhaltung kleiner Fallzahlen (1 bis %(threshold)d Personen)")
                % {"threshold": threshold},
            )
        )
    if any(a.shown_share is None and not a.hidden for a in areas):
        entries.append((NO_DATA, _("keine Zahlen für diesen Stadtteil")))
    columns = 2 if all(len(label) <= 38 for _f, label in entries) else 1
    column_width = (WIDTH - 2 * PAD) / columns
    for index, (fill, label) in enumerate(entries):
        row, column = divmod(index, columns)
        x = PAD + column * column_width
        y = legend_top + 22 + row * ROW
        legend.append(_swatch(x, y, fill))
        legend.append(_text(x + 30, y + 12, label, size=13))
    height = math.ceil(legend_top + 22 + math.ceil(len(entries) / columns) * ROW + PAD)
    defs = (
        '<defs><pattern id="%s-hatch" patternUnits="userSpaceOnUse" width="8" height="8" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="%s" stroke-width="3"/></pattern></defs>' % (PREFIX, BORDER)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="choropleth" id="%(prefix)s" width="%(w)d" height="%(h)d" '
        'viewBox="0 0 %(w)d %(h)d" role="img" aria-label="%(alt)s">%(defs)s%(title)s'
        '<g class="areas">%(paths)s</g><g class="labels">%(labels)s</g><g class="legend">%(legend)s</g></svg>'
    ) % {
        "prefix": PREFIX,
        "w": WIDTH,
        "h": height,
        "alt": escape(alternative),
        "defs": defs,
        "title": _text(PAD, 22, title, size=16, weight="bold"),
        "paths": "".join(paths),
        "labels": "".join(labels),
        "legend": "".join(legend),
    }
