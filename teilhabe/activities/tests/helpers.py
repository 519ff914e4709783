"""Small builders shared by the activity tests."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from teilhabe.activities.services.activities import save_activity


def url(name, municipality, *args):
    return reverse(f"activities:{name}", args=[municipality.slug, *args])


def activity(municipality, title="Jobbörse für Geflüchtete", user=None, organisation=None, **values):
    values = {"title": title, "starts_on": datetime.date(2024, 3, 4), "state": "planned", **values}
    return save_activity(municipality, user, values, organisation=organisation)


def image_file(name="bild.jpg", kind="JPEG", size=(2400, 1200), exif=None):
    from PIL import Image

    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 30)).save(out, format=kind, **options)
    return SimpleUploadedFile(name, out.getvalue())
