"""The printable PDF: A4, tagged, the document language set, Arabic right to left and extracted in logical
order (pypdf), the German fallback in its own language."""

import io

import pypdf

from teilhabe.bulletins.services.pdf import render_issue_pdf
from teilhabe.bulletins.services.texts import save_version
from teilhabe.bulletins.tests.compose_helpers import draft, hand_written

ARABIC_TITLE = "مواعيد استشارة جديدة"
ARABIC_BODY = "اعتبارًا من يناير أيضًا يوم الثلاثاء."


def _pdf(issue, language):
    return pypdf.PdfReader(io.BytesIO(render_issue_pdf(issue, language)))


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_arabic_pdf_is_tagged_has_its_language_and_reads_in_logical_order(municipality):
    issue = draft(municipality)
    item = hand_written(issue)
    save_version(item.text, None, language="ar", title=ARABIC_TITLE, body=ARABIC_BODY)
    reader = _pdf(issue, "ar")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ar"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = _text(reader)
    assert ARABIC_TITLE in text  # logical order: the words as typed, not mirrored
    assert ARABIC_BODY.rstrip(".") in text


def test_german_pdf_carries_the_german_texts(municipality):
    issue = draft(municipality)
    hand_written(issue)
    reader = _pdf(issue, "de")
    assert reader.trailer["/Root"]["/Lang"] == "de"
    text = _text(reader)
    assert "Neue Beratungszeiten" in text and "Com-In" in text and "Ausgabe 1" in text


def test_the_header_picture_is_printed_from_its_file(municipality):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teilhabe.bulletins.samples import _png
    from teilhabe.bulletins.services.issues import save_layout

    issue = draft(municipality)
    hand_written(issue)
    picture = SimpleUploadedFile("kopf.png", _png())
    save_layout(
        issue.bulletin, None, {"header_image": picture, "header_alt": "Rathaus", "header_credit": "Stadt"}
    )
    reader = _pdf(issue, "de")
    assert "Bild: Stadt" in _text(reader)
    assert any("/XObject" in (page.get("/Resources") or {}) for page in reader.pages)
