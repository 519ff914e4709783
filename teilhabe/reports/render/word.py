"""The Word document (python-docx) for offices that paste the report into a council submission: headings
per section and topic, paragraphs and lists, tables with a header row, pictures with alt text and their
credit line, the document language set."""

import io

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from teilhabe.reports.render.chart import implementation_png
from teilhabe.reports.render.common import asset_bytes, bullet_items
from teilhabe.reports.render.document import document


def _language(doc, code):
    """w:lang on the default run properties: spell checking and screen readers take the language."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), code)


def _picture(doc, content, alt, width):
    doc.add_picture(io.BytesIO(content), width=width)
    inline = doc.paragraphs[-1].runs[-1]._r.xpath(".//wp:docPr")
    for prop in inline:
        prop.set("descr", alt)
        prop.set("title", alt[:100])


def _table(doc, header, rows, caption):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # the first row repeats as header on every page and is read as the header by assistive technology
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if caption:
        doc.add_paragraph(caption, style="Caption")


def render_docx(data) -> bytes:
    doc = Document()
    _language(doc, {"de": "de-DE", "en": "en-GB"}.get((data.get("language") or "de")[:2], "de-DE"))
    doc.core_properties.title = data["title"]
    doc.core_properties.author = "%s, %s" % (data["office"], data["municipality"]["name"])
    doc.core_properties.language = (data.get("language") or "de")[:2]
    doc.styles["Normal"].font.size = Pt(11)
    for index, part in enumerate(document(data)):
        if index:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if part.key == "title":
            logo = asset_bytes(data, "logo")
            if logo and logo[1] != "image/svg+xml":
                cover = next(s["data"] for s in data["sections"] if s["key"] == "title")
                _picture(doc, logo[0], cover["logo_alt"], Cm(5))
            doc.add_heading(part.topics[0].title, level=0)
            topics = [(None, part.topics[0])]
        else:
            doc.add_heading(part.title, level=1)
            topics = [(t.title if t.title != part.title else None, t) for t in part.topics]
        for heading, topic in topics:
            if heading:
                doc.add_heading(heading, level=2)
            for block in topic.blocks:
                _block(doc, block, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _block(doc, block, data):
    kind = block[0]
    if kind == "p":
        doc.add_paragraph(block[1])
    elif kind == "small":
        doc.add_paragraph(block[1], style="Caption")
    elif kind == "bullets":
        for item in bullet_items(block[1]):
            doc.add_paragraph(item["text"], style="List Bullet")
            for sub in item["sub"]:
                doc.add_paragraph(sub, style="List Bullet 2")
    elif kind == "table":
        _table(doc, block[1], block[2], block[3])
    elif kind == "chart":
        _picture(doc, implementation_png(block[1]), block[2], Cm(16))
        doc.add_paragraph(block[2], style="Caption")
    elif kind == "picture":
        found = asset_bytes(data, block[1])
        if found:
            _picture(doc, found[0], block[2], Cm(10))
            doc.add_paragraph(block[3], style="Caption")
