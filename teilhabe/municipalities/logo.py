"""A municipality's logo: a picture checked and written anew by teilhabe/images.py (PNG, JPEG or WebP by its
content, at most 2 MB and 25 megapixels, nothing but its pixels: no script, SVG, HTML, metadata or trailing
bytes)."""

from django.core.files.base import ContentFile

from teilhabe import images

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000  # decompression bombs: a small file that unpacks to a huge bitmap


def reencode_logo(upload, name_stem: str) -> ContentFile:
    """Return the re-encoded image as a new file, or raise a German ValidationError naming the file."""
    checked = images.read_image(upload, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS)
    return ContentFile(checked.encode(), name="%s.%s" % (name_stem, checked.extension))
