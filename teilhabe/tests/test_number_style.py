"""One house style for numbers and percentages, in the interface language."""

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from teilhabe.formatting import number, percent


def test_german_groups_with_a_dot_and_sets_a_narrow_space_before_the_percent_sign():
    with translation.override("de"):
        assert number(72477) == "72.477"
        assert percent(Decimal("41.7"), 1) == "41,7\u202f%"
        assert percent(41.66) == "42\u202f%"


def test_english_groups_with_a_comma_and_writes_the_percent_sign_close():
    with translation.override("en"):
        assert number(72477) == "72,477"
        assert percent(Decimal("41.7"), 1) == "41.7%"


def test_every_template_has_the_filters():
    template = Template("{{ n|number }} · {{ s|percent:1 }}")
    with translation.override("de"):
        assert template.render(Context({"n": 1234567, "s": 12.25})) == "1.234.567 · 12,3\u202f%"
