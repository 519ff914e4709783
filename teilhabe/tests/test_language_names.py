"""Language names come from CLDR in the interface language; the codes offered are ISO 639-1 or our two own."""

from django.utils import translation

from teilhabe.languages import CODES, LANGUAGE_NAMES, OWN_NAMES, is_iso_code, language_code


def test_every_offered_code_is_iso_639_or_one_of_our_own():
    assert [code for code in CODES if code not in OWN_NAMES and not is_iso_code(code)] == []


def test_names_follow_the_interface_language():
    with translation.override("de"):
        assert [LANGUAGE_NAMES[c] for c in ("ar", "uk", "dgs")] == [
            "Arabisch",
            "Ukrainisch",
            "Deutsche Gebärdensprache",
        ]
    with translation.override("en"):
        assert [LANGUAGE_NAMES[c] for c in ("ar", "uk", "dgs")] == [
            "Arabic",
            "Ukrainian",
            "German Sign Language",
        ]


def test_a_spreadsheet_may_name_a_language_in_german_or_english():
    assert [language_code(text) for text in ("Arabisch", "arabic", " TR ", "Persisch", "Klingonisch")] == [
        "ar",
        "ar",
        "tr",
        "fa",
        None,
    ]
