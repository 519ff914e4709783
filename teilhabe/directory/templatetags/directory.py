"""Template helpers of the directory."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def measure_url(municipality, measure):
    """The measure's page, or "" while the concept app has no such page (then the title is shown unlinked)."""
    try:
        return reverse("concept:measure_detail", args=[municipality.slug, measure.pk])
    except NoReverseMatch:
        return ""


@register.inclusion_tag("directory/consent_badge.html")
def consent_badge(contact):
    return {"contact": contact}
