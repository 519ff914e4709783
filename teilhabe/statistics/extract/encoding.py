"""Encodings and separators of the text files a statistics office sends."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import ExtractError, _msg

_CHUNK = 8 * 1024 * 1024
_SEPARATORS = (";", ",", "\t", "|")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def guess_separator(header_line: str) -> str | None:
    counts = {sep: header_line.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def detect_encoding(head: bytes, file_name: str) -> str:
    """'utf-8' or 'cp1252', judged from the first bytes of the file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        raise ExtractError(file_name, [_msg("unreadable")])
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _CP1252_UNDEFINED.intersection(head):
        raise ExtractError(file_name, [_msg("unreadable")])
    return "cp1252"


def decode_small(raw: bytes, file_name: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    encoding = detect_encoding(raw, file_name) if raw else "utf-8"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractError(file_name, [_msg("unreadable")]) from None


def transcode_cp1252(source: Path, target: Path, file_name: str) -> None:
    """Stream a Windows-1252 file into a UTF-8 copy (8 MB chunks)."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(_CHUNK):
            try:
                dst.write(chunk.decode("cp1252").encode("utf-8"))
            except UnicodeDecodeError:
                raise ExtractError(file_name, [_msg("unreadable")]) from None
