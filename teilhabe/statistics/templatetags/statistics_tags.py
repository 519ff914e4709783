"""Template helpers of the Faktencheck pages."""

from django import template

from teilhabe.statistics.headers import column_label as _column_label

register = template.Library()


@register.filter
def column_label(column: str) -> str:
    """``citizenship`` -> ``Staatsangehörigkeit`` (in the user's language) for the header report."""
    return _column_label(column)
