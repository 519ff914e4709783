"""The PDF of the demo report: every section with the demo's numbers (read back with pypdf), PDF/UA-1 as far
as pypdf can check it (structure tree, /Lang, marked content, alt texts of every figure, bookmarks, title
shown), A4 and page numbers. What pypdf cannot check (and veraPDF would): the order of the tagged content
against the page, the role map and every marked-content sequence, fonts' embedding and Unicode mappings."""

import io

import pypdf
import pytest

from teilhabe.reports.tests.expected import missing


@pytest.fixture(scope="module")
def reader(rendered):
    return pypdf.PdfReader(io.BytesIO(rendered("pdf")))


def _text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_every_section_with_the_demo_numbers(reader):
    assert missing(_text(reader)) == []


def test_the_faktencheck_table_reads_as_in_the_seed(reader):
    text = " ".join(_text(reader).split())  # the narrow no-break space before % is whitespace too
    assert "31.12.2020 31.12.2023 Einwohner 70.787 72.477 Nationen 125 125" in text
    assert "Menschen mit Migrationshintergrund in % 38,2 % 41,7 %" in text
    assert "davon aus Drittstaaten 54,8 % 59,5 % Personen mit Asylhintergrund 1.372 1.549" in text


def _walk(node, found):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, pypdf.generic.ArrayObject):
        for child in node:
            _walk(child, found)
    elif isinstance(node, pypdf.generic.DictionaryObject):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            _walk(node["/K"], found)


def test_the_pdf_is_tagged_with_language_and_alt_texts(reader, demo_data):
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == demo_data["title"]
    elements = []
    _walk(root["/StructTreeRoot"]["/K"], elements)
    kinds = {str(e["/S"]) for e in elements}
    assert {"/Document", "/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/L", "/LI", "/Figure"} <= kinds
    figures = [e for e in elements if e["/S"] == "/Figure"]
    # every figure (the chart and each picture) carries its alt text
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)
    alts = {str(f["/Alt"]) for f in figures}
    assert any(alt.startswith("Balkendiagramm") for alt in alts)
    assert "Fachleute sitzen an Stehtischen und schreiben Ideen auf Karten" in alts
    assert b"pdfuaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_the_pdf_is_a4_with_bookmarks_contents_and_page_numbers(reader):
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Aktuelle Zahlen aus dem Faktencheck Migration" in titles and "Kontakt" in titles
    pages = len(reader.pages)
    assert "Inhalt" in reader.pages[1].extract_text()
    assert f"3 / {pages}" in reader.pages[2].extract_text()
