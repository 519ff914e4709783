"""The text of any response body, whatever its format, for the site-wide isolation walk.

Every page and export the site can answer with is turned into searchable text here: HTML and htmx partials,
CSV, JSON (escapes decoded), SVG, calendars, XLSX (cells through openpyxl, plus every XML part of the file:
sheet names, comments, properties), PPTX/DOCX (every XML part, embedded workbooks included), PDF (pypdf's
text of every page plus the metadata) and ZIP archives (each member read by its own kind). A format with no
reader here is an error, not a silent pass: the walk must never skip a body it cannot read.
"""

import html
import io
import json
import re
import zipfile

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/javascript",
    "image/svg+xml",
    "application/xhtml+xml",
)
# Pixel data cannot carry a readable marker; these bodies are accepted as empty.
OPAQUE_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif", "image/x-icon", "font/")
OOXML_MARK = "application/vnd.openxmlformats-officedocument"
XLSX_TYPE = OOXML_MARK + ".spreadsheetml.sheet"


class UnreadableBody(Exception):
    """A body of a kind no reader here understands: add a reader rather than skip it."""


def response_bytes(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def response_text(response) -> str:
    """All readable text of a Django test-client response."""
    content_type = response.get("Content-Type", "")
    return body_text(response_bytes(response), content_type)


def body_text(data: bytes, content_type: str = "") -> str:
    """The text of `data`, read by its content (magic bytes) first and its declared type second."""
    kind = content_type.split(";")[0].strip().lower()
    if not data:
        return ""
    if data.startswith(b"%PDF"):
        return pdf_text(data)
    if data.startswith(b"PK\x03\x04"):
        return zip_text(data)
    if kind == "application/json":
        return json_text(data)
    if kind.startswith(TEXT_TYPES) or not kind:
        return decode(data)
    if kind.startswith(OPAQUE_TYPES):
        return ""
    raise UnreadableBody(
        f"no reader for a body of type {content_type!r}: add one in teilhabe/testing/bodies.py"
    )


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    return html.unescape(text)


def json_text(data: bytes) -> str:
    text = decode(data)
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def xlsx_cells_text(data: bytes) -> str:
    """Every cell value of every sheet, as openpyxl reads it (the way a user's spreadsheet program would)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            parts.extend(str(value) for value in row if value is not None)
    props = workbook.properties
    parts.extend(str(v) for v in (props.title, props.subject, props.creator, props.description) if v)
    workbook.close()
    return "\n".join(parts)


_TAG = re.compile(rb"<[^>]+>")


def xml_text(data: bytes) -> str:
    """Text and attribute values of an XML part (tags replaced by spaces, entities decoded)."""
    text = _TAG.sub(lambda m: b" " + b" ".join(re.findall(rb'"([^"]*)"', m.group(0))) + b" ", data)
    return html.unescape(text.decode("utf-8", errors="replace"))


def zip_text(data: bytes) -> str:
    """An XLSX, PPTX, DOCX or plain ZIP: every member read by its own kind."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnreadableBody(f"a body that starts like a ZIP file but is none: {error}") from error
    parts = []
    with archive:
        names = archive.namelist()
        if "xl/workbook.xml" in names:
            parts.append(xlsx_cells_text(data))
        for name in names:
            member = archive.read(name)
            lower = name.lower()
            if lower.endswith((".xml", ".rels", ".vml")):
                parts.append(xml_text(member))
            elif lower.endswith("/"):
                continue
            else:
                parts.append(body_text(member, _type_by_name(lower)))
    return "\n".join(parts)


def _type_by_name(name: str) -> str:
    for suffix, kind in (
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".emf", "image/png"),
        (".wmf", "image/png"),
        (".webp", "image/webp"),
        (".gif", "image/gif"),
        (".bin", "image/png"),  # OOXML printer settings and OLE blobs: binary, no text of ours
        (".json", "application/json"),
        (".svg", "image/svg+xml"),
    ):
        if name.endswith(suffix):
            return kind
    return "text/plain"


def pdf_text(data: bytes) -> str:
    """The text of every page and the document information of a PDF (pypdf decodes the fonts' maps)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    if reader.metadata:
        parts.extend(str(value) for value in reader.metadata.values())
    return "\n".join(parts)
