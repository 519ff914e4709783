"""The Word document of the demo report: headings, paragraphs and tables with every section and number
(read back with python-docx), pictures with alt text, the document language."""

import io
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from teilhabe.reports.tests.expected import missing


@pytest.fixture(scope="module")
def document(rendered):
    return docx.Document(io.BytesIO(rendered("docx")))


def test_the_document_holds_every_section_with_the_demo_numbers(document):
    text = [p.text for p in document.paragraphs]
    text += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert missing("\n".join(text)) == []


def test_headings_tables_and_pictures_with_alt_text(document):
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Aktuelle Zahlen aus dem Faktencheck Migration" in headings and "Kontakt" in headings
    fact = next(t for t in document.tables if t.cell(1, 0).text == "Einwohner")
    assert [c.text for c in fact.rows[1].cells] == ["Einwohner", "70.787", "72.477"]
    assert fact.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    props = document.element.body.xpath(".//wp:docPr")
    assert props and all(p.get("descr") for p in props)
    assert any(p.get("descr").startswith("Balkendiagramm") for p in props)


def test_the_document_language_is_set(document):
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "de-DE"


@pytest.mark.parametrize("file_format", ["pdf", "pptx", "docx"])
def test_libreoffice_opens_each_format(rendered, file_format, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine: `which soffice` finds nothing")
    source = tmp_path / f"bericht.{file_format}"
    source.write_bytes(rendered(file_format))
    target = "pdf" if file_format != "pdf" else "odg"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            target,
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        timeout=240,
        capture_output=True,
    )
    assert (tmp_path / "out" / f"bericht.{target}").stat().st_size > 1000
