"""A municipality's logo: only PNG, JPEG or WebP, recognised by its content (not its name), decoded and
written anew by Pillow, so what is stored is a plain image and nothing else (no script, no SVG, no HTML, no
metadata, no trailing bytes)."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 25_000_000  # decompression bombs: a small file that unpacks to a huge bitmap
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def reencode_logo(upload, name_stem: str) -> ContentFile:
    """Return the re-encoded image as a new file, or raise a German ValidationError naming the file."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = getattr(upload, "name", "") or _("Datei")
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("„%(name)s“ ist größer als 2 MB. Bitte laden Sie ein kleineres Logo hoch.") % {"name": name}
        )
    wrong_kind = _("„%(name)s“ ist kein Bild im Format PNG, JPEG oder WebP.") % {"name": name}
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise ValidationError(wrong_kind)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _("„%(name)s“ hat zu viele Bildpunkte (höchstens 25 Megapixel).") % {"name": name}
                )
            kind = image.format
            image.load()
            picture = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(wrong_kind) from None
    if kind == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    elif kind != "JPEG" and picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        picture = picture.convert("RGBA")
    out = io.BytesIO()
    options = {"quality": 90} if kind in ("JPEG", "WEBP") else {"optimize": True}
    picture.save(out, format=kind, **options)
    return ContentFile(out.getvalue(), name="%s.%s" % (name_stem, FORMATS[kind]))
