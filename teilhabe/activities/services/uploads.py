"""Pictures and attachments of activities, checked by content (never by name or the browser's type).

A picture (JPEG, PNG or WebP, at most `PICTURE_MAX_BYTES`, at most 40 megapixels) is checked by
teilhabe/images.py (decoded by Pillow, turned upright, written anew without any metadata: EXIF, GPS, XMP, ICC),
plus two renditions (`LARGE` and `THUMBNAIL` pixels on the longer side). An attachment must be a PDF
(`%PDF-` at the start, `%%EOF` near the end, at most `ATTACHMENT_MAX_BYTES`). Files get random names under
MEDIA_ROOT/activities/<municipality>/ and are served only by the activity views (views.files), scoped to the
municipality, with the headers of teilhabe/media.py.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe import images
from teilhabe.activities.models import ActivityAttachment, ActivityPicture

PICTURE_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
LARGE = 1600
THUMBNAIL = 400


def _name(upload):
    return images.file_name(upload)


def read_picture(upload):
    """The picture checked and stripped to its pixels (teilhabe/images.py), or a German ValidationError."""
    return images.read_image(upload, max_bytes=PICTURE_MAX_BYTES, max_pixels=MAX_PIXELS)


@transaction.atomic
def add_picture(activity, user, upload, *, credit="", alt_text="", shows_people=False, people_consent=False):
    checked = read_picture(upload)
    image, extension = checked.image, checked.extension
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
    picture.image.save("%s.%s" % (stem, extension), ContentFile(checked.encode()), save=False)
    picture.large.save(
        "%s-%s.%s" % (stem, LARGE, extension),
        ContentFile(checked.encode(LARGE)),
        save=False,
    )
    picture.thumbnail.save(
        "%s-%s.%s" % (stem, THUMBNAIL, extension),
        ContentFile(checked.encode(THUMBNAIL)),
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
