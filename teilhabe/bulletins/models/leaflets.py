"""Leaflets (Flyer): a one- or two-page overview for print, such as "Angebote für neu zugewanderte Frauen" or
"Beratungsstellen auf einen Blick", built from selected activities, organisations and contacts of the platform
in one language. The leaflet's own texts (title, introduction) are written in that language; what comes from
the platform is printed as it is stored, and only what may be published (public activities, the fields an
organisation or a contact marked public, pictures released with credit and alt text).

`stand_at` is the "Stand" printed on the leaflet: when its contents were last put together. A leaflet whose
activities, organisations or contacts changed after it is outdated (`services.leaflets.with_outdated`)."""

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
