"""The Faktencheck charts are valid inline SVG and their text alternative says what they show and names the
table that holds the numbers."""

import re

import pytest
from django.urls import reverse

from teilhabe.statistics.models import DistrictMap
from teilhabe.tests.test_inline_charts import assert_valid_inline_svgs


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "what"),
    [
        ("index", "Liniendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stichtag"),
        ("districts", "Karte der Stadtteile: Anteil der Einwohner mit Migrationshintergrund in 5 Klassen"),
        (
            "districts-without-map",
            "Balkendiagramm der Anteile mit Migrationshintergrund und der Ausländer je Stadtteil",
        ),
        ("pyramid", "Alterspyramide: Männer links, Frauen rechts"),
    ],
)
def test_faktencheck_charts_say_what_they_show_and_where_the_numbers_are(
    client, demo_municipality, page, what
):
    if (
        page == "districts-without-map"
    ):  # the bar chart stands in for the map where the office keeps it internal
        DistrictMap.objects.filter(municipality=demo_municipality).update(public=False)
        page = "districts"
    html = client.get(reverse(f"statistics_public:{page}", args=[demo_municipality.slug])).content.decode()
    assert_valid_inline_svgs(html)
    label = re.search(r'<svg [^>]*role="img" aria-label="([^"]+)"', html).group(1)
    assert what in label
    table = re.search(r"Die Zahlen stehen in der Tabelle „([^“]+)“", label).group(1)
    assert f">{table}</caption>" in html
