"""Colours that come from data (a status, a field of action) as small inline SVG shapes.

The Content-Security-Policy refuses `style="…"` attributes, so a colour chosen by the office cannot be set
inline in CSS. An SVG presentation attribute (`fill`) is not CSS and is allowed: the shape carries the colour,
the stylesheet its size and place. Filters in every template (`builtins` in settings), like `|number`.
"""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

_SHAPES = {
    "rect": '<rect width="10" height="10" fill="{}"/>',
    "circle": '<circle cx="5" cy="5" r="5" fill="{}"/>',
}


def colour_mark(colour: str, css_class: str = "swatch", shape: str = "rect") -> str:
    """`<svg class="css_class">` filled with `colour`, hidden from screen readers (the text next to it says
    what the colour means)."""
    return format_html(
        '<svg class="{}" viewBox="0 0 10 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        + _SHAPES[shape]
        + "</svg>",
        css_class,
        colour or "#888888",
    )


@register.filter
def swatch(colour, css_class="swatch"):
    """`{{ status.colour|swatch }}`, `{{ field.colour|swatch:"card__stripe" }}`: a coloured rectangle."""
    return colour_mark(colour, css_class)


@register.filter
def dot(colour):
    """`{{ colour|dot }}`: the coloured dot at the start of a badge."""
    return colour_mark(colour, "badge__dot", "circle")


def share_bar(cells) -> str:
    """A bar split into coloured parts, one per (share in percent, colour, title) in `cells`."""
    parts, offset = [], 0.0
    for share, colour, title in cells:
        parts.append((f"{offset:.2f}", f"{share:.2f}", colour, title))
        offset += share
    rects = format_html_join(
        "", '<rect x="{}" width="{}" height="10" fill="{}"><title>{}</title></rect>', parts
    )
    return format_html(
        '<svg class="share-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false">{}</svg>',
        rects,
    )
