"""The slides: python-pptx, 16:9, one topic per slide, real text boxes and native tables (editable in
PowerPoint and LibreOffice Impress), the chart as a picture with its numbers in the speaker notes, pictures
with alt text and credit line. An office template (.pptx) lends its slide layouts: the title layout for the
title page, a title-and-content layout for text, a title-only layout for tables and pictures."""

import io

from django.utils.translation import gettext as _
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches, Pt

from teilhabe.reports.render.chart import implementation_png
from teilhabe.reports.render.common import asset_bytes, bullet_items
from teilhabe.reports.render.document import document

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
TABLE_ROWS_PER_SLIDE = 12


def layouts(presentation):
    """(title layout, content layout, title-only layout) of a presentation, found by their placeholders."""
    found = {"title": None, "content": None, "title_only": None}
    for layout in presentation.slide_layouts:
        kinds = {ph.placeholder_format.type for ph in layout.placeholders}
        has_title = PP_PLACEHOLDER.TITLE in kinds or PP_PLACEHOLDER.CENTER_TITLE in kinds
        if PP_PLACEHOLDER.CENTER_TITLE in kinds and PP_PLACEHOLDER.SUBTITLE in kinds:
            found["title"] = found["title"] or layout
        elif has_title and (PP_PLACEHOLDER.BODY in kinds or PP_PLACEHOLDER.OBJECT in kinds):
            found["content"] = found["content"] or layout
        elif has_title and not kinds - {
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.DATE,
            PP_PLACEHOLDER.FOOTER,
            PP_PLACEHOLDER.SLIDE_NUMBER,
        }:
            found["title_only"] = found["title_only"] or layout
    fallback = presentation.slide_layouts[0]
    found["content"] = found["content"] or found["title_only"] or fallback
    found["title_only"] = found["title_only"] or found["content"]
    found["title"] = found["title"] or found["content"]
    return found


def _placeholder(slide, *kinds):
    for shape in slide.placeholders:
        if shape.placeholder_format.type in kinds:
            return shape
    return None


def _remove_empty_placeholders(slide):
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def _write_lines(text_frame, items, size):
    """items: [(text, level, size or None)] into a text frame, one paragraph each."""
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    first = True
    for text, level, own_size in items:
        paragraph = text_frame.paragraphs[0] if first else text_frame.add_paragraph()
        first = False
        paragraph.text = text
        paragraph.level = level
        for run in paragraph.runs:
            run.font.size = Pt(own_size or (size if level == 0 else size - 2))


def _text_items(blocks):
    items = []
    for block in blocks:
        kind = block[0]
        if kind == "p":
            items += [(line, 0, None) for line in block[1].splitlines() if line.strip()]
        elif kind == "small":
            items += [(line, 0, 11) for line in block[1].splitlines() if line.strip()]
        elif kind == "bullets":
            for item in bullet_items(block[1]):
                items.append(("• " + item["text"], 0, None))
                items += [("– " + sub, 1, None) for sub in item["sub"]]
    return items


def _set_alt(picture, alt):
    picture._element.nvPicPr.cNvPr.set("descr", alt)


def _add_table(slide, header, rows, left, top, width):
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), left, top, width, Inches(0.4) * (len(rows) + 1)
    )
    table = shape.table
    for col, text in enumerate(header):
        table.cell(0, col).text = text
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    first = Emu(int(width * (0.4 if len(header) > 2 else 0.6)))
    table.columns[0].width = first
    for col in range(1, len(header)):
        table.columns[col].width = Emu(int((width - first) / (len(header) - 1)))
    for cell_row in table.rows:
        for cell in cell_row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(12)
    return shape


class Deck:
    def __init__(self, template=None):
        self.presentation = Presentation(template) if template else Presentation()
        if not template:
            self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT
        self.layouts = layouts(self.presentation)
        self.width = self.presentation.slide_width
        self.height = self.presentation.slide_height

    def slide(self, title, layout="content"):
        slide = self.presentation.slides.add_slide(self.layouts[layout])
        heading = _placeholder(slide, PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        if heading is not None:
            heading.text = title
        else:
            box = slide.shapes.add_textbox(Inches(0.6), Inches(0.4), self.width - Inches(1.2), Inches(1))
            _write_lines(box.text_frame, [(title, 0, 30)], 30)
        return slide

    def body_box(self, slide, left, top, width, height):
        body = _placeholder(slide, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
        if body is not None:
            body.left, body.top, body.width, body.height = left, top, width, height
            return body.text_frame
        return slide.shapes.add_textbox(left, top, width, height).text_frame

    def save(self) -> bytes:
        out = io.BytesIO()
        self.presentation.save(out)
        return out.getvalue()


def _title_slide(deck, topic):
    slide = deck.slide(topic.title, "title")
    subtitle = _placeholder(slide, PP_PLACEHOLDER.SUBTITLE)
    items = _text_items(topic.blocks)
    if subtitle is not None:
        _write_lines(subtitle.text_frame, items, 18)
    else:
        frame = deck.body_box(slide, Inches(0.6), Inches(2.4), deck.width - Inches(1.2), Inches(4.2))
        _write_lines(frame, items, 18)
    _remove_empty_placeholders(slide)


def _topic_slides(deck, topic, data):
    tables = [b for b in topic.blocks if b[0] == "table"]
    images = [b for b in topic.blocks if b[0] in ("chart", "picture")]
    items = _text_items(topic.blocks)
    margin = Inches(0.6)
    top = Inches(1.6)
    full = deck.width - 2 * margin
    if tables:
        header, rows, caption = tables[0][1], tables[0][2], tables[0][3]
        chunks = [rows[i : i + TABLE_ROWS_PER_SLIDE] for i in range(0, len(rows), TABLE_ROWS_PER_SLIDE)] or [
            []
        ]
        for index, chunk in enumerate(chunks):
            title = topic.title if index == 0 else "%s (%s)" % (topic.title, _("Fortsetzung"))
            slide = deck.slide(title, "title_only")
            y = top
            if items and index == 0:
                frame = deck.body_box(slide, margin, top, full, Inches(0.5 * min(len(items), 3)))
                _write_lines(frame, items, 14)
                y = top + Inches(0.5 * min(len(items), 3))
            _add_table(slide, header, chunk, margin, y, full)
            if caption and index == len(chunks) - 1:
                box = slide.shapes.add_textbox(margin, deck.height - Inches(0.8), full, Inches(0.4))
                _write_lines(box.text_frame, [(caption, 0, 11)], 11)
            slide.notes_slide.notes_text_frame.text = "\n".join(" | ".join(r) for r in [header, *chunk])
            _remove_empty_placeholders(slide)
        return
    slide = deck.slide(topic.title, "content" if items else "title_only")
    notes = []
    text_width = full if not images else Emu(int(full * 0.55))
    if items:
        frame = deck.body_box(slide, margin, top, text_width, deck.height - top - Inches(0.6))
        _write_lines(frame, items, 20 if len(items) <= 8 else 14)
    if images:
        block = images[0]
        left = margin if not items else margin + text_width + Inches(0.3)
        width = full if not items else full - text_width - Inches(0.3)
        if block[0] == "chart":
            content = implementation_png(block[1])
            notes.append(block[2])
            notes.append(block[3])
            credit = ""
        else:
            found = asset_bytes(data, block[1])
            content = found[0] if found else None
            credit = block[3]
        if content:
            picture = slide.shapes.add_picture(io.BytesIO(content), left, top, width=width)
            max_height = deck.height - top - Inches(1.0)
            if picture.height > max_height:
                ratio = max_height / picture.height
                picture.height, picture.width = int(picture.height * ratio), int(picture.width * ratio)
            _set_alt(picture, block[2])
            if credit:
                box = slide.shapes.add_textbox(left, top + picture.height + Inches(0.1), width, Inches(0.4))
                _write_lines(box.text_frame, [(credit, 0, 10)], 10)
        for other in images[1:]:
            if other[0] == "picture":
                notes.append(_("Weiteres Bild: %(alt)s (%(credit)s)") % {"alt": other[2], "credit": other[3]})
    if notes:
        slide.notes_slide.notes_text_frame.text = "\n".join(notes)
    _remove_empty_placeholders(slide)


def render_pptx(data, template=None) -> bytes:
    deck = Deck(template)
    for part in document(data):
        for topic in part.topics:
            if part.key == "title":
                _title_slide(deck, topic)
            else:
                _topic_slides(deck, topic, data)
    return deck.save()
