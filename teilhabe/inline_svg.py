"""matplotlib's SVG made fit to stand inside an HTML page, next to other charts, under the site's
Content-Security-Policy.

matplotlib numbers its ids the same way in every figure (`figure_1`, `axes_1`, `patch_1`, clip paths from a
hash), so two charts on one page share ids, which HTML forbids and which breaks `url(#…)` references; and it
writes RDF `<metadata>`, which HTML does not allow. `inline_svg` removes the metadata and prefixes every id and
every reference to one with a prefix of the chart's own.

matplotlib also writes its look as CSS: a `style="fill: #…; stroke-width: 0.8"` attribute on most elements and
one `<style>` element (`*{stroke-linejoin: round; stroke-linecap: butt}`). The Content-Security-Policy refuses
both (no 'unsafe-inline' for styles, teilhabe/csp.py), so the chart would lose every colour. Each declaration is
turned into the SVG presentation attribute of the same name (`fill="#…"`, which is not CSS and is allowed), and
the `<style>` element's universal rule into attributes of every shape that does not set its own. Declarations
that have no presentation attribute are dropped.
"""

import re

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>\s*", re.DOTALL)
_UNIVERSAL_RULE = re.compile(r"\*\s*\{([^}]*)\}")
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*\"[^\"]*\")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|xlink:href="#|href="#)([^)"]+)')
_SAFE = re.compile(r"[^A-Za-z0-9_-]")

# SVG 1.1 presentation attributes (the CSS properties an SVG element may also carry as attributes).
PRESENTATION = frozenset(
    [
        "alignment-baseline",
        "baseline-shift",
        "clip",
        "clip-path",
        "clip-rule",
        "color",
        "color-interpolation",
        "color-interpolation-filters",
        "color-rendering",
        "cursor",
        "direction",
        "display",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "fill-rule",
        "filter",
        "flood-color",
        "flood-opacity",
        "font-family",
        "font-size",
        "font-size-adjust",
        "font-stretch",
        "font-style",
        "font-variant",
        "font-weight",
        "image-rendering",
        "letter-spacing",
        "lighting-color",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "opacity",
        "overflow",
        "paint-order",
        "pointer-events",
        "shape-rendering",
        "stop-color",
        "stop-opacity",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-decoration",
        "text-rendering",
        "unicode-bidi",
        "vector-effect",
        "visibility",
        "word-spacing",
        "writing-mode",
    ]
)
SHAPES = frozenset(["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text"])


def _declarations(css: str) -> list[tuple[str, str]]:
    pairs = []
    for declaration in css.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        if colon and name in PRESENTATION and value:
            pairs.append((name, value))
    return pairs


def presentation_attributes(svg: str) -> str:
    """`svg` without `style` attributes and `<style>` elements, their declarations as attributes."""
    universal = []
    for css in _STYLE_ELEMENT.findall(svg):
        for rule in _UNIVERSAL_RULE.findall(css):
            universal += _declarations(rule)
    svg = _STYLE_ELEMENT.sub("", svg)

    def rewrite(match):
        name, attributes, closing = match.groups()
        pairs = dict(_ATTRIBUTE.findall(attributes))
        if "style" not in pairs and not (universal and name in SHAPES):
            return match.group(0)
        for prop, value in _declarations(pairs.pop("style", "")):
            pairs[prop] = value  # CSS wins over an attribute of the same name
        if name in SHAPES:
            for prop, value in universal:
                pairs.setdefault(prop, value)
        text = "".join(f' {key}="{value}"' for key, value in pairs.items())
        return f"<{name}{text}{closing}>"

    return _TAG.sub(rewrite, svg)


def inline_svg(svg: str, prefix: str) -> str:
    """The `<svg>` element of matplotlib's output, without metadata and inline CSS, its ids starting with
    `prefix`."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    svg = _METADATA.sub("", svg)
    svg = presentation_attributes(svg)
    prefix = _SAFE.sub("-", prefix)
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    return _REFERENCE.sub(
        lambda m: f"{m.group(1)}{prefix}-{m.group(2)}" if m.group(2) in ids else m.group(0), svg
    )
