"""Text tables (CSV) as German office software writes them.

Encodings: UTF-8, UTF-8 with BOM, UTF-16 with BOM ("Unicode-Text" from Excel), else Windows-1252.
Separators: ``;`` ``,`` tab ``|``, whichever occurs most often outside quotes in the first line.
A cell our exports wrote as ``'=…`` (formula neutralisation, see writer.py) reads back as ``=…``.
"""

import codecs
import csv
import io

from django.utils.translation import gettext as _

from teilhabe.sheets.errors import SheetError

DELIMITERS = (";", ",", "\t", "|")
ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 mit BOM",
    "utf-8": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
}
#: Bytes Windows-1252 leaves undefined: a file holding them is neither UTF-8 nor Windows-1252.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sniff_encoding(head: bytes, *, final: bool = False) -> str | None:
    """ "utf-8-sig", "utf-16", "utf-8" or "cp1252" judged from the first bytes; None if it is none of them.

    `final` says that `head` is the whole file (else a multi-byte character may be cut at its end)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=final)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if CP1252_UNDEFINED.intersection(head):
        return None
    return "cp1252"


def unreadable(file: str) -> SheetError:
    return SheetError(
        _(
            "Die Datei ist keine lesbare Textdatei: erwartet wird CSV in UTF-8, UTF-16 oder Windows-1252 "
            "(oder eine Excel-Arbeitsmappe)."
        ),
        file,
    )


def decode(data: bytes, file: str) -> tuple[str, str]:
    """(text, encoding) of a whole file. Raises SheetError."""
    encoding = sniff_encoding(data, final=True)
    if encoding is None:
        raise unreadable(file)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise unreadable(file) from None
    if "\x00" in text:
        raise unreadable(file)
    return text, encoding


def detect_delimiter(line: str) -> str:
    """The separator of a header line: the one of ; , TAB | that occurs most often outside quotes (";" if none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def unneutralise(cell: str) -> str:
    """'=SUMME(A1) as our exports write it -> =SUMME(A1)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def csv_records(text: str, delimiter: str, file: str):
    """(row number, [cell or None]) for each record; row numbers count records, as a spreadsheet shows them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise SheetError(
                _("Die Zeile kann nicht gelesen werden (%(error)s). Bitte Anführungszeichen prüfen.")
                % {"error": error},
                file,
                row=number + 1,
            ) from None
        number += 1
        yield number, [unneutralise(cell) if cell.strip() else None for cell in record]
