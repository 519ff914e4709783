"""The district map of one chosen nationality: its select (GET, no JavaScript), figures and disclosure control."""

import re

import pytest

from teilhabe.statistics import district_maps
from teilhabe.statistics.models import DistrictMap
from teilhabe.statistics.services import compute_and_store

from .helpers import D, person, write_extract
from .test_district_map import THREE, paths_of, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def nationalities(tmp_path, municipality):
    """Altstadt 30 + 10 Turks; Bühl 20 + 1 Turk + 4 Italians; Eichwald 25 + 5 Turks + 1 Romanian."""
    rows = [person("a%d" % i, district="Altstadt") for i in range(30)]
    rows += [person("t%d" % i, district="Altstadt", citizenship="TR", birth_country="TR") for i in range(10)]
    rows += [person("b%d" % i, district="Bühl") for i in range(20)]
    rows += [person("bt", district="Bühl", citizenship="TR", birth_country="TR")]
    rows += [person("i%d" % i, district="Bühl", citizenship="IT", birth_country="IT") for i in range(4)]
    rows += [person("e%d" % i, district="Eichwald") for i in range(25)]
    rows += [person("et%d" % i, district="Eichwald", citizenship="TR", birth_country="TR") for i in range(5)]
    rows += [person("er", district="Eichwald", citizenship="RO", birth_country="RO")]
    compute_and_store(municipality, write_extract(tmp_path, rows), D)
    district_maps.store_district_map(municipality, THREE, "bezirke.geojson")
    DistrictMap.objects.filter(municipality=municipality).update(public=True)
    return municipality


def options(html, name):
    select = re.search(r'<select id="%s" name="%s">(.*?)</select>' % (name, name), html, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)


def public_csv(client, municipality, code):
    query = "?kennzahl=nationality&staatsangehoerigkeit=" + code
    return client.get(
        url("statistics_public:export", municipality, "district_map", "csv", query=query)
    ).content.decode("utf-8-sig")


def table_rows(html):
    """The map's table (the first table after the map) as {district: [cell texts]}."""
    table = html.split("</svg>", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells:
            rows[cells[0]] = cells
    return rows


def test_the_office_chooses_a_nationality_and_sees_its_share_per_district(client, nationalities, office_user):
    client.force_login(office_user)
    html = client.get(
        url("statistics:districts", nationalities, query="?kennzahl=nationality&staatsangehoerigkeit=TR")
    ).content.decode()
    # A plain GET form: both selects are submitted by the button, no script needed.
    assert re.search(r'<form method="get" class="filters">', html)
    assert ("nationality", " selected", "Ausländer einer Staatsangehörigkeit") in options(html, "kennzahl")
    assert options(html, "staatsangehoerigkeit") == [
        ("IT", "", "Italien"),
        ("RO", "", "Rumänien"),
        ("TR", " selected", "Türkei"),
    ]
    assert "Anteil der Ausländer (Türkei) an den Einwohnern je Stadtteil am 31.12.2023" in html
    rows = table_rows(html)
    assert rows["Stadtteil"][3] == "Ausländer: Türkei"
    # Altstadt 10 of 40, Bühl 1 of 25, Eichwald 5 of 31 (the office sees small counts).
    assert rows["Altstadt"][2:5] == ["40", "10", "25,0\u202f%"]
    assert rows["Bühl"][2:5] == ["25", "1", "4,0\u202f%"]
    assert rows["Eichwald"][2:5] == ["31", "5", "16,1\u202f%"]
    assert rows["Gesamt"][2:4] == ["96", "16"]
    paths = paths_of(html)
    assert (paths["Bühl"][0], paths["Eichwald"][0], paths["Altstadt"][0]) == ("class-1", "class-2", "class-3")


def test_a_nationality_living_in_one_district_only_shows_zero_elsewhere(client, nationalities, office_user):
    client.force_login(office_user)
    html = client.get(
        url("statistics:districts", nationalities, query="?kennzahl=nationality&staatsangehoerigkeit=ro")
    ).content.decode()
    rows = table_rows(html)
    assert rows["Altstadt"][3] == "0" and rows["Bühl"][3] == "0" and rows["Eichwald"][3] == "1"
    assert rows["Gesamt"][3] == "1"


def test_an_unknown_nationality_falls_back_to_the_most_frequent(client, nationalities, office_user):
    client.force_login(office_user)
    for query in ("?kennzahl=nationality&staatsangehoerigkeit=XX", "?kennzahl=nationality"):
        html = client.get(url("statistics:districts", nationalities, query=query)).content.decode()
        assert "Ausländer: Türkei" in html
    # Only the nationality given (a bookmarked link without kennzahl): that nationality's map.
    html = client.get(
        url("statistics:districts", nationalities, query="?staatsangehoerigkeit=IT")
    ).content.decode()
    assert "Ausländer: Italien" in html


def test_the_public_map_of_a_nationality_suppresses_small_counts(client, nationalities):
    html = client.get(
        url(
            "statistics_public:districts",
            nationalities,
            query="?kennzahl=nationality&staatsangehoerigkeit=TR",
        )
    ).content.decode()
    paths = paths_of(html)
    # Bühl's one Turk is suppressed; Eichwald's 5 would reveal it through the published total of 16.
    assert paths["Bühl"][0] == "class-hidden" and paths["Eichwald"][0] == "class-hidden"
    assert paths["Altstadt"][0] == "class-1"
    rows = table_rows(html)
    assert rows["Bühl"][3] == "." and rows["Eichwald"][3] == "." and rows["Altstadt"][3] == "10"
    assert rows["Gesamt"][3] == "16"
    csv = public_csv(client, nationalities, "TR")
    lines = {line.split(";")[0]: line.split(";") for line in csv.splitlines() if ";" in line}
    assert lines["Bühl"][3] == "." and lines["Eichwald"][3] == "." and lines["Altstadt"][3] == "10"
    assert "Ausländer: Türkei" in csv


def test_the_public_select_offers_no_nationality_with_a_small_city_total(client, nationalities):
    html = client.get(
        url(
            "statistics_public:districts",
            nationalities,
            query="?kennzahl=nationality&staatsangehoerigkeit=RO",
        )
    ).content.decode()
    # One Romanian in the city: not offered, not drawn, not named; the most frequent is shown instead.
    assert [code for code, _s, _n in options(html, "staatsangehoerigkeit")] == ["IT", "TR"]
    assert "Rumänien" not in html
    assert "Ausländer: Türkei" in html
    csv = public_csv(client, nationalities, "RO")
    assert "Rumänien" not in csv and "Ausländer: Türkei" in csv
