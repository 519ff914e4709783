"""Countries: ISO 3166-1 alpha-2 codes (checked against pycountry), names from CLDR (Babel) in the interface
language, and EU membership periods.

The register extract identifies states by ISO 3166-1 alpha-2 codes (or by Destatis keys, see
:mod:`teilhabe.statistics.destatis`, which map onto these codes). Two codes
are not states:

- ``XS``: stateless (staatenlos),
- ``XU``: unclear or unknown citizenship (ungeklärt).

``XK`` (Kosovo) is a user-assigned code that German and EU statistics use; it is
accepted like an official code.

EU membership is kept as periods so that the EU/third-country split can be made
*on the reference date*: the United Kingdom was a member until 31 January 2020
(so it is EU on 31.12.2019 and a third country on 31.12.2020), Croatia is a
member from 1 July 2013.
"""

from __future__ import annotations

import datetime as dt
import functools

import pycountry
from babel import Locale
from django.conf import settings
from django.utils.translation import get_language, gettext

STATELESS = "XS"
UNKNOWN = "XU"
GERMANY = "DE"

KOSOVO = "XK"

#: The ISO 3166-1 alpha-2 codes, from pycountry's maintained copy of the standard.
ISO_CODES: frozenset[str] = frozenset(country.alpha_2 for country in pycountry.countries)

#: Every code accepted in a country column of a register extract.
VALID_CODES: frozenset[str] = ISO_CODES | {KOSOVO, STATELESS, UNKNOWN}

#: Codes that are not a state: they never count as a nationality and always
#: count as third country.
NON_STATE_CODES: frozenset[str] = frozenset({STATELESS, UNKNOWN})

_FOUNDING = dt.date(1958, 1, 1)

#: EU (EEC/EC) membership periods: code -> (first day, last day or None).
EU_MEMBERSHIP: dict[str, tuple[dt.date, dt.date | None]] = {
    # Founding members (Treaties of Rome in force 1.1.1958).
    "BE": (_FOUNDING, None),
    "DE": (_FOUNDING, None),
    "FR": (_FOUNDING, None),
    "IT": (_FOUNDING, None),
    "LU": (_FOUNDING, None),
    "NL": (_FOUNDING, None),
    # 1973
    "DK": (dt.date(1973, 1, 1), None),
    "IE": (dt.date(1973, 1, 1), None),
    "GB": (dt.date(1973, 1, 1), dt.date(2020, 1, 31)),
    # 1981
    "GR": (dt.date(1981, 1, 1), None),
    # 1986
    "ES": (dt.date(1986, 1, 1), None),
    "PT": (dt.date(1986, 1, 1), None),
    # 1995
    "AT": (dt.date(1995, 1, 1), None),
    "FI": (dt.date(1995, 1, 1), None),
    "SE": (dt.date(1995, 1, 1), None),
    # 2004
    "CY": (dt.date(2004, 5, 1), None),
    "CZ": (dt.date(2004, 5, 1), None),
    "EE": (dt.date(2004, 5, 1), None),
    "HU": (dt.date(2004, 5, 1), None),
    "LT": (dt.date(2004, 5, 1), None),
    "LV": (dt.date(2004, 5, 1), None),
    "MT": (dt.date(2004, 5, 1), None),
    "PL": (dt.date(2004, 5, 1), None),
    "SI": (dt.date(2004, 5, 1), None),
    "SK": (dt.date(2004, 5, 1), None),
    # 2007
    "BG": (dt.date(2007, 1, 1), None),
    "RO": (dt.date(2007, 1, 1), None),
    # 2013
    "HR": (dt.date(2013, 7, 1), None),
}


def eu_members_on(day: dt.date) -> frozenset[str]:
    """Return the codes of the EU member states on ``day`` (Germany included)."""
    return frozenset(
        code for code, (start, end) in EU_MEMBERSHIP.items() if start <= day and (end is None or day <= end)
    )


@functools.lru_cache(maxsize=8)
def _territories(language: str) -> dict[str, str]:
    return Locale.parse(language.replace("-", "_")).territories


def country_name(code: str, language: str | None = None) -> str:
    """The name of a code in the interface language (CLDR via Babel); the code itself when it is unknown."""
    if code == STATELESS:
        return gettext("staatenlos")
    if code == UNKNOWN:
        return gettext("ungeklärt / ohne Angabe")
    if code not in VALID_CODES:
        return code
    return _territories(language or get_language() or settings.LANGUAGE_CODE).get(code, code)


def is_eu_member_on(code: str, day: dt.date) -> bool | None:
    """EU membership on ``day`` of an ISO code or a Destatis key (``"129"`` Frankreich).

    A former state (a historic Destatis key) has its successor's membership where all successors share
    it (see :mod:`teilhabe.statistics.destatis`); None where that is not defined, and for unknown codes.
    """
    from . import destatis

    if destatis.looks_like_key(code):
        entry = destatis.keys().get(destatis.canonical_key(code) or "")
        iso = entry.eu_code if entry else None
        if iso is None:
            return None
    else:
        iso = code.strip().upper()
        if iso not in VALID_CODES:
            return None
    return iso in eu_members_on(day)
