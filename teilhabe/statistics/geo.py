"""District boundaries from GeoJSON: read, check, reproject to ETRS89 / UTM zone 32N, simplify.

An office uploads its district boundaries once (the "Stadtteilkarte"). The file is GeoJSON (RFC 7946) with
one feature per district, a Polygon or MultiPolygon each, and a property holding the district's key as the
register extract writes it in its district column (a name such as ``Altstadt`` or a code such as ``03``).

Coordinates come in one of two systems, recognised by the ``crs`` member (older GeoJSON, as GIS software
exports it) or, without one, by their ranges:

- WGS84 longitude/latitude (EPSG:4326, RFC 7946's only system; ETRS89 EPSG:4258 is the same at map scale),
- ETRS89 / UTM zone 32N (EPSG:25832), the system of German surveying offices, in metres; also with the
  zone number in front of the easting (``32 500 000``, EPSG:4647), as some offices write it.

Everything is stored in EPSG:25832 (metres, conformal, the whole of Germany in one zone): WGS84 is
reprojected with pyproj (PROJ ships with the wheel; nothing is fetched). Each ring is simplified
(Douglas–Peucker) to a tolerance far below one pixel of the drawn map, so a survey office's file with
hundreds of thousands of points becomes a few thousand, and the page stays small.

Pure functions, no database: :func:`read_district_map` returns the shapes or raises
:class:`DistrictMapError` with one German sentence per problem, naming the file and the feature.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .extract import ExtractError

#: Largest file accepted (bytes). A city's districts are well under 1 MB simplified; survey offices'
#: boundaries with every vertex can reach a few MB.
MAX_FILE_BYTES = 15 * 1024 * 1024
MAX_FEATURES = 500
MAX_POINTS = 2_000_000
#: Simplification tolerance as a share of the larger side of the map (1/2500: 0.3 px at 800 px).
SIMPLIFY_SHARE = 1 / 2500

WGS84 = "EPSG:4326"
UTM32 = "EPSG:25832"

#: Property names that may hold the district key, in order of preference when nothing decides.
KEY_PROPERTIES = (
    "stadtteil",
    "bezirk",
    "statistischer bezirk",
    "name",
    "schluessel",
    "schlüssel",
    "key",
    "code",
    "nummer",
    "nr",
    "id",
)
#: Property names that may hold a district's name for the map's table (when the key is a code).
NAME_PROPERTIES = ("name", "bezeichnung", "stadtteil", "bezirk", "gebiet", "stadtteilname")

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes


class DistrictMapError(ExtractError):
    """A district map cannot be used (German sentences naming the file and the feature; nothing saved)."""


@dataclass
class DistrictShape:
    key: str
    name: str
    polygons: list[Polygon]  # EPSG:25832, metres, simplified
    feature: int  # number of the feature in the file (1-based), for messages


@dataclass
class DistrictMapFile:
    shapes: list[DistrictShape]
    crs: str  # the system the file was written in (WGS84 or UTM32)
    key_property: str
    name_property: str = ""
    points_read: int = 0
    points_kept: int = 0
    notes: list[str] = field(default_factory=list)


def _feature_label(number: int, properties: dict) -> str:
    for name in ("name", "Name", "NAME", "bezeichnung", "stadtteil", "Stadtteil"):
        value = properties.get(name) if isinstance(properties, dict) else None
        if isinstance(value, str | int) and str(value).strip():
            return _("Objekt %(number)d („%(name)s“)") % {"number": number, "name": str(value).strip()}
    return _("Objekt %(number)d") % {"number": number}


def _crs_of(document: dict, file_name: str) -> str | None:
    """The system named by the ``crs`` member (None when there is none)."""
    crs = document.get("crs")
    if crs is None:
        return None
    name = ""
    if isinstance(crs, dict):
        properties = crs.get("properties")
        if isinstance(properties, dict):
            name = str(properties.get("name") or properties.get("code") or "")
    text = name.upper()
    if "CRS84" in text:
        return WGS84
    match = re.search(r"EPSG(?::+|/\d*/)?(\d{4,5})\b", text)
    code = match.group(1) if match else None
    if code in ("4326", "4258"):
        return WGS84
    if code in ("25832", "4647"):
        return UTM32
    raise DistrictMapError(
        file_name,
        [
            _(
                "Das Koordinatensystem „%(crs)s“ wird nicht unterstützt. Erwartet wird WGS84 (EPSG:4326) "
                "oder ETRS89/UTM32N (EPSG:25832); bitte die Datei im GIS in eines davon umwandeln."
            )
            % {"crs": name or json.dumps(crs, ensure_ascii=False)[:80]}
        ],
    )


def _system_by_ranges(xs_min, xs_max, ys_min, ys_max) -> str | None:
    if -180 <= xs_min <= xs_max <= 180 and -90 <= ys_min <= ys_max <= 90:
        return WGS84
    if 0 <= xs_min <= xs_max <= 1_300_000 and 5_000_000 <= ys_min <= ys_max <= 6_300_000:
        return UTM32
    if 32_000_000 <= xs_min <= xs_max <= 33_300_000 and 5_000_000 <= ys_min <= ys_max <= 6_300_000:
        return UTM32  # zone number in front of the easting (EPSG:4647)
    return None


def _check_ring(ring, where: str) -> Ring | str:
    """A ring as a list of (x, y) floats, or the German reason it is not one."""
    if not isinstance(ring, list) or len(ring) < 4:
        return _("%(where)s: ein Ring hat weniger als vier Punkte.") % {"where": where}
    out: Ring = []
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in position[:2])
            or not all(math.isfinite(v) for v in position[:2])
        ):
            return _("%(where)s: eine Koordinate ist kein Zahlenpaar (%(value)s).") % {
                "where": where,
                "value": json.dumps(position)[:40],
            }
        out.append((float(position[0]), float(position[1])))
    if out[0] != out[-1]:
        out.append(out[0])  # tolerate an open ring: close it
    return out


def _polygons_of(geometry, where: str) -> list[Polygon] | str:
    if not isinstance(geometry, dict) or "type" not in geometry:
        return _("%(where)s hat keine Geometrie.") % {"where": where}
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        raw = [coordinates]
    elif kind == "MultiPolygon":
        raw = coordinates if isinstance(coordinates, list) else None
    else:
        return _(
            "%(where)s: Geometrietyp „%(type)s“ wird nicht unterstützt; erwartet Polygon oder MultiPolygon."
        ) % {"where": where, "type": kind}
    if not raw or not all(isinstance(p, list) and p for p in raw):
        return _("%(where)s: die Koordinaten fehlen oder sind leer.") % {"where": where}
    polygons: list[Polygon] = []
    for polygon in raw:
        rings = []
        for ring in polygon:
            checked = _check_ring(ring, where)
            if isinstance(checked, str):
                return checked
            rings.append(checked)
        polygons.append(rings)
    return polygons


def norm_key(value) -> str:
    """How keys are compared: trimmed, case and inner blanks ignored (``" 03 "`` = ``"03"``)."""
    return re.sub(r"\s+", " ", str(value).strip()).casefold()


def _key_text(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _choose_key_property(features: list[dict], known: dict[str, str], wanted: str | None) -> str | None:
    """The property holding the district key: the one asked for, else the one matching most known
    districts, else the first of :data:`KEY_PROPERTIES` that every feature has."""
    props = [f.get("properties") if isinstance(f.get("properties"), dict) else {} for f in features]
    names: list[str] = []
    for p in props:
        for name in p:
            if name not in names:
                names.append(name)
    if wanted:
        for name in names:
            if norm_key(name) == norm_key(wanted):
                return name
        return None
    usable = [n for n in names if all(_key_text(p.get(n)) is not None for p in props)]
    if known:
        scored = [(sum(norm_key(_key_text(p.get(n))) in known for p in props), n) for n in usable]
        best = max((score for score, _n in scored), default=0)
        if best:
            return next(n for score, n in scored if score == best)
    by_name = {norm_key(n): n for n in usable}
    return next((by_name[k] for k in KEY_PROPERTIES if k in by_name), usable[0] if usable else None)


def too_large(size: int) -> str:
    return _("Die Datei ist %(size)s MB groß, höchstens %(max)s MB sind erlaubt.") % {
        "size": ("%.1f" % (size / 1e6)).replace(".", ","),
        "max": "%d" % (MAX_FILE_BYTES // 1_000_000),
    }


def read_district_map(
    data: bytes, file_name: str, known_districts=(), key_property: str | None = None
) -> DistrictMapFile:
    """Read and check a GeoJSON district map; raise :class:`DistrictMapError` (nothing is kept).

    ``known_districts`` are the districts of the stored figures (as the extract writes them); when there
    are any, every feature's key must be one of them (compared ignoring case and blanks) and is stored in
    the extract's spelling. ``key_property`` names the property with the key (found by itself otherwise).
    """
    if len(data) > MAX_FILE_BYTES:
        raise DistrictMapError(file_name, [too_large(len(data))])
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DistrictMapError(
            file_name, [_("Die Datei ist nicht in UTF-8 geschrieben (GeoJSON).")]
        ) from None
    except json.JSONDecodeError as error:
        raise DistrictMapError(
            file_name,
            [
                _("Die Datei ist kein gültiges JSON: %(reason)s in Zeile %(line)d, Spalte %(column)d.")
                % {"reason": error.msg, "line": error.lineno, "column": error.colno}
            ],
        ) from None
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = {"type": "FeatureCollection", "features": [document], "crs": document.get("crs")}
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise DistrictMapError(
            file_name,
            [_("Die Datei ist kein GeoJSON: erwartet wird eine FeatureCollection mit den Stadtteilen.")],
        )
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise DistrictMapError(file_name, [_("Die Datei enthält keine Stadtteile (features ist leer).")])
    if len(features) > MAX_FEATURES:
        raise DistrictMapError(
            file_name,
            [
                _("Die Datei enthält %(count)d Objekte, höchstens %(max)d Stadtteile sind vorgesehen.")
                % {"count": len(features), "max": MAX_FEATURES}
            ],
        )
    crs = _crs_of(document, file_name)
    known = {norm_key(d): d for d in known_districts if str(d).strip()}
    features = [f if isinstance(f, dict) else {} for f in features]
    key_name = _choose_key_property(features, known, key_property)
    problems: list[str] = []
    if key_name is None:
        raise DistrictMapError(
            file_name,
            [
                _("Keine Eigenschaft „%(property)s“ in den Objekten der Datei.") % {"property": key_property}
                if key_property
                else _(
                    "Kein Objekt hat eine Eigenschaft mit dem Schlüssel des Stadtteils (z. B. „name“ oder "
                    "„schluessel“), die in allen Objekten gefüllt ist."
                )
            ],
        )
    name_name = next(
        (
            n
            for n in (features[0].get("properties") or {})
            if norm_key(n) in NAME_PROPERTIES and n != key_name
        ),
        "",
    )
    shapes: list[DistrictShape] = []
    seen: dict[str, int] = {}
    points = 0
    for number, feature in enumerate(features, 1):
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        where = _feature_label(number, properties)
        if feature.get("type") != "Feature":
            problems.append(_("%(where)s ist kein Feature.") % {"where": where})
            continue
        key = _key_text(properties.get(key_name))
        if key is None:
            problems.append(
                _("%(where)s: die Eigenschaft „%(property)s“ mit dem Stadtteil fehlt oder ist leer.")
                % {"where": where, "property": key_name}
            )
            continue
        polygons = _polygons_of(feature.get("geometry"), where)
        if isinstance(polygons, str):
            problems.append(polygons)
            continue
        points += sum(len(ring) for polygon in polygons for ring in polygon)
        if points > MAX_POINTS:
            raise DistrictMapError(
                file_name,
                [
                    _("Die Datei hat mehr als %(max)s Punkte; bitte im GIS vereinfachen.")
                    % {"max": MAX_POINTS}
                ],
            )
        normalised = norm_key(key)
        if normalised in seen:
            problems.append(
                _("%(where)s: der Stadtteil „%(key)s“ kommt schon in Objekt %(first)d vor.")
                % {"where": where, "key": key, "first": seen[normalised]}
            )
            continue
        seen[normalised] = number
        if known and normalised not in known:
            listed = ", ".join("„%s“" % d for d in sorted(known.values())[:20])
            problems.append(
                _(
                    "%(where)s: den Stadtteil „%(key)s“ (Eigenschaft „%(property)s“) gibt es in den "
                    "gespeicherten Zahlen nicht. Bekannt sind: %(known)s."
                )
                % {"where": where, "key": key, "property": key_name, "known": listed}
            )
            continue
        name = _key_text(properties.get(name_name)) if name_name else None
        shapes.append(
            DistrictShape(key=known.get(normalised, key), name=name or key, polygons=polygons, feature=number)
        )
    if problems:
        raise DistrictMapError(file_name, problems)
    crs = _project(shapes, crs, file_name)
    kept = _simplify_all(shapes)
    return DistrictMapFile(
        shapes=shapes,
        crs=crs,
        key_property=key_name,
        name_property=name_name,
        points_read=points,
        points_kept=kept,
    )


def _bounds(shapes) -> tuple[float, float, float, float]:
    xs = [x for s in shapes for polygon in s.polygons for ring in polygon for x, _y in ring]
    ys = [y for s in shapes for polygon in s.polygons for ring in polygon for _x, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _project(shapes: list[DistrictShape], crs: str | None, file_name: str) -> str:
    """Bring every shape to EPSG:25832 in place; return the system the file was in."""
    x0, y0, x1, y1 = _bounds(shapes)
    by_ranges = _system_by_ranges(x0, x1, y0, y1)
    if crs is None:
        crs = by_ranges
    if crs is None or by_ranges != crs:
        raise DistrictMapError(
            file_name,
            [
                _(
                    "Die Koordinaten (x %(x0)s bis %(x1)s, y %(y0)s bis %(y1)s) passen weder zu WGS84 "
                    "(Länge/Breite in Grad) noch zu ETRS89/UTM32N (EPSG:25832, Meter)%(named)s."
                )
                % {
                    "x0": "%.0f" % x0 if abs(x0) > 1000 else "%.4f" % x0,
                    "x1": "%.0f" % x1 if abs(x1) > 1000 else "%.4f" % x1,
                    "y0": "%.0f" % y0 if abs(y0) > 1000 else "%.4f" % y0,
                    "y1": "%.0f" % y1 if abs(y1) > 1000 else "%.4f" % y1,
                    "named": (_(", obwohl die Datei %(crs)s angibt") % {"crs": crs}) if crs else "",
                }
            ],
        )
    if crs == WGS84:
        transform = wgs84_to_utm32()
        for shape in shapes:
            shape.polygons = [
                [_transform_ring(transform, ring) for ring in polygon] for polygon in shape.polygons
            ]
    elif x0 >= 32_000_000:
        for shape in shapes:
            shape.polygons = [
                [[(x - 32_000_000, y) for x, y in ring] for ring in polygon] for polygon in shape.polygons
            ]
    return crs


def wgs84_to_utm32():
    """pyproj's transformer from WGS84 longitude/latitude to ETRS89 / UTM zone 32N (x = easting)."""
    from pyproj import Transformer

    return Transformer.from_crs(WGS84, UTM32, always_xy=True)


def _transform_ring(transform, ring: Ring) -> Ring:
    xs, ys = transform.transform([x for x, _y in ring], [y for _x, y in ring])
    return list(zip(xs, ys, strict=True))


# --- simplification ----------------------------------------------------------------------------


def simplify_ring(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on a closed ring (kept closed, at least four points; a ring that would collapse
    is kept as it is)."""
    if len(ring) <= 4:
        return ring
    # Split the closed ring at the point farthest from its start, so both halves are open lines.
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    first = _douglas_peucker(ring[: far + 1], tolerance)
    second = _douglas_peucker(ring[far:], tolerance)
    out = first[:-1] + second
    return out if len(out) >= 4 else ring


def _douglas_peucker(points: Ring, tolerance: float) -> Ring:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        (ax, ay), (bx, by) = points[lo], points[hi]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(lo + 1, hi):
            px, py = points[i]
            if length:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > worst:
                worst, index = distance, i
        if index > 0 and worst > tolerance:
            keep[index] = True
            stack.extend(((lo, index), (index, hi)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _simplify_all(shapes: list[DistrictShape]) -> int:
    x0, y0, x1, y1 = _bounds(shapes)
    tolerance = max(x1 - x0, y1 - y0) * SIMPLIFY_SHARE
    kept = 0
    for shape in shapes:
        shape.polygons = [
            [[(round(x, 1), round(y, 1)) for x, y in simplify_ring(ring, tolerance)] for ring in polygon]
            for polygon in shape.polygons
        ]
        kept += sum(len(ring) for polygon in shape.polygons for ring in polygon)
    return kept
