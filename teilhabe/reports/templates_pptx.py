"""The office's PowerPoint template: checked on upload (a real .pptx, 16:9, with a layout that has a title),
kept one per municipality."""

import secrets
import zipfile

from django.db import transaction
from django.utils.translation import gettext as _

from teilhabe.reports.models import ReportTemplate
from teilhabe.reports.services import ReportError

MAX_BYTES = 20 * 1024 * 1024
SIXTEEN_NINE = 16 / 9


def check_template(upload) -> list[str]:
    """The layout names of an uploaded .pptx; ReportError with the reason, naming the file, otherwise."""
    from pptx import Presentation
    from pptx.enum.shapes import PP_PLACEHOLDER

    name = upload.name
    if upload.size > MAX_BYTES:
        raise ReportError(_("%(name)s: Die Datei ist größer als 20 MB.") % {"name": name})
    upload.seek(0)
    if not zipfile.is_zipfile(upload):
        raise ReportError(_("%(name)s: Das ist keine PowerPoint-Datei (.pptx).") % {"name": name})
    upload.seek(0)
    try:
        presentation = Presentation(upload)
    except Exception as error:  # python-pptx raises several kinds for a broken or foreign package
        raise ReportError(
            _("%(name)s: Die Datei lässt sich nicht als PowerPoint-Vorlage lesen.") % {"name": name}
        ) from error
    finally:
        upload.seek(0)
    ratio = presentation.slide_width / presentation.slide_height
    if abs(ratio - SIXTEEN_NINE) > 0.02:
        raise ReportError(_("%(name)s: Die Folien haben nicht das Format 16:9.") % {"name": name})
    titled = [
        layout.name
        for layout in presentation.slide_layouts
        if any(
            ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
            for ph in layout.placeholders
        )
    ]
    if not titled:
        raise ReportError(_("%(name)s: Kein Folienlayout der Vorlage hat einen Titel.") % {"name": name})
    return [layout.name for layout in presentation.slide_layouts]


def save_template(municipality, user, upload) -> ReportTemplate:
    layouts = check_template(upload)
    with transaction.atomic():
        template = ReportTemplate.objects.for_municipality(municipality).first()
        old = template.file if template else None
        template = template or ReportTemplate(municipality=municipality)
        template.file.save("%s/%s.pptx" % (municipality.pk, secrets.token_hex(12)), upload, save=False)
        template.original_name = upload.name[:255]
        template.layouts = layouts
        template.uploaded_by = user
        template.save()
    if old and old.name != template.file.name:
        old.storage.delete(old.name)
    return template


def delete_template(template: ReportTemplate) -> None:
    stored = template.file
    template.delete()
    if stored:
        stored.storage.delete(stored.name)
