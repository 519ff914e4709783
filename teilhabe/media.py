"""Uploaded files as the site serves them: logos only (other uploads are private and never served here).

Every answer is marked so that a browser never runs it in the site's origin, whatever it contains: a download
(`Content-Disposition: attachment`, which `<img>` ignores), no content sniffing, and a sandboxing
Content-Security-Policy. A reverse proxy that serves /media/ itself must send the same headers (README).
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

SERVED_FOLDERS = {"logos"}
MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@require_safe
def serve(request, folder: str, name: str):
    if folder not in SERVED_FOLDERS or "/" in name or name.startswith("."):
        raise Http404
    root = (Path(settings.MEDIA_ROOT) / folder).resolve()
    path = (root / name).resolve()
    if path.parent != root or not path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(path.name)[0]
    if content_type not in ("image/png", "image/jpeg", "image/webp"):
        content_type = "application/octet-stream"
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=path.name, content_type=content_type
    )
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response
