"""The PDF: WeasyPrint, A4, PDF/UA-1 (tagged, with the document language, alt texts for the chart and the
pictures), bookmarks from the headings, a table of contents and page numbers by CSS, the municipality's
logo on the title page."""

import logging
from pathlib import Path

from django.template.loader import render_to_string

from teilhabe.reports.render.common import as_dict, data_uri
from teilhabe.reports.render.document import document

CSS_FILE = Path(__file__).resolve().parent.parent / "data" / "report.css"


def render_pdf(data) -> bytes:
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no "Step 5 - Page 7" lines

    parts = []
    for index, part in enumerate(document(data)):
        topics = [
            {"title": topic.title, "blocks": [as_dict(block, data) for block in topic.blocks]}
            for topic in part.topics
        ]
        parts.append({"key": part.key, "title": part.title, "anchor": "s%d" % index, "topics": topics})
    title = next((p for p in data["sections"] if p["key"] == "title"), None)
    html = render_to_string(
        "reports/pdf/report.html",
        {
            "data": data,
            "parts": [p for p in parts if p["key"] != "title"],
            "cover": title["data"] if title else None,
            "cover_part": next((p for p in parts if p["key"] == "title"), None),
            "logo": data_uri(data, "logo"),
            "language": (data.get("language") or "de")[:2],
        },
    )
    document_ = HTML(string=html, base_url=str(CSS_FILE.parent))
    return document_.write_pdf(
        stylesheets=[CSS(filename=str(CSS_FILE))], pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )
