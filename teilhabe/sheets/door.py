"""Safety at the door: size, type by content and zip bombs are checked before any parser sees a byte.

The checks read the first bytes and, for XLSX, the zip's central directory (the list of entries with their
declared sizes). Python's zipfile never inflates an entry beyond its declared size (it stops and fails the
CRC check), so checking the declared sizes bounds what a parser can be made to unpack.
"""

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from teilhabe.sheets.errors import SheetError, human_size
from teilhabe.sheets.limits import Limits

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc: the old binary Office formats
PARQUET_MAGIC = b"PAR1"
BINARY_MAGICS = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"RIFF",  # WebP, WAV, AVI
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"MZ",  # Windows programs
    b"\x7fELF",
)
XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: An entry smaller than this may compress as well as it likes (a tiny XML file can shrink 200-fold).
_RATIO_FLOOR = 1_000_000


@dataclass
class Source:
    """An upload as bytes, a path or a file object (Django's UploadedFile), read without copying it whole."""

    name: str
    data: bytes | None = None
    path: Path | None = None
    fileobj: object = None

    @classmethod
    def of(cls, source, filename: str | None = None) -> "Source":
        if isinstance(source, Source):
            return source
        filename = os.path.basename(str(filename)) if filename else None
        if isinstance(source, bytes | bytearray | memoryview):
            return cls(filename or _("Tabelle"), data=bytes(source))
        if isinstance(source, str | os.PathLike):
            path = Path(source)
            return cls(filename or path.name, path=path)
        temporary = getattr(source, "temporary_file_path", None)
        name = filename or os.path.basename(str(getattr(source, "name", "") or "")) or _("Tabelle")
        if temporary is not None:
            return cls(name, path=Path(temporary()))
        return cls(name, fileobj=source)

    def open(self):
        """A seekable binary file positioned at the start (the caller closes it; closing a borrowed file object
        does nothing)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.path is not None:
            try:
                return open(self.path, "rb")
            except OSError:
                raise SheetError(_("Die Datei konnte nicht geöffnet werden."), self.name) from None
        self.fileobj.seek(0)
        return _Borrowed(self.fileobj)

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        if self.path is not None:
            try:
                return self.path.stat().st_size
            except OSError:
                raise SheetError(_("Die Datei wurde nicht gefunden."), self.name) from None
        self.fileobj.seek(0, os.SEEK_END)
        size = self.fileobj.tell()
        self.fileobj.seek(0)
        return size

    def head(self, count: int = 4096) -> bytes:
        with self.open() as handle:
            data = handle.read(count)
        return data if isinstance(data, bytes) else data.encode("utf-8")

    def read(self) -> bytes:
        """The whole file (only after check(), which bounds its size)."""
        with self.open() as handle:
            data = handle.read()
        return data if isinstance(data, bytes) else data.encode("utf-8")


class _Borrowed(io.RawIOBase):
    """A caller's file object that `with` must not close."""

    def __init__(self, inner):
        self.inner = inner

    def readable(self):
        return True

    def seekable(self):
        return True

    def read(self, size=-1):
        return self.inner.read(size)

    def readinto(self, buffer):
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset, whence=os.SEEK_SET):
        return self.inner.seek(offset, whence)

    def tell(self):
        return self.inner.tell()

    def close(self):
        pass


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: "zip", "xls", "parquet", "binary" or "text"."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "xls"
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    if head.startswith(BINARY_MAGICS):
        return "binary"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with BOM: "Unicode-Text" from Excel
    if b"\x00" in head:
        return "binary"
    return "text"


def check(source: Source, limits: Limits, *, allowed=("xlsx", "csv")) -> str:
    """Check size, type and (for XLSX) the zip's entries; return "xlsx", "csv" or "parquet". Raises SheetError."""
    name = source.name
    size = source.size()
    if size == 0:
        raise SheetError(_("Die Datei ist leer."), name)
    if size > limits.max_bytes:
        raise SheetError(
            _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s.")
            % {"size": human_size(size), "limit": human_size(limits.max_bytes)},
            name,
        )
    found = sniff(source.head())
    named_xlsx = name.lower().endswith(XLSX_SUFFIXES)
    if found == "xls":
        raise SheetError(
            _(
                "Die Datei ist im alten Excel-Format (.xls). Bitte in Excel oder LibreOffice als "
                "Excel-Arbeitsmappe (.xlsx) speichern und erneut hochladen."
            ),
            name,
        )
    if found == "zip" and "xlsx" in allowed:
        check_xlsx_zip(source, limits)
        return "xlsx"
    if found == "parquet" and "parquet" in allowed:
        return "parquet"
    if named_xlsx:
        raise SheetError(
            _(
                "Die Datei ist keine Excel-Datei (.xlsx), obwohl ihr Name so endet. Bitte die Datei in Excel "
                "oder LibreOffice öffnen und als Excel-Arbeitsmappe (.xlsx) oder CSV speichern."
            ),
            name,
        )
    if "parquet" in allowed and name.lower().endswith((".parquet", ".pq")):
        raise SheetError(_("Die Datei ist keine Parquet-Datei, obwohl ihr Name so endet."), name)
    if found != "text" or "csv" not in allowed:
        raise SheetError(not_a_table(allowed), name)
    return "csv"


def not_a_table(allowed) -> str:
    if "parquet" in allowed:
        return _(
            "Die Datei ist keine Tabelle: erwartet wird CSV, eine Excel-Arbeitsmappe (.xlsx) oder Parquet."
        )
    return _("Die Datei ist keine Tabelle: erwartet wird eine Excel-Arbeitsmappe (.xlsx) oder CSV.")


def check_xlsx_zip(source: Source, limits: Limits) -> None:
    """Refuse a zip that is not a workbook, or that would unpack to more than the limits allow."""
    name = source.name
    not_excel = SheetError(
        _(
            "Die Datei ist keine Excel-Datei (.xlsx) oder sie ist beschädigt. Bitte die Datei in Excel oder "
            "LibreOffice öffnen und als Excel-Arbeitsmappe (.xlsx) speichern."
        ),
        name,
    )
    with source.open() as handle:
        try:
            with zipfile.ZipFile(handle) as archive:
                entries = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise not_excel from None
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        raise not_excel
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    suspicious = [
        entry
        for entry in entries
        if entry.file_size > _RATIO_FLOOR and entry.file_size > limits.max_ratio * max(entry.compress_size, 1)
    ]
    if (
        len(entries) > limits.max_entries
        or unpacked > limits.max_unpacked
        or suspicious
        or (unpacked > _RATIO_FLOOR and unpacked > limits.max_ratio * packed)
    ):
        raise SheetError(
            _(
                "Die Excel-Datei würde entpackt %(size)s groß (%(ratio)s-fach); erlaubt sind höchstens %(limit)s "
                "und das %(max_ratio)s-fache. Die Datei wird nicht gelesen. Bitte prüfen Sie, ob es die richtige "
                "Datei ist, oder teilen Sie sie auf."
            )
            % {
                "size": human_size(unpacked),
                "ratio": unpacked // packed,
                "limit": human_size(limits.max_unpacked),
                "max_ratio": limits.max_ratio,
            },
            name,
        )
