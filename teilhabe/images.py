"""The one check of an uploaded picture (a municipality's logo, an activity's pictures).

The type is recognised by the content, never by the name or the browser's word: Pillow must decode the file as
JPEG, PNG or WebP. The file may not be larger than the caller's `max_bytes`, nor unpack to more than
`max_pixels` (a decompression bomb: a small file that becomes a huge bitmap). The picture is turned upright by
its EXIF orientation and copied pixel by pixel into a fresh image, so nothing of the file survives but the
pixels: no EXIF (camera, GPS position), XMP, ICC profile, comment, script or trailing bytes. `encode()` writes
it anew in its own format; `rendition()` makes smaller copies. Every refusal is a German ValidationError
naming the file.

    checked = images.read_image(upload, max_bytes=2 * 1024 * 1024, max_pixels=25_000_000)
    ContentFile(checked.encode(), name="logo." + checked.extension)
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Pillow's format name -> (file extension, content type).
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


@dataclass(frozen=True)
class CheckedImage:
    kind: str  # "JPEG", "PNG" or "WEBP"
    image: object  # a PIL.Image.Image holding nothing but the upright pixels

    @property
    def extension(self) -> str:
        return FORMATS[self.kind][0]

    @property
    def content_type(self) -> str:
        return FORMATS[self.kind][1]

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    def encode(self, longest: int | None = None) -> bytes:
        """The picture written anew in its format; with `longest`, scaled down to at most that many pixels on
        its longer side."""
        return encode(rendition(self.image, longest) if longest else self.image, self.kind)


def file_name(upload) -> str:
    return getattr(upload, "name", "") or _("Datei")


def read_image(upload, *, max_bytes: int, max_pixels: int) -> CheckedImage:
    """The upload as a CheckedImage, or a German ValidationError naming the file."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = file_name(upload)
    if upload.size > max_bytes:
        raise ValidationError(
            _("„%(name)s“ ist größer als %(mb)s MB. Bitte laden Sie ein kleineres Bild hoch.")
            % {"name": name, "mb": _megabytes(max_bytes)}
        )
    wrong_kind = _("„%(name)s“ ist kein Bild im Format JPEG, PNG oder WebP.") % {"name": name}
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise ValidationError(wrong_kind)
            if image.width * image.height > max_pixels:
                raise ValidationError(
                    _("„%(name)s“ hat zu viele Bildpunkte (höchstens %(megapixels)s Megapixel).")
                    % {"name": name, "megapixels": max_pixels // 1_000_000}
                )
            kind = image.format
            image.load()
            upright = ImageOps.exif_transpose(image)
            if upright.mode in ("P", "PA") or (upright.mode == "L" and "transparency" in upright.info):
                upright = upright.convert("RGBA")
            # A fresh image carries pixels only: no EXIF, GPS, XMP, ICC profile or comment survives.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(wrong_kind) from None
    return CheckedImage(kind, clean)


def rendition(image, longest: int):
    """A copy at most `longest` pixels on its longer side (never enlarged)."""
    copy = image.copy()
    copy.thumbnail((longest, longest))
    return copy


def encode(image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=85, optimize=True)
    elif kind == "WEBP":
        image.save(out, format="WEBP", quality=85)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _megabytes(size: int) -> str:
    from teilhabe.formatting import number

    value = size / (1024 * 1024)
    return number(value, 0 if value.is_integer() else 1)
