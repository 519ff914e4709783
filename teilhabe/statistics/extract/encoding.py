"""Encodings of the text files a statistics office sends, judged by the shared spreadsheet layer's rules.

DuckDB reads UTF-8 only, so a Windows-1252 or UTF-16 file is transcoded into a UTF-8 copy first (streamed).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from teilhabe.sheets.text import sniff_encoding

from .errors import ExtractError, _msg

_CHUNK = 8 * 1024 * 1024


def detect_encoding(head: bytes, file_name: str) -> str:
    """ "utf-8", "utf-16" or "cp1252", judged from the first bytes of the file (a UTF-8 BOM is UTF-8)."""
    encoding = sniff_encoding(head)
    if encoding is None:
        raise ExtractError(file_name, [_msg("unreadable")])
    return "utf-8" if encoding == "utf-8-sig" else encoding


def transcode(source: Path, target: Path, encoding: str, file_name: str) -> None:
    """Stream a Windows-1252 or UTF-16 file into a UTF-8 copy (8 MB chunks)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(source, "rb") as src, open(target, "wb") as dst:
        try:
            while chunk := src.read(_CHUNK):
                dst.write(decoder.decode(chunk).encode("utf-8"))
            dst.write(decoder.decode(b"", final=True).encode("utf-8"))
        except UnicodeDecodeError:
            raise ExtractError(file_name, [_msg("unreadable")]) from None
