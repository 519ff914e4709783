"""Logo upload: PNG/JPEG/WebP by content only, re-encoded by Pillow; media answers never run in the site."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from teilhabe.municipalities.models import Municipality

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<html><body><script>fetch('/konto/profil/')</script></body></html>"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def image_bytes(kind, size=(40, 20), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size, (10, 80, 160) if mode == "RGB" else 0).save(out, format=kind)
    return out.getvalue()


def upload(client, municipality, name, content):
    url = reverse("municipalities:settings", args=[municipality.slug])
    data = {"name": municipality.name, "office_name": "Amt", "disclosure_threshold": 2}
    return client.post(url, {**data, "logo": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_png_jpeg_and_webp_are_stored_re_encoded(client, office_user, municipality, kind):
    client.force_login(office_user)
    content = image_bytes(kind) + b"<script>alert(1)</script>"  # trailing bytes after the image
    assert upload(client, municipality, "wappen.bin", content).status_code == 302
    logo = Municipality.objects.get(pk=municipality.pk).logo
    stored = logo.read()
    assert b"<script>" not in stored
    assert Image.open(io.BytesIO(stored)).format == kind
    assert logo.name.endswith({"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}[kind])


@pytest.mark.parametrize(
    "name, content",
    [
        ("logo.svg", SVG),
        ("logo.png", SVG),
        ("logo.png", HTML),
        ("logo.gif", None),
        ("logo.png", b"\x89PNG\r\n"),
    ],
)
def test_anything_else_is_refused_in_german_naming_the_file(client, office_user, municipality, name, content):
    if content is None:
        content = image_bytes("GIF")
    client.force_login(office_user)
    response = upload(client, municipality, name, content)
    assert response.status_code == 200
    assert "„%s“ ist kein Bild im Format JPEG, PNG oder WebP." % name in response.content.decode()
    assert not Municipality.objects.get(pk=municipality.pk).logo


def test_a_decompression_bomb_is_refused(client, office_user, municipality):
    client.force_login(office_user)
    bomb = image_bytes("PNG", size=(6000, 6000), mode="L")
    assert len(bomb) < 2 * 1024 * 1024
    response = upload(client, municipality, "bombe.png", bomb)
    assert "zu viele Bildpunkte" in response.content.decode()


def test_the_logo_is_served_as_a_download_that_never_runs(client, office_user, municipality):
    client.force_login(office_user)
    upload(client, municipality, "wappen.png", image_bytes("PNG"))
    client.logout()
    home = client.get("/%s/oeffentlich/" % municipality.slug).content.decode()
    url = Municipality.objects.get(pk=municipality.pk).logo.url
    assert f'<img src="{url}"' in home
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_file_put_into_media_by_hand_is_still_not_served_as_html(client, settings):
    folder = settings.MEDIA_ROOT / "logos"
    folder.mkdir(parents=True)
    (folder / "x.html").write_bytes(HTML)
    response = client.get("/media/logos/x.html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    "path", ["/media/imports/a.csv", "/media/logos/..%2Fsecret_key", "/media/logos/.hidden"]
)
def test_only_logos_are_served(client, settings, path, db):
    (settings.MEDIA_ROOT / "imports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "imports" / "a.csv").write_text("x")
    assert client.get(path).status_code == 404
