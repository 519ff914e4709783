"""The renderers of a version's frozen data, one module per format."""

FORMATS = ("pdf", "pptx", "docx")
MIME = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(data, file_format: str, template=None) -> bytes:
    """The file of `data` in `file_format`; `template` (a path) is the office's .pptx for the slides."""
    if file_format == "pdf":
        from teilhabe.reports.render.pdf import render_pdf

        return render_pdf(data)
    if file_format == "pptx":
        from teilhabe.reports.render.slides import render_pptx

        return render_pptx(data, template=template)
    if file_format == "docx":
        from teilhabe.reports.render.word import render_docx

        return render_docx(data)
    raise ValueError(file_format)
