import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from teilhabe.activities.samples import PDF
from teilhabe.activities.services.uploads import add_attachment, add_picture, update_picture
from teilhabe.activities.tests.helpers import activity, image_file


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x0112] = 6  # orientation: rotated
    gps = exif.get_ifd(0x8825)
    gps[2] = (47.0, 43.0, 30.0)  # GPSLatitude
    return exif.tobytes()


def test_a_picture_loses_exif_and_gps_and_gets_renditions(municipality):
    fair = activity(municipality)
    picture = add_picture(fair, None, image_file(exif=_exif_with_gps()))
    with Image.open(picture.image.path) as stored:
        assert not stored.getexif()
        assert "exif" not in stored.info
        assert stored.size == (1200, 2400)  # turned upright by the orientation
    with Image.open(picture.large.path) as large, Image.open(picture.thumbnail.path) as thumb:
        assert max(large.size) == 1600 and max(thumb.size) == 400
        assert not large.getexif() and not thumb.getexif()
    assert picture.image.name.startswith(f"activities/{municipality.pk}/")
    assert "bild" not in picture.image.name


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_png_and_webp_are_taken(municipality, kind):
    picture = add_picture(activity(municipality), None, image_file("x.bin", kind=kind, size=(50, 40)))
    with Image.open(picture.image.path) as stored:
        assert stored.format == kind


def test_the_type_comes_from_the_content_not_the_name(municipality):
    fake = SimpleUploadedFile("foto.jpg", b"<svg onload=alert(1)>")
    with pytest.raises(ValidationError, match="kein Bild"):
        add_picture(activity(municipality), None, fake)
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    with pytest.raises(ValidationError, match="kein Bild"):
        add_picture(activity(municipality), None, SimpleUploadedFile("bild.png", gif.getvalue()))


def test_too_large_files_are_refused(municipality, monkeypatch):
    monkeypatch.setattr("teilhabe.activities.services.uploads.PICTURE_MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="größer"):
        add_picture(activity(municipality), None, image_file())


def test_a_picture_is_public_only_with_credit_alt_text_and_consent(municipality):
    picture = add_picture(activity(municipality), None, image_file(size=(20, 20)))
    texts = {"credit": "© Klinikum Kempten, Martin Fink", "alt_text": "Pflegekräfte im Gespräch"}
    with pytest.raises(ValidationError):
        update_picture(
            picture, None, credit="", alt_text="Alt", shows_people=False, people_consent=False, public=True
        )
    with pytest.raises(ValidationError):
        update_picture(picture, None, **texts, shows_people=True, people_consent=False, public=True)
    update_picture(picture, None, **texts, shows_people=True, people_consent=True, public=True)
    assert picture.shown_publicly


def test_attachments_must_be_pdf_by_content(municipality):
    fair = activity(municipality)
    with pytest.raises(ValidationError, match="keine PDF"):
        add_attachment(fair, None, SimpleUploadedFile("flyer.pdf", b"MZ\x90\x00 not a pdf"), title="Flyer")
    attachment = add_attachment(fair, None, SimpleUploadedFile("flyer.pdf", PDF), title="Flyer")
    assert attachment.size == len(PDF) and attachment.file.name.endswith(".pdf")
