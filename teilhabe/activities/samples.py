"""Sample objects for the site-wide tests (isolation and role walks). Names carry the municipality's slug.

The default sample activity has a partner that is *not* the editors' organisation in the walks, so its edit
pages answer editors 403 (the role table says so)."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from teilhabe.activities import models as m
from teilhabe.testing.samples import unique


def venue(municipality):
    return m.Venue.objects.create(
        municipality=municipality,
        name=unique(f"Ort {municipality.slug}"),
        address=f"Straße {municipality.slug}",
    )


def target_group(municipality):
    return m.TargetGroup.objects.create(
        municipality=municipality, name=unique(f"Zielgruppe {municipality.slug}")
    )


def activity(municipality):
    from teilhabe.activities.services.activities import save_activity

    return save_activity(
        municipality,
        None,
        {
            "title": f"Aktivität {municipality.slug}",
            "summary": f"Kurz {municipality.slug}",
            "kind": m.Activity.Kind.EVENT,
            "state": m.Activity.State.PLANNED,
            "public": True,  # shown on the public pages too (their walk needs one)
            "starts_on": datetime.date.today() + datetime.timedelta(days=7),
            "venue": venue(municipality),
            "languages": ["tr"],
            "target_groups": [target_group(municipality)],
        },
    )


def partner(municipality):
    from teilhabe.directory.models import Organisation

    organisation = Organisation.objects.create(
        municipality=municipality, kind="partner", name=unique(f"Träger {municipality.slug}")
    )
    return m.ActivityPartner.objects.create(
        municipality=municipality, activity=activity(municipality), organisation=organisation, role="partner"
    )


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 6), (31, 95, 139)).save(out, format="PNG")
    return out.getvalue()


def picture(municipality):
    from teilhabe.activities.services.uploads import add_picture

    picture = add_picture(
        activity(municipality),
        None,
        SimpleUploadedFile("bild.png", _png()),
        credit=f"© {municipality.slug}",
        alt_text=f"Bild {municipality.slug}",
    )
    picture.public = True  # released (credit and alt text given): the public pages serve it too
    picture.save(update_fields=["public"])
    return picture


def pdf(text: str = "Flyer") -> bytes:
    """A valid one-page PDF with `text` on it, written by hand (no PDF library at runtime)."""
    stream = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1", "replace")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(stream), stream),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF = pdf()


def attachment(municipality):
    from teilhabe.activities.services.uploads import add_attachment

    return add_attachment(
        activity(municipality),
        None,
        SimpleUploadedFile("flyer.pdf", pdf(f"Flyer {municipality.slug}")),
        title=f"Flyer {municipality.slug}",
    )
