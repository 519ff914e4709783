"""Recognising column headers in the many wordings municipal spreadsheets use (declared in concept/layout.py).

Headers are compared in a compact form: lower case, umlauts and ß spelled out (ä -> ae, ß -> ss), text in
parentheses dropped, everything but letters and digits removed. "Maßnahmen-Nr.", "Massnahmen Nr" and
"MASSNAHMENNR" all become "massnahmennr".
"""

import re

from teilhabe.concept.layout import BARE_NUMBER, MEASURES
from teilhabe.sheets import compact, fold

__all__ = ["BARE", "compact", "fold", "match_header"]

_LOOKUP: dict[str, str] = {compact(word): col.key for col in MEASURES for word in col.spellings()}
_BARE = {compact(word) for word in BARE_NUMBER}
BARE = "number"  # pseudo role of a bare "Nr." column


def match_header(text) -> str | None:
    """The role a header cell stands for, "number" for a bare number column, or None."""
    if text is None:
        return None
    key = compact(text)
    if not key:
        return None
    if key in _BARE:
        return BARE
    if key in _LOOKUP:
        return _LOOKUP[key]
    # "Beteiligte / Kooperationspartner", "Zeitraum - Beginn": every recognised part must agree.
    parts = [compact(part) for part in re.split(r"[/,;\n–-]| und ", str(text)) if compact(part)]
    roles = {_LOOKUP[part] for part in parts if part in _LOOKUP}
    if len(roles) == 1:
        return roles.pop()
    return None
