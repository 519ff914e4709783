"""An issue as a printable PDF in one language: A4, tagged (PDF/UA-1: structure tags, the document's language
in /Lang, the title shown), Arabic right to left. Fonts are Debian's (fonts-dejavu-core, and Noto where
installed: fonts-noto-core has Noto Naskh Arabic), found by fontconfig; nothing is downloaded. The header
picture is read from the file, never fetched over the network."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from teilhabe.bulletins.output.content import issue_content

PRINT_CSS = Path(__file__).resolve().parent.parent / "data" / "print.css"


def render_issue_pdf(issue, language: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    content = issue_content(issue, language)
    header = Path(content.header_path).as_uri() if content.header_path else ""
    with translation.override(content.lang):
        html = render_to_string("bulletins/output/print.html", {"c": content, "header_file": header})
    # Only files of this installation (the header picture, the stylesheet): nothing leaves it while printing.
    fetcher = URLFetcher(allowed_protocols=("file",))
    return HTML(string=html, base_url=str(PRINT_CSS.parent), url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS), url_fetcher=fetcher)], pdf_variant="pdf/ua-1"
    )
