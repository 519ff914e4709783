"""The Faktencheck charts: the age pyramid in equal five-year bands, a legend on every chart with more than one
series, the SVG scaled to its card's width, and each chart beside the table with its numbers."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from teilhabe.statistics.result import AGE_CLASSES, AGE_GROUP_OF, PYRAMID_BAND_KEYS, PYRAMID_BAND_OF

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "teilhabe.css"
SERIES = {
    "index": ["Migrationshintergrund in %", "Ausländer in %"],
    "pyramid": ["männlich ohne MH", "männlich mit MH", "weiblich ohne MH", "weiblich mit MH"],
}


def test_the_bands_are_five_years_wide_and_each_age_class_lies_in_one_band_and_one_group():
    assert PYRAMID_BAND_KEYS[0] == "0-4" and PYRAMID_BAND_KEYS[-1] == "85+" and len(PYRAMID_BAND_KEYS) == 18
    for key in PYRAMID_BAND_KEYS[:-1]:
        low, high = map(int, key.split("-"))
        assert high - low == 4 and low % 5 == 0
    for key, low, high in AGE_CLASSES:
        band, group = PYRAMID_BAND_OF[key], AGE_GROUP_OF[key]
        band_low = int(band.rstrip("+").split("-")[0])
        assert band_low <= low and (band.endswith("+") or high <= band_low + 4), (key, band)
        group_low = int(group.rstrip("+").split("-")[0])
        assert group_low <= low, (key, group)


def chart_and_table(html):
    svg = re.search(r"<svg .*?</svg>", html, re.DOTALL).group(0)
    return svg, html[html.index("</svg>") :]


@pytest.mark.django_db
def test_the_pyramid_page_shows_five_year_bands_in_chart_and_table(client, demo_municipality):
    html = client.get(reverse("statistics_public:pyramid", args=[demo_municipality.slug])).content.decode()
    svg, rest = chart_and_table(html)
    table = rest[rest.index("<table") : rest.index("</table>")]
    labels = re.findall(r'<th scope="row"[^>]*>([^<]+)</th>', table)
    expected = [key.replace("-", "–") for key in PYRAMID_BAND_KEYS][::-1]
    assert labels[: len(expected)] == expected, labels
    for label in ("0–4", "5–9", "40–44", "85+"):
        assert f">{label}<" in svg  # the chart's axis has the same bands


@pytest.mark.django_db
@pytest.mark.parametrize("page", sorted(SERIES))
def test_every_chart_with_several_series_has_a_legend_and_its_table(client, demo_municipality, page):
    html = client.get(reverse(f"statistics_public:{page}", args=[demo_municipality.slug])).content.decode()
    svg, rest = chart_and_table(html)
    assert re.search(r'<g id="[^"]*legend_1"', svg), "no legend"
    legend = svg[svg.index("legend_1") :]
    for label in SERIES[page]:
        assert label in legend, label
    assert "<table" in rest  # the numbers stay in a table beside the chart
    assert re.match(r"<svg [^>]*viewBox=", svg)  # scales with its width


@pytest.mark.django_db
def test_the_public_district_map_has_a_legend_of_ranges_and_its_table(client, demo_municipality):
    # The demo's map is public, so the public district page shows the choropleth instead of the bar chart.
    html = client.get(reverse("statistics_public:districts", args=[demo_municipality.slug])).content.decode()
    svg, rest = chart_and_table(html)
    assert 'class="choropleth"' in svg
    legend = svg[svg.index('<g class="legend">') :]
    assert re.search(r"\d+,\d\u202f% bis \d+,\d\u202f%", legend), "the legend names each class's range"
    assert "<table" in rest
    assert re.match(r"<svg [^>]*viewBox=", svg)


def test_charts_take_the_width_of_their_card():
    rule = re.search(r"\.chart svg \{([^}]*)\}", CSS.read_text()).group(1)
    assert re.search(r"(^|;)\s*width:\s*100%", rule), rule
    assert "height: auto" in rule
