"""teilhabe/images.py, the one check of an uploaded picture, and that every upload of a picture goes through it."""

import ast
import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageCms

from teilhabe import images
from teilhabe.municipalities.logo import reencode_logo

ROOT = Path(__file__).resolve().parents[1]
LIMITS = {"max_bytes": 1024 * 1024, "max_pixels": 1_000_000}


def picture(kind="JPEG", size=(60, 30), **options) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=kind, **options)
    return SimpleUploadedFile("bild.dat", out.getvalue())


def exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"
    exif[0x0112] = 6  # rotated: the stored picture is turned upright
    exif.get_ifd(0x8825)[2] = (47.0, 43.0, 30.0)  # GPSLatitude
    return exif.tobytes()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_the_type_comes_from_the_content_and_only_pixels_survive(kind):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    extra = {"comment": b"geheim"} if kind == "JPEG" else {}
    checked = images.read_image(picture(kind, exif=exif_with_gps(), icc_profile=icc, **extra), **LIMITS)
    assert checked.kind == kind and (checked.width, checked.height) == (30, 60)  # upright
    stored = Image.open(io.BytesIO(checked.encode()))
    assert stored.format == kind and not stored.getexif()
    assert not {"exif", "icc_profile", "comment", "xmp"} & set(stored.info)
    assert max(Image.open(io.BytesIO(checked.encode(20))).size) == 20


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("bild.png", b"<svg><script>alert(1)</script></svg>"), "kein Bild im Format"),
        (picture("GIF"), "kein Bild im Format"),
        (picture(size=(1001, 1000)), "zu viele Bildpunkte (höchstens 1 Megapixel)"),
        (SimpleUploadedFile("gross.jpg", b"\xff" * (1024 * 1024 + 1)), "größer als 1 MB"),
    ],
)
def test_what_is_refused_is_named_in_german(upload, message):
    with translation.override("de"), pytest.raises(ValidationError, match=re.escape(message)) as raised:
        images.read_image(upload, **LIMITS)
    assert "„" in raised.value.messages[0]


def test_the_logo_keeps_nothing_but_its_pixels():
    """The logo used to keep a JPEG's comment and a PNG's colour profile."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for upload in (picture("JPEG", comment=b"geheim"), picture("PNG", icc_profile=icc)):
        stored = Image.open(reencode_logo(upload, "logo"))
        assert "comment" not in stored.info and "icc_profile" not in stored.info


def test_no_module_but_teilhabe_images_opens_an_uploaded_picture():
    """One image check: nothing else calls PIL's Image.open (tests, test tools and demo pictures aside)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or parts[0] == "testing" or path == ROOT / "images.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "open"
                and getattr(func.value, "id", "") == "Image"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "use teilhabe.images.read_image: " + ", ".join(found)
