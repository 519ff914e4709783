"""The slides of the demo report: 16:9, every section and number in real text boxes and native tables (read
back with python-pptx), the chart as a picture with alt text and its numbers in the speaker notes, pictures
with alt text and credit; an office template's layouts are used."""

import io

import pytest
from pptx import Presentation
from pptx.util import Inches

from teilhabe.reports.render.slides import render_pptx
from teilhabe.reports.tests.expected import missing


@pytest.fixture(scope="module")
def deck(rendered):
    return Presentation(io.BytesIO(rendered("pptx")))


def _texts(slide):
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def test_the_slides_are_16_9_and_hold_every_section_in_text_and_tables(deck):
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
    text = "\n".join(t for slide in deck.slides for t in _texts(slide))
    assert missing(text) == []


def test_the_faktencheck_is_a_native_table(deck):
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    fact = next(t for t in tables if t.cell(1, 0).text == "Einwohner")
    rows = [[cell.text for cell in row.cells] for row in fact.rows]
    assert rows[0] == ["", "31.12.2020", "31.12.2023"]
    assert rows[1] == ["Einwohner", "70.787", "72.477"]
    assert rows[4] == ["Menschen mit Migrationshintergrund in %", "38,2\u202f%", "41,7\u202f%"]
    assert len(rows) == 10


def test_the_chart_is_a_picture_with_alt_text_and_its_numbers_in_the_notes(deck, demo_data):
    slide = next(s for s in deck.slides if s.shapes.title and "Umsetzungsstand aller" in s.shapes.title.text)
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr").startswith("Balkendiagramm")
    notes = slide.notes_slide.notes_text_frame.text
    overall = next(s for s in demo_data["sections"] if s["key"] == "implementation")["data"]["rows"][0]
    assert "Alle Handlungsfelder (144)" in notes
    assert all(str(n) in notes for n in overall["counts"])


def test_one_topic_per_slide_and_pictures_carry_alt_text_and_credit(deck):
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles.count("Jobbörse für Geflüchtete") == 1
    slide = next(
        s
        for s in deck.slides
        if s.shapes.title is not None and s.shapes.title.text == "Jobbörse für Geflüchtete"
    )
    picture = next(shape for shape in slide.shapes if shape.shape_type == 13)
    assert picture._element.nvPicPr.cNvPr.get("descr")
    assert "© Screenshot: Allgäuer Zeitung am 05.03.2024" in _texts(slide)


def test_an_office_template_lends_its_layouts(demo_data, tmp_path):
    template = Presentation()
    template.slide_width, template.slide_height = Inches(13.333), Inches(7.5)
    template.slide_layouts[1].name = "Amt Inhalt"
    template.slide_masters[0].name = "Amt Master"
    path = tmp_path / "vorlage.pptx"
    template.save(path)
    deck = Presentation(io.BytesIO(render_pptx(demo_data, template=str(path))))
    used = {slide.slide_layout.name for slide in deck.slides}
    assert "Amt Inhalt" in used
    assert deck.slide_masters[0].name == "Amt Master"
