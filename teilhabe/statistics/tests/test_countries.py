import datetime as dt

from teilhabe.statistics.countries import (
    NON_STATE_CODES,
    VALID_CODES,
    country_name,
    eu_members_on,
)


def test_the_united_kingdom_is_eu_on_31_12_2019_and_not_on_31_12_2020():
    assert "GB" in eu_members_on(dt.date(2019, 12, 31))
    assert "GB" in eu_members_on(dt.date(2020, 1, 31))
    assert "GB" not in eu_members_on(dt.date(2020, 2, 1))
    assert "GB" not in eu_members_on(dt.date(2020, 12, 31))


def test_croatia_is_eu_from_1_july_2013():
    assert "HR" not in eu_members_on(dt.date(2013, 6, 30))
    assert "HR" in eu_members_on(dt.date(2013, 7, 1))


def test_enlargements_follow_their_dates():
    assert eu_members_on(dt.date(1960, 1, 1)) == {"BE", "DE", "FR", "IT", "LU", "NL"}
    assert {"PL", "HU", "CZ"} <= eu_members_on(dt.date(2004, 5, 1))
    assert "PL" not in eu_members_on(dt.date(2004, 4, 30))
    assert {"BG", "RO"} <= eu_members_on(dt.date(2007, 1, 1))
    assert "RO" not in eu_members_on(dt.date(2006, 12, 31))
    assert {"AT", "FI", "SE"} <= eu_members_on(dt.date(1995, 1, 1))
    assert {"ES", "PT"} <= eu_members_on(dt.date(1986, 1, 1))
    assert "GR" in eu_members_on(dt.date(1981, 1, 1))
    assert {"DK", "IE", "GB"} <= eu_members_on(dt.date(1973, 1, 1))


def test_the_eu_has_27_members_after_brexit_and_28_before():
    assert len(eu_members_on(dt.date(2020, 12, 31))) == 27
    assert len(eu_members_on(dt.date(2019, 12, 31))) == 28


def test_codes_include_stateless_unknown_and_kosovo_but_not_made_up_ones():
    assert {"XS", "XU", "XK", "DE", "TR", "UA"} <= VALID_CODES
    assert "ZZ" not in VALID_CODES
    assert "UK" not in VALID_CODES  # the ISO code of the United Kingdom is GB
    assert {"XS", "XU"} == NON_STATE_CODES
    assert len(VALID_CODES) == 249 + 3


def test_country_names_are_german():
    assert country_name("TR") == "Türkei"
    assert country_name("GB") == "Vereinigtes Königreich"
    assert country_name("XS") == "staatenlos"
    assert country_name("QQ") == "QQ"
    assert all(country_name(c) != c for c in VALID_CODES)  # CLDR names every code
