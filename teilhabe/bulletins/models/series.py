"""Information products (Informationen bündeln): a `Bulletin` is a series such as the Kompakt-Info for
professionals or Com-In for the communities; each `BulletinIssue` is one numbered edition of it, a draft until
it is scheduled and sent. A sent issue is frozen: what went out is what the archive shows.

German is every text's source language; `languages` lists the further language versions the series offers
(codes of `teilhabe.languages.CODES`, "ls" for Leichte Sprache)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import CODES
from teilhabe.municipalities.models import MunicipalityOwned


def validate_language_codes(value):
    unknown = [code for code in value or [] if code not in CODES]
    if unknown:
        raise ValidationError(_("Unbekannte Sprachkürzel: %(codes)s"), params={"codes": ", ".join(unknown)})


class Bulletin(MunicipalityOwned):
    class Audience(models.TextChoices):
        PROFESSIONALS = "professionals", _("Fachleute")
        COMMUNITIES = "communities", _("Communitys")
        PUBLIC = "public", _("Öffentlichkeit")

    name = models.CharField(_("Name"), max_length=120)
    audience = models.CharField(_("Zielgruppe"), max_length=20, choices=Audience.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    languages = models.JSONField(
        _("weitere Sprachen"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Deutsch ist immer die Ausgangssprache; hier die Sprachen, in die übersetzt wird."),
    )
    sender_name = models.CharField(_("Absendername"), max_length=120)
    reply_to = models.EmailField(_("Antwortadresse"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="bulletin_name_unique")]
        verbose_name = _("Informationsreihe")
        verbose_name_plural = _("Informationsreihen")

    def __str__(self):
        return self.name

    @property
    def all_languages(self) -> list[str]:
        """German first, then the languages offered."""
        return ["de", *[code for code in self.languages if code != "de"]]


class BulletinIssue(MunicipalityOwned):
    class State(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SCHEDULED = "scheduled", _("geplant")
        SENT = "sent", _("versendet")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="issues")
    number = models.PositiveIntegerField(_("Nummer"))
    issue_date = models.DateField(_("Datum"))
    state = models.CharField(_("Stand"), max_length=10, choices=State.choices, default=State.DRAFT)
    scheduled_for = models.DateTimeField(_("Versand geplant für"), null=True, blank=True)
    sent_at = models.DateTimeField(_("versendet am"), null=True, blank=True)

    class Meta:
        ordering = ["bulletin", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["bulletin", "number"], name="bulletin_issue_number_unique")
        ]
        verbose_name = _("Ausgabe")
        verbose_name_plural = _("Ausgaben")

    def __str__(self):
        return f"{self.bulletin.name} {self.number}"

    @property
    def frozen(self) -> bool:
        return self.state == self.State.SENT
