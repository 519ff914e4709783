"""File names of downloads, in the interface language: `Umsetzungsstand-kik-2024-10-01.xlsx` for a German
reader, `implementation-status-kik-2024-10-01.xlsx` for an English one.

    from teilhabe.downloads import attachment, download_name

    name = download_name(pgettext_lazy("Dateiname", "Umsetzungsstand"), concept.short_name, today, ext="xlsx")
    return attachment(HttpResponse(data, content_type=...), name)

The word says what the file holds and is translated with the message context "Dateiname" (a literal:
makemessages reads only literal contexts), so the English catalogue gives a file-name spelling (lower case,
hyphens). The other parts (short names, slugs, dates, ids) are data and are slugified; dates are written ISO
(they sort); a lazy translation among them (e.g. "intern") counts as a word. Every export builds its name here.
"""

import datetime
import re

from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.text import slugify

_UNSAFE = re.compile(r'[\s/\\:*?"<>|]+')


def _word(value) -> str:
    return _UNSAFE.sub("-", str(value).strip()).strip("-.")


def download_name(what, *parts, ext: str = "") -> str:
    """`what` (translated now, in the active language) and the data `parts`, joined by hyphens, with `ext`
    (without `ext`: the stem, for a caller that adds the extension per format)."""
    words = [_word(what)]
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, datetime.date):
            words.append(part.isoformat())
        elif isinstance(part, int):
            words.append(str(part))
        elif isinstance(part, Promise):  # a lazy translation: a word, not data
            words.append(_word(part))
        else:
            words.append(slugify(str(part)))
    stem = "-".join(w for w in words if w)
    return f"{stem}.{ext.lstrip('.')}" if ext else stem


def attachment(response, filename: str):
    """Make `response` a download called `filename` (RFC 6266: `filename*` when it is not plain ASCII)."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
