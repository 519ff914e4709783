"""Inline charts are valid HTML next to each other and say what they show: unique ids, no RDF metadata,
references that resolve, and a text alternative that names what is shown and points to the table."""

import datetime
import re

import pytest
from django.urls import reverse

from teilhabe.concept.tests.monitoring import accepted_round, build_concept, statuses
from teilhabe.inline_svg import inline_svg

MATPLOTLIB_LIKE = """<?xml version="1.0"?>
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" id="figure_1">
 <metadata><rdf:RDF><cc:Work><dc:type/></cc:Work></rdf:RDF></metadata>
 <defs><clipPath id="p3f1"><rect/></clipPath></defs>
 <g id="patch_1" clip-path="url(#p3f1)"><use xlink:href="#m0" href="#elsewhere"/></g>
 <path id="m0"/>
</svg>"""


def _ids(html):
    return re.findall(r'\bid="([^"]+)"', html)


def assert_valid_inline_svgs(html):
    assert "<metadata" not in html
    ids = _ids(html)
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {sorted(duplicates)[:10]}"
    for reference in re.findall(r'(?:url\(#|href="#)([^)"]+)', html):
        if reference != "main":  # the skip link
            assert reference in ids, f"reference to a missing id: #{reference}"


def test_inline_svg_prefixes_ids_and_their_references_and_drops_the_metadata():
    svg = inline_svg(MATPLOTLIB_LIKE, "chart-status")
    assert svg.startswith("<svg") and "<metadata" not in svg and "rdf:" not in svg
    assert _ids(svg) == [
        "chart-status-figure_1",
        "chart-status-p3f1",
        "chart-status-patch_1",
        "chart-status-m0",
    ]
    assert 'clip-path="url(#chart-status-p3f1)"' in svg
    assert 'xlink:href="#chart-status-m0"' in svg
    assert 'href="#elsewhere"' in svg  # not an id of this chart: left alone


def test_two_charts_of_the_same_figure_get_different_ids():
    first, second = inline_svg(MATPLOTLIB_LIKE, "chart-a"), inline_svg(MATPLOTLIB_LIKE, "chart-b")
    assert not set(_ids(first)) & set(_ids(second))


@pytest.mark.django_db
def test_the_dashboard_with_both_charts_has_unique_ids_and_alternatives(
    client, office_user, municipality, department
):
    concept = build_concept(municipality, fields=2, goals=1, measures=3, leads=[department])
    vocabulary = statuses(municipality)
    for title, day in (
        ("Herbst 2023", datetime.date(2023, 10, 31)),
        ("Mai 2024", datetime.date(2024, 5, 31)),
    ):
        accepted_round(concept, title, day, lambda measure: vocabulary["in Umsetzung"])
    client.force_login(office_user)
    html = client.get(reverse("concept:dashboard", args=[municipality.slug, concept.pk])).content.decode()
    assert html.count("<svg") - html.count('<svg class="swatch"') == 2  # the charts (and colour swatches)
    assert_valid_inline_svgs(html)
    assert "style=" not in html and "<style" not in html  # matplotlib's CSS became presentation attributes
    assert "Liniendiagramm: Anteil begonnener und umgesetzter Maßnahmen je abgeschlossener Runde" in html
    assert html.count("stehen in der Tabelle darunter") == 2


def test_only_the_one_renderer_draws_and_saves_figures():
    """teilhabe/charts.py is the one chart renderer and cache: no other module sets matplotlib up, creates a
    figure or writes one (a module may import matplotlib's tick helpers inside its draw function)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    drawing = re.compile(r"pyplot|matplotlib\.figure|matplotlib\.use\(|savefig\(|rcParams|rc_context\(")
    found = []
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.parts or path == root / "charts.py":
            continue
        found += [
            f"{path.relative_to(root)}:{n}"
            for n, line in enumerate(path.read_text().splitlines(), 1)
            if drawing.search(line)
        ]
    assert not found, found
