"""matplotlib's SVG made fit to stand inside an HTML page, next to other charts.

matplotlib numbers its ids the same way in every figure (`figure_1`, `axes_1`, `patch_1`, clip paths from a
hash), so two charts on one page share ids, which HTML forbids and which breaks `url(#…)` references; and it
writes RDF `<metadata>`, which HTML does not allow. `inline_svg` removes the metadata and prefixes every id and
every reference to one with a prefix of the chart's own.
"""

import re

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')
_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def inline_svg(svg: str, prefix: str) -> str:
    """The `<svg>` element of matplotlib's output, without metadata, its ids starting with `prefix`."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    svg = _METADATA.sub("", svg)
    prefix = _SAFE.sub("-", prefix)
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    return _REFERENCE.sub(
        lambda m: f"{m.group(1)}{prefix}-{m.group(2)}" if m.group(2) in ids else m.group(0), svg
    )
