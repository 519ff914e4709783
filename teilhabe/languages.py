"""Languages an organisation or contact works in: ISO 639 codes (checked against pycountry) with names from
CLDR (Babel) in the interface language, plus two that are not languages in ISO 639-1 terms: German Sign
Language (stored as "dgs", ISO 639-3 gsg) and Leichte Sprache (easy-to-read German)."""

import functools
from collections.abc import Mapping

import pycountry
from babel import Locale
from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext, gettext_noop

#: The languages offered, in the order the form lists them (codes as stored).
CODES = (
    "de", "en", "ar", "fa", "ps", "ku", "tr", "ru", "uk", "pl", "ro", "bg", "hr", "sr", "bs", "sq", "hu",
    "it", "es", "pt", "fr", "el", "ti", "so", "am", "vi", "zh", "hi", "ur", "ka", "hy", "az", "kk", "cs",
    "sk", "sl", "nl", "dgs", "ls",
)  # fmt: skip

#: Codes that CLDR does not name: our own names, translated by gettext.
OWN_NAMES = {
    "dgs": gettext_noop("Deutsche Gebärdensprache"),
    "ls": gettext_noop("Leichte Sprache"),
    "fa": gettext_noop("Persisch (Farsi/Dari)"),  # CLDR says "Persisch"; offices name both variants
}


def is_iso_code(code: str) -> bool:
    return pycountry.languages.get(alpha_2=code) is not None


@functools.lru_cache(maxsize=8)
def _cldr_names(language: str) -> dict[str, str]:
    return Locale.parse(language.replace("-", "_")).languages


def language_name(code: str, language: str | None = None) -> str:
    """The name of a language code in the interface language; the code itself when it is unknown."""
    if code in OWN_NAMES:
        if language:
            with translation.override(language):
                return gettext(OWN_NAMES[code])
        return gettext(OWN_NAMES[code])
    name = _cldr_names(language or get_language() or settings.LANGUAGE_CODE).get(code)
    return name[:1].upper() + name[1:] if name else code


class _Names(Mapping):
    """{code: name} in the language active when it is read."""

    def __getitem__(self, code):
        if code not in CODES:
            raise KeyError(code)
        return language_name(code)

    def __iter__(self):
        return iter(CODES)

    def __len__(self):
        return len(CODES)


LANGUAGE_NAMES = _Names()
LANGUAGES = [(code, lazy(language_name, str)(code)) for code in CODES]


def language_code(text: str) -> str | None:
    """The code for a code or a German/English name as people type it in a spreadsheet."""
    value = text.strip().lower()
    if value in CODES:
        return value
    for code in CODES:
        names = {language_name(code, language).lower() for language in ("de", "en")}
        if any(name == value or name.split(" ")[0] == value for name in names):
            return code
    return None
