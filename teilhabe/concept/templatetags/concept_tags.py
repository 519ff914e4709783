"""Small filters for the concept pages. Filters rather than includes: lists render them for every row."""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from teilhabe.colours import colour_mark
from teilhabe.colours import share_bar as draw_share_bar
from teilhabe.concept.models import StatusReport

register = template.Library()


@register.filter
def status_badge(status):
    """A status (model or snapshot dict with name and colour) as a coloured badge."""
    if not status:
        return format_html('<span class="badge badge--none">{}</span>', _("noch kein Status"))
    name = status["name"] if isinstance(status, dict) else status.name
    colour = status["colour"] if isinstance(status, dict) else status.colour
    return format_html(
        '<span class="badge badge--data">{}{}</span>', colour_mark(colour, "badge__dot", "circle"), name
    )


@register.filter
def share_bar(cells):
    """A status overview's cells (those with a count) as one bar of coloured parts."""
    return draw_share_bar((c.share, c.colour, f"{c.label}: {c.count}") for c in cells if c.count)


def _month(date):
    return formats.date_format(date, "m/Y") if date else "…"


@register.filter
def timeframe(measure):
    """'01/2023–12/2024', 'fortlaufend seit 01/2021', the free-text note, or '–'; marks overdue measures."""
    if measure.ongoing:
        if measure.start:
            return _("fortlaufend seit %(date)s") % {"date": _month(measure.start)}
        return _("fortlaufend")
    if measure.start or measure.end:
        text = f"{_month(measure.start)}–{_month(measure.end)}"
        if measure.is_overdue:
            return format_html('{} <strong class="overdue">{}</strong>', text, _("überfällig"))
        return text
    return measure.timeframe_note or "–"


@register.filter
def state_badge(state):
    """A report's workflow state ("missing" for no report yet) as a small outlined label."""
    if state not in StatusReport.ALL_STATES:
        return ""
    return format_html('<span class="state state--{}">{}</span>', state, StatusReport.state_label(state))
