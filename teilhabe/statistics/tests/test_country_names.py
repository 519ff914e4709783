"""Country codes are ISO 3166-1 (pycountry's list) plus Kosovo and the two non-states; names come from CLDR in
the interface language."""

from django.utils import translation

from teilhabe.statistics.countries import ISO_CODES, VALID_CODES, country_name


def test_the_valid_codes_are_the_iso_list_plus_kosovo_stateless_and_unclear():
    assert len(ISO_CODES) == 249
    assert {"XK", "XS", "XU"} == VALID_CODES - ISO_CODES
    assert "DD" not in VALID_CODES  # the GDR's old code is gone from the standard


def test_names_follow_the_interface_language():
    with translation.override("de"):
        assert [country_name(c) for c in ("SY", "TR", "XK", "XS")] == [
            "Syrien",
            "Türkei",
            "Kosovo",
            "staatenlos",
        ]
    with translation.override("en"):
        assert [country_name(c) for c in ("SY", "TR", "XK", "XS")] == [
            "Syria",
            "Türkiye",
            "Kosovo",
            "stateless",
        ]
    assert country_name("QQ") == "QQ"
