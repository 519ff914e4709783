"""The district map: GeoJSON upload (checks, reprojection), the choropleth, its table and disclosure control."""

import json
import math
import re
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.statistics import choropleth, district_maps, geo
from teilhabe.statistics.models import DistrictMap, DistrictShape, Indicator
from teilhabe.statistics.services import compute_and_store

from .helpers import D, person, write_extract

pytestmark = pytest.mark.django_db

PATH = re.compile(r'<path class="district ([\w-]+)" d="([^"]+)"[^>]*><title>(\d+) ([^<:]+):')


def url(name, municipality, *args, query=""):
    return reverse(name, args=[municipality.slug, *args]) + query


def square(lon, lat, size=0.01):
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def feature(name, ring, kind="Polygon", **properties):
    coordinates = [ring] if kind == "Polygon" else [[ring]]
    return {
        "type": "Feature",
        "properties": {"name": name, **properties},
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def geojson(*features, crs=None) -> bytes:
    document = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(document).encode()


THREE = geojson(
    feature("Altstadt", square(10.00, 48.00)),
    feature("Bühl", square(10.01, 48.00)),
    feature("Eichwald", square(10.00, 48.01)),
)


def setup_three(municipality, tmp_path):
    """Altstadt 30 + 10 Turks, Bühl 20 + 2 Italians (suppressed), Eichwald 25 + 5 Poles (suppressed second)."""
    rows = [person("a%d" % i, district="Altstadt") for i in range(30)]
    rows += [person("t%d" % i, district="Altstadt", citizenship="TR", birth_country="TR") for i in range(10)]
    rows += [person("b%d" % i, district="Bühl") for i in range(20)]
    rows += [person("i%d" % i, district="Bühl", citizenship="IT", birth_country="IT") for i in range(2)]
    rows += [person("e%d" % i, district="Eichwald") for i in range(25)]
    rows += [person("p%d" % i, district="Eichwald", citizenship="PL", birth_country="PL") for i in range(5)]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    district_maps.store_district_map(municipality, THREE, "bezirke.geojson")
    DistrictMap.objects.filter(municipality=municipality).update(public=True)
    return municipality


@pytest.fixture
def three_districts(tmp_path, municipality):
    return setup_three(municipality, tmp_path)


def paths_of(html):
    return {name.strip(): (css, int(number)) for css, _d, number, name in PATH.findall(html)}


# --- coordinates ---------------------------------------------------------------------------------


def meridian_arc(latitude: float) -> float:
    """Length of the GRS80 meridian from the equator (Helmert's series), for an independent check."""
    a, f = 6378137.0, 1 / 298.257222101
    n = f / (2 - f)
    phi = math.radians(latitude)
    big_a = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    return big_a * (
        phi
        - (3 * n / 2 - 3 * n**3 / 16) * math.sin(2 * phi)
        + (15 * n**2 / 16 - 15 * n**4 / 32) * math.sin(4 * phi)
        - (35 * n**3 / 48) * math.sin(6 * phi)
        + (315 * n**4 / 512) * math.sin(8 * phi)
    )


def test_a_point_on_the_central_meridian_lands_where_utm_puts_it():
    x, y = geo.wgs84_to_utm32().transform(9.0, 48.0)
    # On zone 32's central meridian (9° E): easting 500 000 m, northing 0.9996 × the meridian arc.
    assert x == pytest.approx(500_000.0, abs=0.001)
    assert y == pytest.approx(0.9996 * meridian_arc(48.0), abs=0.05)
    assert round(y, 1) == 5_316_300.2


def test_a_wgs84_file_is_reprojected_to_utm32_and_a_utm32_file_is_kept():
    read = geo.read_district_map(geojson(feature("Mitte", square(9.0, 48.0))), "a.geojson")
    assert read.crs == geo.WGS84
    x, y = read.shapes[0].polygons[0][0][0]
    assert (round(x, 1), round(y, 1)) == (500_000.0, 5_316_300.2)
    metres = [[500_000, 5_316_300], [501_000, 5_316_300], [501_000, 5_317_300], [500_000, 5_316_300]]
    for crs in ("urn:ogc:def:crs:EPSG::25832", "EPSG:25832", None):
        read = geo.read_district_map(geojson(feature("Mitte", metres), crs=crs), "b.geojson")
        assert read.crs == geo.UTM32 and tuple(read.shapes[0].polygons[0][0][0]) == (500_000.0, 5_316_300.0)
    prefixed = [[32_000_000 + x, y] for x, y in metres]  # zone number in front (EPSG:4647)
    read = geo.read_district_map(geojson(feature("Mitte", prefixed)), "c.geojson")
    assert tuple(read.shapes[0].polygons[0][0][0]) == (500_000.0, 5_316_300.0)


@pytest.mark.parametrize(
    ("crs", "ring", "message"),
    [
        ("EPSG:31468", square(9.0, 48.0), "Koordinatensystem „EPSG:31468“ wird nicht unterstützt"),
        (
            None,
            [[4_400_000, 5_300_000], [4_401_000, 5_300_000], [4_401_000, 5_301_000], [4_400_000, 5_300_000]],
            "passen weder zu WGS84",
        ),
        (
            "EPSG:4326",
            [[500_000, 5_316_300], [501_000, 5_316_300], [501_000, 5_317_300], [500_000, 5_316_300]],
            "obwohl die Datei EPSG:4326 angibt",
        ),
    ],
)
def test_other_coordinate_systems_are_refused_with_a_reason(crs, ring, message):
    with pytest.raises(geo.DistrictMapError, match=message):
        geo.read_district_map(geojson(feature("Mitte", ring), crs=crs), "a.geojson")


def test_simplification_keeps_shapes_and_drops_needless_points():
    # A square with 400 points along its edges: four corners are enough.
    edge = [[10 + i / 100 * 0.01, 48.0] for i in range(100)]
    ring = edge + [[10.01, 48 + i / 100 * 0.01] for i in range(100)]
    ring += [[10.01 - i / 100 * 0.01, 48.01] for i in range(100)] + [
        [10.0, 48.01 - i / 100 * 0.01] for i in range(100)
    ]
    ring.append(ring[0])
    read = geo.read_district_map(geojson(feature("Mitte", ring)), "a.geojson")
    assert read.points_read == 401 and read.points_kept <= 8
    assert len(read.shapes[0].polygons[0][0]) >= 4


# --- upload checks -------------------------------------------------------------------------------


def problems(data, known=(), **kwargs):
    with pytest.raises(geo.DistrictMapError) as refused:
        geo.read_district_map(data, "bezirke.geojson", known, **kwargs)
    return str(refused.value)


def test_bad_json_names_file_line_and_column():
    message = problems(b'{"type": "FeatureCollection",\n "features": [}')
    assert message.startswith("Datei „bezirke.geojson“: Die Datei ist kein gültiges JSON")
    assert "Zeile 2, Spalte" in message


def test_a_wrong_geometry_type_names_the_feature():
    line = {"type": "LineString", "coordinates": [[10, 48], [10.1, 48.1]]}
    data = geojson(feature("Altstadt", square(10, 48)), {**feature("Bühl", []), "geometry": line})
    assert "Objekt 2 („Bühl“): Geometrietyp „LineString“ wird nicht unterstützt" in problems(data)


def test_unknown_and_duplicate_districts_name_the_feature_and_nothing_is_kept():
    data = geojson(
        feature("Altstadt", square(10, 48)),
        feature("Neustadt", square(10.01, 48)),
        feature("altstadt ", square(10.02, 48)),
    )
    message = problems(data, known=["Altstadt", "Bühl"])
    assert (
        "Objekt 2 („Neustadt“): den Stadtteil „Neustadt“ (Eigenschaft „name“) gibt es in den gespeicherten"
        in message
    )
    assert "Bekannt sind: „Altstadt“, „Bühl“." in message
    assert "Objekt 3 („altstadt“): der Stadtteil „altstadt“ kommt schon in Objekt 1 vor." in message


def test_a_feature_without_its_key_is_named():
    data = geojson(feature("Altstadt", square(10, 48), nr="1"), feature("Bühl", square(10.01, 48)))
    assert "Objekt 2 („Bühl“): die Eigenschaft „nr“ mit dem Stadtteil fehlt" in problems(
        data, key_property="nr"
    )


def test_a_huge_file_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(geo, "MAX_FILE_BYTES", 2_000_000)
    assert "Die Datei ist 2,5 MB groß, höchstens 2 MB sind erlaubt." in problems(b"{" * 2_500_000)


def test_not_geojson_and_empty_collections_are_refused():
    assert "kein GeoJSON" in problems(b'{"type": "Topology"}')
    assert "keine Stadtteile" in problems(b'{"type": "FeatureCollection", "features": []}')


def test_the_key_is_the_property_that_matches_the_figures_and_keeps_their_spelling():
    data = geojson(
        feature("Alte Stadt", square(10, 48), code=" 01"),
        feature("Am Bühl", square(10.01, 48), code=2),
    )
    read = geo.read_district_map(data, "a.geojson", ["01", "2"])
    assert read.key_property == "code" and read.name_property == "name"
    assert [(s.key, s.name) for s in read.shapes] == [("01", "Alte Stadt"), ("2", "Am Bühl")]


# --- the map and its table -----------------------------------------------------------------------


def test_classes_are_quantiles_of_the_shown_shares_with_their_ranges():
    shares = [Decimal(v) for v in ("5.0", "7.5", "10.0", "12.0", "20.0", "20.0", "31.4")]
    classes = choropleth.classify(shares)
    assert [(c.low, c.high) for c in classes] == [
        (Decimal("5.0"), Decimal("5.0")),
        (Decimal("7.5"), Decimal("10.0")),
        (Decimal("12.0"), Decimal("12.0")),
        (Decimal("20.0"), Decimal("20.0")),
        (Decimal("31.4"), Decimal("31.4")),
    ]
    assert [choropleth.class_of(v, classes) for v in shares] == [1, 2, 2, 3, 4, 4, 5]
    assert choropleth.classify([Decimal(3)] * 4) == [choropleth.MapClass(Decimal(3), Decimal(3), "#6baed6")]


def test_the_demo_map_has_one_path_per_district_in_the_class_of_its_share(client, demo_municipality):
    html = client.get(
        url("statistics_public:districts", demo_municipality, query="?kennzahl=foreigners")
    ).content.decode()
    paths = paths_of(html)
    assert len(paths) == 12 and html.count('<path class="district') == 12
    view = district_maps.district_map_view(
        demo_municipality, D, "foreigners", public=True, threshold=demo_municipality.publication_threshold
    )
    for row in view.table.rows[:-1]:  # not the total
        name, number, share = row[0].value, int(row[1].value), row[4].value
        css, drawn_number = paths[name]
        assert drawn_number == number
        assert css == "class-%d" % choropleth.class_of(share, view.classes)
        assert row[5].text.startswith(css.removeprefix("class-") + ": ")
    assert len({css for css, _n in paths.values()}) == 5  # five classes in use
    assert "Anteil der Ausländer an den Einwohnern" in html


def test_the_table_beside_the_map_carries_the_stored_figures(demo_municipality):
    view = district_maps.district_map_view(
        demo_municipality, D, "immigration_history", public=False, threshold=2
    )
    stored = {}
    for area, key, value in (
        Indicator.objects.for_municipality(demo_municipality)
        .filter(dimension="district", reference_date=D, indicator__in=("residents", "immigration_history"))
        .values_list("area", "indicator", "value")
    ):
        stored.setdefault(area, {})[key] = value
    rows = {row[0].value: row for row in view.table.rows}
    for area, values in stored.items():
        row = rows[area]
        assert (row[2].value, row[3].value) == (values["residents"], values["immigration_history"])
        share = Decimal(values["immigration_history"] * 100) / values["residents"]
        assert abs(row[4].value - share) <= Decimal("0.05")
    total = rows["Gesamt"]
    assert total[2].value == sum(v["residents"] for v in stored.values())
    assert total[3].value == sum(v["immigration_history"] for v in stored.values())


def test_the_public_map_hatches_suppressed_districts_and_says_why(client, three_districts):
    html = client.get(
        url("statistics_public:districts", three_districts, query="?kennzahl=foreigners")
    ).content.decode()
    paths = paths_of(html)
    assert paths["Bühl"][0] == "class-hidden"  # 2 foreigners
    assert paths["Eichwald"][0] == "class-hidden"  # 5 would reveal them through the published total of 17
    assert paths["Altstadt"][0] == "class-1"
    assert "keine Angabe: Geheimhaltung kleiner Fallzahlen (1 bis 2 Personen)" in html
    assert "Schraffierte Stadtteile: keine Angabe" in html
    assert "url(#districtmap-hatch)" in html
    assert "20,0" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]  # Bühl's 2 of 22 nowhere in the map
    csv = client.get(
        url("statistics_public:export", three_districts, "district_map", "csv", query="?kennzahl=foreigners")
    ).content.decode("utf-8-sig")
    rows = {line.split(";")[0]: line.split(";") for line in csv.splitlines() if ";" in line}
    assert rows["Bühl"][3] == "." and rows["Eichwald"][3] == "." and rows["Altstadt"][3] == "10"
    assert rows["Bühl"][5].strip() == "keine Angabe"
    assert rows["Gesamt"][3] == "17"


def test_the_office_sees_every_district_in_its_class(client, three_districts, office_user):
    client.force_login(office_user)
    html = client.get(
        url("statistics:districts", three_districts, query="?kennzahl=foreigners")
    ).content.decode()
    paths = paths_of(html)
    # Shares 25,0 % (Altstadt), 9,1 % (Bühl), 16,7 % (Eichwald): three classes.
    assert (paths["Bühl"][0], paths["Eichwald"][0], paths["Altstadt"][0]) == ("class-1", "class-2", "class-3")
    assert "class-hidden" not in html


def test_the_office_decides_whether_the_map_is_public(client, three_districts, office_user):
    DistrictMap.objects.filter(municipality=three_districts).update(public=False)
    public_url = url("statistics_public:districts", three_districts)
    assert '<path class="district' not in client.get(public_url).content.decode()
    export = url("statistics_public:export", three_districts, "district_map", "csv")
    assert client.get(export).status_code == 404
    client.force_login(office_user)
    client.post(url("statistics:district_map_public", three_districts), {"public": "on"})
    assert DistrictMap.objects.get(municipality=three_districts).public
    entry = LogEntry.objects.get_for_object(DistrictMap.objects.get(municipality=three_districts)).first()
    assert entry.actor == office_user and entry.changes_dict["public"] == ["False", "True"]
    client.logout()
    assert client.get(public_url).content.decode().count('<path class="district') == 3


def test_the_map_pages_have_bounded_queries(
    client, demo_municipality, office_user, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get(url("statistics_public:districts", demo_municipality)).status_code == 200
    client.force_login(office_user)
    with django_assert_max_num_queries(16):
        assert client.get(url("statistics:districts", demo_municipality)).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url("statistics:district_map", demo_municipality)).status_code == 200


def test_the_query_count_does_not_grow_with_the_districts(
    client, demo_municipality, other_municipality, tmp_path
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    setup_three(other_municipality, tmp_path)
    counts = []
    for municipality in (other_municipality, demo_municipality):  # 3 and 12 districts
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url("statistics_public:districts", municipality)).content.decode()
        assert '<path class="district' in html
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- the office's page ---------------------------------------------------------------------------


def upload(client, municipality, data, name="bezirke.geojson", **extra):
    return client.post(
        url("statistics:district_map", municipality),
        {"file": SimpleUploadedFile(name, data, content_type="application/geo+json"), **extra},
        follow=True,
    )


def test_the_office_uploads_a_map_and_sees_how_it_matches(client, three_districts, office_user):
    client.force_login(office_user)
    two = geojson(feature("Altstadt", square(10.00, 48.00)), feature("Bühl", square(10.01, 48.00)))
    html = upload(client, three_districts, two).content.decode()
    assert "Die Stadtteilkarte „bezirke.geojson“ wurde gespeichert: 2 Stadtteile" in html
    assert "Stadtteile mit Zahlen, aber ohne Umriss" in html and "Eichwald" in html
    current = DistrictMap.objects.get(municipality=three_districts)
    assert current.public and current.source_crs == geo.WGS84  # the office's choice stays
    assert DistrictShape.objects.filter(district_map=current).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{nicht json", "Die Datei ist kein gültiges JSON"),
        (
            geojson({**feature("Altstadt", []), "geometry": {"type": "Point", "coordinates": [10, 48]}}),
            "Objekt 1 („Altstadt“): Geometrietyp „Point“ wird nicht unterstützt",
        ),
        (
            geojson(feature("Neustadt", square(10, 48))),
            "den Stadtteil „Neustadt“ (Eigenschaft „name“) gibt es",
        ),
        (
            geojson(feature("Bühl", square(10, 48)), feature("Bühl", square(10.01, 48))),
            "der Stadtteil „Bühl“ kommt schon in Objekt 1 vor",
        ),
    ],
)
def test_a_bad_map_is_refused_on_the_page_naming_file_and_feature_and_nothing_changes(
    client, three_districts, office_user, data, message
):
    client.force_login(office_user)
    html = upload(client, three_districts, data, name="meine-bezirke.json").content.decode()
    assert "Datei „meine-bezirke.json“" in html and message in html
    current = DistrictMap.objects.get(municipality=three_districts)
    assert current.file_name == "bezirke.geojson" and current.shapes.count() == 3


def test_a_huge_map_is_refused_without_reading_it(client, three_districts, office_user, monkeypatch):
    monkeypatch.setattr(geo, "MAX_FILE_BYTES", 2_000_000)
    client.force_login(office_user)
    html = upload(client, three_districts, b" " * 2_500_000).content.decode()
    assert "Die Datei ist 2,5 MB groß, höchstens 2 MB sind erlaubt." in html
    assert DistrictMap.objects.get(municipality=three_districts).file_name == "bezirke.geojson"


def test_the_demo_ships_its_districts_in_utm32(demo_municipality):
    current = DistrictMap.objects.get(municipality=demo_municipality)
    assert current.public and current.source_crs == geo.UTM32 and current.key_property == "name"
    assert district_maps.coverage(demo_municipality, current) == district_maps.Coverage([], [])


# --- the command line --------------------------------------------------------------------------


def test_the_command_imports_a_map_and_says_how_it_matches_in_the_pages_words(three_districts, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    two = tmp_path / "bezirke-neu.geojson"
    two.write_bytes(
        geojson(
            feature("Altstadt", square(10.00, 48.00)),
            feature("Bühl", square(10.01, 48.00)),
        )
    )
    out = StringIO()
    call_command("import_district_map", str(two), "--municipality", three_districts.slug, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Die Stadtteilkarte „bezirke-neu.geojson“ wurde gespeichert: 2 Stadtteile")
    assert (
        lines[1]
        == "Stadtteile mit Zahlen, aber ohne Umriss (fehlen auf der Karte, stehen in der Tabelle): Eichwald"
    )
    current = DistrictMap.objects.get(municipality=three_districts)
    assert current.file_name == "bezirke-neu.geojson" and current.public  # the office's choice stays
    assert sorted(current.shapes.values_list("key", flat=True)) == ["Altstadt", "Bühl"]


def test_the_command_names_shapes_without_figures(municipality, tmp_path):
    """Before any figures every shape is taken and reported as without figures."""
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "bezirke.geojson"
    path.write_bytes(THREE)
    out = StringIO()
    call_command("import_district_map", str(path), "--municipality", municipality.slug, stdout=out)
    assert (
        out.getvalue().splitlines()[1] == "Umrisse ohne Zahlen (grau auf der Karte): Altstadt, Bühl, Eichwald"
    )


def test_the_command_refuses_a_bad_map_naming_file_and_feature_and_keeps_the_old_one(
    three_districts, tmp_path
):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "meine-bezirke.json"
    bad.write_bytes(geojson(feature("Neustadt", square(10, 48))))
    with pytest.raises(CommandError) as error:
        call_command("import_district_map", str(bad), "--municipality", three_districts.slug)
    assert "Datei „meine-bezirke.json“" in str(error.value)
    assert "den Stadtteil „Neustadt“ (Eigenschaft „name“) gibt es" in str(error.value)
    assert DistrictMap.objects.get(municipality=three_districts).file_name == "bezirke.geojson"
    with pytest.raises(CommandError, match="Unbekannte Kommune „nirgendwo“"):
        call_command("import_district_map", str(bad), "--municipality", "nirgendwo")
    with pytest.raises(CommandError, match="Die Datei wurde nicht gefunden"):
        call_command(
            "import_district_map", str(tmp_path / "fehlt.geojson"), "--municipality", three_districts.slug
        )
