"""Charts as inline SVG, drawn by matplotlib on the server; one renderer and one cache for every app.

A chart depends only on the numbers it shows, so the cache key is a hash of those numbers: changed numbers
give a new key and nothing has to be invalidated. matplotlib is imported on the first cache miss only (its
import alone takes a few hundred milliseconds). Pages always show the same numbers as a table next to the
chart; the template marks the SVG as an image with a text alternative.
"""

import gc
import hashlib
import io
import json

from django.core.cache import cache

from teilhabe.inline_svg import inline_svg

CACHE_SECONDS = 60 * 60 * 24
RC = {
    "svg.fonttype": "none",  # real text in the SVG: smaller, selectable, readable by screen readers
    "svg.hashsalt": "teilhabe",  # stable ids, so the same numbers give the same SVG
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": "#8a96a3",
    "axes.labelcolor": "#1c2430",
    "xtick.color": "#1c2430",
    "ytick.color": "#1c2430",
    "text.color": "#1c2430",
    "text.parse_math": False,  # user text (a title with "$...$") is text, never math: no 500, no markup
    "text.usetex": False,
}


def cached_svg(kind, data, draw):
    """The SVG of `draw(figure, data)`, from the cache when the same numbers were drawn before."""
    key = "chart:v4:%s:%s" % (
        kind,
        hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest(),
    )
    svg = cache.get(key)
    if svg is None:
        svg = inline_svg(_render(draw, data), f"chart-{kind}")  # ids unique per chart, no RDF metadata
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def cached_png(kind, data, draw, dpi=200):
    """The same chart as PNG bytes (slides and documents that take no SVG), cached like the SVG."""
    key = "chart:png:v1:%s:%s:%s" % (
        kind,
        dpi,
        hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest(),
    )
    png = cache.get(key)
    if png is None:
        png = _render(draw, data, "png", dpi)
        cache.set(key, png, CACHE_SECONDS)
    return png


def _import_matplotlib():
    """Import matplotlib on first use. Its import creates a few hundred thousand long-lived objects; left to
    the cyclic garbage collector, every full collection afterwards scans them all (about 50 ms, a visible
    hiccup on whatever page is being served). So, once, they are collected and moved out of the collector's
    sight with gc.freeze(), as pre-forking servers do after loading their code."""
    global _MATPLOTLIB_READY
    import matplotlib
    from matplotlib.figure import Figure

    if not _MATPLOTLIB_READY:
        gc.collect()
        gc.freeze()
        _MATPLOTLIB_READY = True
    return matplotlib, Figure


_MATPLOTLIB_READY = False


def _render(draw, data, image_format="svg", dpi=None):
    matplotlib, Figure = _import_matplotlib()
    with matplotlib.rc_context(RC):
        figure = Figure()
        draw(figure, data)
        if image_format == "svg":
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", bbox_inches="tight", transparent=True)
        else:
            buffer = io.BytesIO()
            figure.savefig(buffer, format=image_format, bbox_inches="tight", dpi=dpi, facecolor="white")
            return buffer.getvalue()
    svg = buffer.getvalue()
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
