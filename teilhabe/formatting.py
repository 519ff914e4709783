"""The house style for numbers and percentages, in the interface language (Django's localisation):
German 72.477 and 41,7 % (a narrow no-break space before %, as DIN 5008 writes it), English 72,477 and 41.7%.

Also a template library (registered as a builtin in settings): {{ value|number }}, {{ share|percent }},
{{ share|percent:1 }}."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

NARROW_NO_BREAK_SPACE = "\u202f"

register = template.Library()


def number(value, decimals=None) -> str:
    """72477 -> '72.477' (de) / '72,477' (en); decimals fixes the places after the comma."""
    if value is None or value == "":
        return "–"
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def percent(value, decimals=0) -> str:
    """41.7 (a share out of 100) -> '41,7 %' (de) / '41.7%' (en)."""
    if value is None or value == "":
        return "–"
    value = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    text = number(value, int(decimals))
    if (get_language() or "de").startswith("de"):
        return text + NARROW_NO_BREAK_SPACE + "%"
    return text + "%"


@register.filter(name="number")
def number_filter(value, decimals=None):
    return number(value, None if decimals in (None, "") else int(decimals))


@register.filter(name="percent")
def percent_filter(value, decimals=0):
    return percent(value, decimals)
