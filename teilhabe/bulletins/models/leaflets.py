"""Leaflets (Flyer): a one- or two-page overview for print, such as "Angebote für neu zugewanderte Frauen" or
"Beratungsstellen auf einen Blick", built from selected activities, organisations and contacts of the platform
in one language. The leaflet's own texts (title, introduction) are written in that language; what comes from
the platform is printed as it is stored, and only what may be published (public activities, the fields an
organisation or a contact marked public, pictures released with credit and alt text).

`stand_at` is the "Stand" printed on the leaflet: when its contents were last put together. A leaflet whose
activities, organisations or contacts changed after it is outdated (`services.leaflets.with_outdated`).

A `LeafletPrint` is a frozen copy of what was printed ("Druckfassung erstellen"): the PDF as it was made, with
its date and Stand, stored privately under MEDIA_ROOT (random name, served only to members through the leaflet
pages); it never changes. Once a leaflet has prints, "older than its data" compares against the latest one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned

#: The languages a leaflet is written in (codes of teilhabe.languages; "ls" is Leichte Sprache).
LEAFLET_LANGUAGES = ("de", "ls", "tr", "ru", "uk", "ar", "en")
RIGHT_TO_LEFT = frozenset({"ar", "fa", "ps", "ur"})


class Leaflet(MunicipalityOwned):
    class Format(models.TextChoices):
        A4 = "a4", _("A4, eine Seite")
        A4_TWO_PAGES = "a4-2", _("A4, zwei Seiten (Vorder- und Rückseite)")
        A5_FOLDED = "a5", _("A5 gefaltet (ein A4-Bogen, vier Seiten A5)")

    title = models.CharField(_("Titel"), max_length=200)
    language = models.CharField(
        _("Sprache"),
        max_length=5,
        default="de",
        help_text=_(
            "In dieser Sprache schreiben Sie Titel und Einleitung; die festen Beschriftungen folgen ihr."
        ),
    )
    format = models.CharField(_("Format"), max_length=5, choices=Format.choices, default=Format.A4)
    intro = models.TextField(_("Einleitung"), blank=True)
    activities = models.ManyToManyField(
        "activities.Activity", blank=True, related_name="leaflets", verbose_name=_("Aktivitäten")
    )
    organisations = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="leaflets", verbose_name=_("Organisationen")
    )
    contacts = models.ManyToManyField(
        "directory.Contact", blank=True, related_name="leaflets", verbose_name=_("Ansprechpersonen")
    )
    show_pictures = models.BooleanField(
        _("Bilder zeigen"),
        default=True,
        help_text=_("Freigegebene Bilder der Aktivitäten, mit Bildnachweis."),
    )
    stand_at = models.DateTimeField(_("Stand"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "language"]
        verbose_name = _("Flyer")
        verbose_name_plural = _("Flyer")

    def __str__(self):
        return self.title

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    @property
    def html_language(self) -> str:
        """The document language (BCP 47): Leichte Sprache is German ("de"; there is no tag of its own)."""
        return "de" if self.language == "ls" else self.language


def _print_path(instance, filename):
    # The name is random (the service passes it in); one folder per municipality, as for every upload.
    return "leaflets/%s/%s" % (instance.municipality_id, filename)


class LeafletPrint(MunicipalityOwned):
    leaflet = models.ForeignKey(
        Leaflet, on_delete=models.CASCADE, related_name="prints", verbose_name=_("Flyer")
    )
    file = models.FileField(_("Datei"), upload_to=_print_path, editable=False)
    stand_at = models.DateTimeField(_("Stand"))
    size = models.PositiveIntegerField(_("Größe"), default=0)
    sha256 = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("erstellt am"), db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Druckfassung")
        verbose_name_plural = _("Druckfassungen")

    def __str__(self):
        return f"{self.leaflet} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk and LeafletPrint.objects.filter(pk=self.pk).exists():
            raise ValidationError(_("Eine Druckfassung wird nicht mehr geändert."))
        super().save(*args, **kwargs)
