"""Pictures and attachments of activities, checked by content (never by name or the browser's type).

A picture (JPEG, PNG or WebP, at most `PICTURE_MAX_BYTES`, at most 40 megapixels) is decoded by Pillow,
turned upright by its EXIF orientation and written anew without any metadata (EXIF, GPS, XMP, ICC comments),
plus two renditions (`LARGE` and `THUMBNAIL` pixels on the longer side). An attachment must be a PDF
(`%PDF-` at the start, `%%EOF` near the end, at most `ATTACHMENT_MAX_BYTES`). Files get random names under
MEDIA_ROOT/activities/<municipality>/ and are served only by the activity views (views.files), scoped to the
municipality, with the headers of teilhabe/media.py.
"""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.activities.models import ActivityAttachment, ActivityPicture

PICTURE_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
LARGE = 1600
THUMBNAIL = 400
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


def _name(upload):
    return getattr(upload, "name", "") or _("Datei")


def _encode(picture, kind) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        if picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.save(out, format="JPEG", quality=85, optimize=True)
    elif kind == "WEBP":
        picture.save(out, format="WEBP", quality=85)
    else:
        if picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            picture = picture.convert("RGBA")
        picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def read_picture(upload):
    """(kind, upright image without metadata) or a German ValidationError naming the file."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = _name(upload)
    if upload.size > PICTURE_MAX_BYTES:
        raise ValidationError(
            _("„%(name)s“ ist größer als %(mb)s MB. Bitte laden Sie ein kleineres Bild hoch.")
            % {"name": name, "mb": PICTURE_MAX_BYTES // (1024 * 1024)}
        )
    wrong_kind = _("„%(name)s“ ist kein Bild im Format JPEG, PNG oder WebP.") % {"name": name}
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise ValidationError(wrong_kind)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _("„%(name)s“ hat zu viele Bildpunkte (höchstens 40 Megapixel).") % {"name": name}
                )
            kind = image.format
            image.load()
            upright = ImageOps.exif_transpose(image)
            # A fresh image carries pixels only: no EXIF, GPS, XMP or comments survive.
            if upright.mode in ("P", "PA") or (upright.mode == "L" and "transparency" in upright.info):
                upright = upright.convert("RGBA")
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(wrong_kind) from None
    return kind, clean


def _rendition(image, longest):
    copy = image.copy()
    copy.thumbnail((longest, longest))
    return copy


@transaction.atomic
def add_picture(activity, user, upload, *, credit="", alt_text="", shows_people=False, people_consent=False):
    kind, image = read_picture(upload)
    extension = FORMATS[kind][0]
    stem = secrets.token_hex(12)
    picture = ActivityPicture(
        municipality_id=activity.municipality_id,
        activity=activity,
        original_name=_name(upload)[:255],
        credit=credit,
        alt_text=alt_text,
        shows_people=shows_people,
        people_consent=people_consent,
        width=image.width,
        height=image.height,
        uploaded_by=user,
        order=activity.pictures.count(),
    )
    picture.image.save("%s.%s" % (stem, extension), ContentFile(_encode(image, kind)), save=False)
    picture.large.save(
        "%s-%s.%s" % (stem, LARGE, extension),
        ContentFile(_encode(_rendition(image, LARGE), kind)),
        save=False,
    )
    picture.thumbnail.save(
        "%s-%s.%s" % (stem, THUMBNAIL, extension),
        ContentFile(_encode(_rendition(image, THUMBNAIL), kind)),
        save=False,
    )
    picture.save()
    return picture


def update_picture(picture, user, *, credit, alt_text, shows_people, people_consent, public):
    """Change the picture's texts; `public` only sticks with credit, alt text and (for people) consent."""
    picture.credit, picture.alt_text = credit.strip(), alt_text.strip()
    picture.shows_people, picture.people_consent = shows_people, people_consent
    if public and not picture.publishable:
        raise ValidationError(
            {
                "public": _(
                    "Ein Bild wird erst mit Bildnachweis und Alternativtext öffentlich gezeigt, und wenn es "
                    "erkennbare Personen zeigt, nur mit deren Einwilligung."
                )
            }
        )
    picture.public = public
    picture.save()
    return picture


def delete_picture(picture, user):
    files = [picture.image, picture.large, picture.thumbnail]
    picture.delete()
    for file in files:
        if file:
            transaction.on_commit(lambda f=file: f.storage.delete(f.name))


def check_pdf(upload) -> bytes:
    name = _name(upload)
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("„%(name)s“ ist größer als %(mb)s MB.")
            % {"name": name, "mb": ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise ValidationError(_("„%(name)s“ ist keine PDF-Datei.") % {"name": name})
    return data


@transaction.atomic
def add_attachment(activity, user, upload, *, title, public=False):
    data = check_pdf(upload)
    attachment = ActivityAttachment(
        municipality_id=activity.municipality_id,
        activity=activity,
        title=title or _name(upload),
        original_name=_name(upload)[:255],
        size=len(data),
        public=public,
        uploaded_by=user,
    )
    attachment.file.save("%s.pdf" % secrets.token_hex(12), ContentFile(data), save=False)
    attachment.save()
    return attachment


def delete_attachment(attachment, user):
    file = attachment.file
    attachment.delete()
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))
