"""A URL conf with the whole site plus deliberately leaking views, for test_isolation_walk_catches_leaks.py.

Each view shows every municipality's organisations (no scoping) in one format or one way of asking; the walk
must report each of them. Never included by the real site."""

import io
import json
import zipfile

from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.urls import include, path

from teilhabe.accounts.decorators import member_required
from teilhabe.directory.models import Organisation
from teilhabe.urls import urlpatterns as site_patterns


def _all_names():
    return [o.name for o in Organisation.objects.all()]  # the bug under test: not scoped


@member_required
def html_page(request):
    return HttpResponse("<ul>%s</ul>" % "".join(f"<li>{n}</li>" for n in _all_names()))


@member_required
def clean_page(request):
    names = Organisation.objects.for_municipality(request.municipality).values_list("name", flat=True)
    return HttpResponse("<ul>%s</ul>" % "".join(f"<li>{n}</li>" for n in names))


@member_required
def error_page(request):
    return HttpResponseForbidden("Kein Zugriff auf %s" % ", ".join(_all_names()))


@member_required
def htmx_partial(request):
    """Clean as a page; the htmx search partial is the one that is not scoped."""
    if request.headers.get("HX-Request") and request.GET.get("q"):
        names = _all_names()
    else:
        names = Organisation.objects.for_municipality(request.municipality).values_list("name", flat=True)
    return HttpResponse("".join(f"<li>{n}</li>" for n in names))


@member_required
def form_error(request):
    if request.method == "POST":
        return HttpResponse("<p>Bitte wählen Sie: %s</p>" % " / ".join(_all_names()), status=200)
    return HttpResponse("<form method=post></form>")


@member_required
def csv_export(request):
    return HttpResponse("Name\r\n" + "\r\n".join(_all_names()), content_type="text/csv; charset=utf-8")


@member_required
def xlsx_export(request):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Übersicht"
    workbook.active.append(["nur Zahlen", 1])
    hidden = workbook.create_sheet("Anhang")
    for name in _all_names():
        hidden.append([name])
    out = io.BytesIO()
    workbook.save(out)
    return HttpResponse(
        out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@member_required
def json_export(request):
    # ensure_ascii plus escaped letters: only a reader that decodes JSON sees the names
    text = json.dumps({"names": _all_names()}).replace("a", "\\u0061")
    return HttpResponse(text, content_type="application/json")


@member_required
def json_response(request):
    return JsonResponse({"names": _all_names()})


@member_required
def pdf_export(request):
    return HttpResponse(simple_pdf(" ".join(_all_names())), content_type="application/pdf")


@member_required
def pptx_export(request):
    return HttpResponse(
        simple_pptx(_all_names()),
        content_type="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    )


@member_required
def file_name(request):
    response = HttpResponse("1;2;3", content_type="text/csv")
    other = Organisation.objects.exclude(municipality=request.municipality).first()
    response["Content-Disposition"] = 'attachment; filename="%s.csv"' % other.municipality.slug
    return response


def simple_pdf(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica (hand-built: the app has no PDF export yet)."""
    stream = b"BT /F1 10 Tf 20 100 Td (" + text.encode("latin-1").replace(b"(", b"[") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2000 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def simple_pptx(lines) -> bytes:
    """A minimal PPTX-shaped package whose slide holds `lines` (the parts a slide's text lives in)."""
    runs = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in lines)
    slide = (
        '<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="http://schemas.openxmlformats.org/'
        'presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<p:cSld><p:spTree><p:sp><p:txBody>{runs}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("ppt/presentation.xml", '<?xml version="1.0"?><p:presentation/>')
        archive.writestr("ppt/slides/slide1.xml", slide)
    return out.getvalue()


leaks = [
    path("html/", html_page, name="html"),
    path("sauber/", clean_page, name="clean"),
    path("fehler/", error_page, name="error"),
    path("suche/", htmx_partial, name="htmx"),
    path("formular/", form_error, name="form"),
    path("export.csv", csv_export, name="csv"),
    path("export.xlsx", xlsx_export, name="xlsx"),
    path("export.json", json_export, name="json"),
    path("daten.json", json_response, name="jsonresponse"),
    path("bericht.pdf", pdf_export, name="pdf"),
    path("folien.pptx", pptx_export, name="pptx"),
    path("datei/", file_name, name="filename"),
]

urlpatterns = [
    path("<slug:municipality_slug>/leck/", include((leaks, "leak"))),
    *site_patterns,
]
