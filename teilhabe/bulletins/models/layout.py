"""A series' layout: the header picture with its credit and alt text, and the accent colour. The colours are a
fixed palette of dark shades on which white text reaches at least 4.5:1 (WCAG AA), in light and dark mode."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.series import Bulletin
from teilhabe.municipalities.models import MunicipalityOwned

#: value -> (label, hex). Every hex has a contrast of at least 4.5:1 against white.
COLOURS = {
    "blue": (_("Blau"), "#1d4f91"),
    "green": (_("Grün"), "#1e6b3a"),
    "red": (_("Rot"), "#a3262a"),
    "violet": (_("Violett"), "#5b2c83"),
    "petrol": (_("Petrol"), "#0b5563"),
    "grey": (_("Grau"), "#474747"),
}


def _upload_to(instance, filename):
    import secrets

    return "bulletins/%s/%s.%s" % (
        instance.municipality_id,
        secrets.token_hex(12),
        filename.rsplit(".", 1)[-1],
    )


class BulletinLayout(MunicipalityOwned):
    bulletin = models.OneToOneField(Bulletin, on_delete=models.CASCADE, related_name="layout")
    colour = models.CharField(
        _("Farbe"),
        max_length=10,
        choices=[(key, label) for key, (label, _hex) in COLOURS.items()],
        default="blue",
        help_text=_("Für Kopfzeile und Überschriften; weiße Schrift ist darauf immer gut lesbar."),
    )
    header_image = models.FileField(_("Kopfbild"), upload_to=_upload_to, blank=True)
    header_alt = models.CharField(
        _("Alternativtext des Kopfbilds"),
        max_length=300,
        blank=True,
        help_text=_("Was das Bild zeigt, für Menschen, die es nicht sehen; leer, wenn es nur schmückt."),
    )
    header_credit = models.CharField(_("Bildnachweis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Gestaltung")
        verbose_name_plural = _("Gestaltungen")

    @property
    def hex(self) -> str:
        return COLOURS.get(self.colour, COLOURS["blue"])[1]
