"""Turning single cell values into clean Python values: text, numbers, timeframes, lists of names.

Everything here is pure and raises ValueIssue (with a German message) for input it cannot understand.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from teilhabe.sheets import fold


class ValueIssue(ValueError):
    """A cell value that cannot be understood; the message is German and meant for the user."""


def cell_text(value) -> str:
    """The text of a cell: stripped, inner whitespace of each line collapsed, floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, "g")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()


# ---------------------------------------------------------------------------------------------------------
# Numbers of fields, goals and measures

_NUMBER = r"\d{1,3}(?:\.\d{1,3})*"
_KEYWORDS = {
    "field": r"handlungsfeld(?:er)?|hf",
    "goal": r"(?:teil|handlungs)?ziel(?:e)?|z",
    "measure": r"ma(?:ss|ß)nahmen?|m",
}
_NUMBERED_TITLE = re.compile(
    rf"^\s*(?:(?P<keyword>{'|'.join(_KEYWORDS.values())})\.?\s*)?(?P<number>{_NUMBER})\.?(?:\s*[:.)\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_KEYWORD_ONLY = re.compile(
    rf"^\s*(?P<keyword>{'|'.join(_KEYWORDS.values())})\s*[:\-–—]\s*(?P<title>.+)$", re.IGNORECASE | re.DOTALL
)


def keyword_level(keyword: str | None) -> str | None:
    """Which level a leading word such as "Handlungsfeld", "HF", "Ziel" or "Maßnahme" names."""
    if not keyword:
        return None
    for level, pattern in _KEYWORDS.items():
        if re.fullmatch(pattern, keyword, re.IGNORECASE):
            return level
    return None


@dataclass(frozen=True)
class NumberedTitle:
    number: str  # "" when the text has no number
    title: str
    level: str | None  # "field", "goal" or "measure" when a keyword said so


def split_number_title(text: str) -> NumberedTitle:
    """ "1 Sprache und Bildung", "1. Sprache", "HF 2: Arbeit", "Ziel 2.3 - Deutschkurse" -> number and title."""
    text = cell_text(text)
    if not text:
        return NumberedTitle("", "", None)
    match = _NUMBERED_TITLE.match(text)
    if match:
        title = match.group("title").strip()
        number = match.group("number")
        # A title that starts right after the number without a separator must start with a letter
        # ("2024 Projekte" is a title, not number 2024): we only accept up to three digits anyway.
        return NumberedTitle(number, title, keyword_level(match.group("keyword")))
    match = _KEYWORD_ONLY.match(text)
    if match:
        return NumberedTitle("", match.group("title").strip(), keyword_level(match.group("keyword")))
    return NumberedTitle("", text, None)


def clean_number(value) -> str:
    """A number cell as text: "2.3.", " 2.3 ", "M 2.3.1" and 2.0 become "2.3", "2.3", "2.3.1" and "2".

    Raises ValueIssue for text that is not a number, and for numbers Excel has turned into dates.
    """
    if isinstance(value, dt.date | dt.datetime):
        raise ValueIssue(
            _(
                "Excel hat die Nummer in ein Datum umgewandelt (%(date)s). Bitte die Spalte als Text "
                "formatieren und die Nummer neu eingeben."
            )
            % {"date": cell_text(value)}
        )
    text = cell_text(value)
    if not text:
        return ""
    parsed = split_number_title(text)
    if not parsed.number or parsed.title:
        raise ValueIssue(
            _("„%(text)s“ ist keine gültige Nummer (erwartet z. B. 2 oder 2.3 oder 2.3.1).") % {"text": text}
        )
    return normalise_number(parsed.number)


def normalise_number(number: str) -> str:
    """ "02.3" -> "2.3": leading zeros removed in every part."""
    return ".".join(str(int(part)) for part in number.strip(".").split("."))


def number_depth(number: str) -> int:
    return len(number.split(".")) if number else 0


def child_number(parent: str, number: str) -> str:
    """A one-part number given relative to its parent ("3" under goal "2.1") becomes absolute ("2.1.3")."""
    if parent and number and number_depth(number) == 1:
        return f"{parent}.{number}"
    return number


# ---------------------------------------------------------------------------------------------------------
# Timeframes

ONGOING_WORDS = {
    "laufend",
    "fortlaufend",
    "dauerhaft",
    "kontinuierlich",
    "daueraufgabe",
    "permanent",
    "regelmaessig",
    "unbefristet",
    "jaehrlich",
    "stetig",
    "dauerhaft laufend",
    "laufende aufgabe",
    "fortlaufende aufgabe",
    "offen",
}
# Words that name a horizon, not a date: kept as text with a warning.
HORIZON_WORDS = {
    "kurzfristig",
    "mittelfristig",
    "langfristig",
    "sofort",
    "ab sofort",
    "zeitnah",
    "kurz- bis mittelfristig",
    "mittel- bis langfristig",
    "kurz bis mittelfristig",
    "mittel bis langfristig",
}

_MONTHS = {
    "jan": 1,
    "januar": 1,
    "jaenner": 1,
    "feb": 2,
    "februar": 2,
    "mrz": 3,
    "maerz": 3,
    "mar": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
}
_SEASONS = {"fruehjahr": (3, 5), "fruehling": (3, 5), "sommer": (6, 8), "herbst": (9, 11), "winter": (12, 12)}


@dataclass(frozen=True)
class Period:
    """A stretch of time written in a cell: its first and last day."""

    first: dt.date
    last: dt.date


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000
    if not 1990 <= year <= 2100:
        raise ValueIssue(_("Das Jahr %(year)s ist nicht plausibel.") % {"year": year})
    return year


def _month_period(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))


def parse_period(value) -> Period:
    """One date-like value: 01.03.2024, 1.3.24, 2024-03-01, 03/2024, März 2024, Q1 2024, 2. Halbjahr 2024, 2024."""
    if isinstance(value, dt.datetime):
        return Period(value.date(), value.date())
    if isinstance(value, dt.date):
        return Period(value, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1990 <= int(value) <= 2100:
            year = int(value)
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        raise ValueIssue(_("„%(text)s“ ist kein erkennbares Datum.") % {"text": cell_text(value)})
    text = fold(cell_text(value)).rstrip(".")
    try:
        if m := re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})", text):
            day = dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
            return Period(day, day)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return Period(day, day)
        if m := re.fullmatch(r"(\d{1,2})\s*[/.]\s*(\d{4})", text):
            return _month_period(_year(m.group(2)), int(m.group(1)))
        if m := re.fullmatch(r"(\d{4})", text):
            year = _year(m.group(1))
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if m := re.fullmatch(r"([a-z]+)\.?\s*(\d{2}|\d{4})", text):
            word, year = m.group(1), _year(m.group(2))
            if word in _MONTHS:
                return _month_period(year, _MONTHS[word])
            if word in _SEASONS:
                first, last = _SEASONS[word]
                return Period(_month_period(year, first).first, _month_period(year, last).last)
        if m := re.fullmatch(r"(?:q\s*([1-4])|([1-4])\.\s*quartal)\s*/?\s*(\d{4})", text):
            quarter, year = int(m.group(1) or m.group(2)), _year(m.group(3))
            return Period(_month_period(year, 3 * quarter - 2).first, _month_period(year, 3 * quarter).last)
        if m := re.fullmatch(r"([12])\.\s*(?:halbjahr|hj)\s*/?\s*(\d{4})", text):
            half, year = int(m.group(1)), _year(m.group(2))
            return Period(_month_period(year, 6 * half - 5).first, _month_period(year, 6 * half).last)
    except ValueError as exc:
        if isinstance(exc, ValueIssue):
            raise
        raise ValueIssue(_("„%(text)s“ ist kein gültiges Datum.") % {"text": cell_text(value)}) from exc
    raise ValueIssue(
        _(
            "„%(text)s“ ist kein erkennbares Datum. Möglich sind z. B. „01.03.2024“, „03/2024“, „2024“, "
            "„ab 2023“, „seit 2022“, „2023–2025“ oder „laufend“."
        )
        % {"text": cell_text(value)}
    )


@dataclass(frozen=True)
class Timeframe:
    start: dt.date | None = None
    end: dt.date | None = None
    ongoing: bool = False
    text: str = ""  # what the sheet said, for the record ("ab 2023", "mittelfristig")
    horizon_only: bool = False  # the text names a horizon ("mittelfristig") rather than dates

    @property
    def is_empty(self) -> bool:
        return not (self.start or self.end or self.ongoing or self.text)


_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:-|–|—|bis|/)\s*(?P<b>.+)$")


def _is_ongoing(text: str) -> bool:
    return fold(text).strip(" .") in ONGOING_WORDS


def parse_timeframe(value) -> Timeframe:
    """A whole timeframe in one cell: "2023-2025", "01.03.2024 bis 31.12.2025", "ab 2023", "seit 2022",
    "bis 2025", "laufend", "2024" (the whole year), or a horizon such as "mittelfristig"."""
    if value is None or cell_text(value) == "":
        return Timeframe()
    if not isinstance(value, str):
        period = parse_period(value)
        return Timeframe(period.first, period.last, False, cell_text(value))
    text = cell_text(value)
    folded = fold(text).strip(" .")
    if folded in ONGOING_WORDS:
        return Timeframe(ongoing=True, text=text)
    if folded in HORIZON_WORDS:
        return Timeframe(text=text, horizon_only=True)
    if m := re.fullmatch(r"(?:(?:laufend|fortlaufend|dauerhaft)\s+)?(?:seit|bereits seit)\s+(.+)", folded):
        return Timeframe(parse_period(m.group(1)).first, None, True, text)
    if m := re.fullmatch(r"(?:laufend|fortlaufend|dauerhaft)\s+ab\s+(.+)", folded):
        return Timeframe(parse_period(m.group(1)).first, None, True, text)
    if m := re.fullmatch(r"(\d{4})\s*ff\.?", folded):
        return Timeframe(parse_period(m.group(1)).first, None, False, text)
    if m := re.fullmatch(
        r"(?:ab|ab dem|von|beginn|start)\s+(.+?)(?:\s*,?\s*(laufend|fortlaufend|dauerhaft))?", folded
    ):
        return Timeframe(parse_period(m.group(1)).first, None, bool(m.group(2)), text)
    if m := re.fullmatch(r"(?:bis|bis zum|bis ende|spaetestens|ende)\s+(.+)", folded):
        return Timeframe(None, parse_period(m.group(1)).last, False, text)
    if m := _RANGE.match(folded):
        # "03/2024" is a month, not a range: try the whole text as one period first.
        try:
            period = parse_period(folded)
        except ValueIssue:
            first = parse_period(m.group("a")).first
            b = m.group("b").strip()
            if _is_ongoing(b) or fold(b) == "offen":
                return Timeframe(first, None, True, text)
            last_period = parse_period(_complete_year(m.group("a"), b))
            if last_period.last < first:
                raise ValueIssue(_("Das Ende liegt vor dem Beginn („%(text)s“).") % {"text": text}) from None
            return Timeframe(first, last_period.last, False, text)
        return Timeframe(period.first, period.last, False, text)
    period = parse_period(text)
    return Timeframe(period.first, period.last, False, text)


def _complete_year(a: str, b: str) -> str:
    """ "2023/24" -> the second part is 2024."""
    if re.fullmatch(r"\d{4}", a.strip()) and re.fullmatch(r"\d{2}", b.strip()):
        return a.strip()[:2] + b.strip()
    return b


def parse_start(value) -> Timeframe:
    """A "Beginn" cell: a date or period (its first day), "seit 2022" (running since), or "laufend"."""
    if value is None or cell_text(value) == "":
        return Timeframe()
    text = cell_text(value)
    if isinstance(value, str):
        folded = fold(text).strip(" .")
        if folded in ONGOING_WORDS:
            return Timeframe(ongoing=True, text=text)
        if folded in HORIZON_WORDS:
            return Timeframe(text=text, horizon_only=True)
        if m := re.fullmatch(r"(?:seit|bereits seit)\s+(.+)", folded):
            return Timeframe(parse_period(m.group(1)).first, None, True, text)
        if m := re.fullmatch(r"(?:ab|ab dem|von)\s+(.+)", folded):
            return Timeframe(parse_period(m.group(1)).first, None, False, text)
    return Timeframe(parse_period(value).first, None, False, text)


def parse_end(value) -> Timeframe:
    """An "Ende" cell: a date or period (its last day), or "laufend"/"offen" for no end."""
    if value is None or cell_text(value) == "":
        return Timeframe()
    text = cell_text(value)
    if isinstance(value, str):
        folded = fold(text).strip(" .")
        if folded in ONGOING_WORDS:
            return Timeframe(ongoing=True, text=text)
        if folded in HORIZON_WORDS:
            return Timeframe(text=text, horizon_only=True)
        if m := re.fullmatch(r"(?:bis|bis zum|bis ende|spaetestens)\s+(.+)", folded):
            return Timeframe(None, parse_period(m.group(1)).last, False, text)
    return Timeframe(None, parse_period(value).last, False, text)


# ---------------------------------------------------------------------------------------------------------
# Lists of names

_SEPARATORS = re.compile(r"\s*(?:[,;/\n•]|\s-\s|\s–\s)\s*")


def split_list(text) -> list[str]:
    """Split a cell holding several entries separated by , ; / or line breaks; duplicates removed."""
    result: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(cell_text(text)):
        part = part.strip(" -–•*\t")
        if part and fold(part) not in seen:
            seen.add(fold(part))
            result.append(part)
    return result


def split_organisations(text, known_names=()) -> list[str]:
    """Split a cell of organisation names. Names from `known_names` are kept whole even when they contain a
    separator ("Amt für Schulen, Kindertagesstätten und Sport"); the rest is split on , ; / and line breaks.
    """
    text = cell_text(text)
    if not text:
        return []
    protected: list[str] = []
    # Longest names first so that "Amt für Schulen, Kindertagesstätten und Sport" wins over "Amt für Schulen".
    for name in sorted({cell_text(n) for n in known_names if cell_text(n)}, key=len, reverse=True):
        if not _SEPARATORS.search(name):
            continue  # a name without separators survives splitting anyway
        pattern = re.compile(
            r"(?<![\w])" + r"\s*".join(re.escape(char) for char in name if not char.isspace()) + r"(?![\w])",
            re.IGNORECASE,
        )
        while match := pattern.search(text):
            protected.append(text[match.start() : match.end()])
            text = text[: match.start()] + f"\x00{len(protected) - 1}\x00" + text[match.end() :]
    parts = split_list(text)
    return [re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], part) for part in parts]
