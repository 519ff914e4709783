"""The tenant (Municipality) and the base class every row of domain data inherits."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class FederalState(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


# The first two digits of the Amtlicher Gemeindeschlüssel name the federal state.
AGS_STATE_PREFIX = {
    "01": "SH", "02": "HH", "03": "NI", "04": "HB", "05": "NW", "06": "HE", "07": "RP", "08": "BW",
    "09": "BY", "10": "SL", "11": "BE", "12": "BB", "13": "MV", "14": "SN", "15": "ST", "16": "TH",
}  # fmt: skip

ags_validator = RegexValidator(r"^\d{8}$", _("Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern."))


class Municipality(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname in Adressen"), unique=True, max_length=60)
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"), max_length=8, unique=True, validators=[ags_validator]
    )
    federal_state = models.CharField(_("Bundesland"), max_length=2, choices=FederalState.choices)
    office_name = models.CharField(
        _("Name des Integrationsamts"), max_length=200, default="Amt für Integration"
    )
    office_address = models.TextField(_("Anschrift"), blank=True)
    office_email = models.EmailField(_("E-Mail"), blank=True)
    office_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    office_hours = models.TextField(_("Öffnungszeiten"), blank=True)
    imprint = models.TextField(
        _("Impressum"),
        blank=True,
        help_text=_(
            "Anbieterkennzeichnung nach § 5 DDG: Behörde, Anschrift, vertretungsberechtigte Stelle, Kontakt. "
            "Erscheint öffentlich unter „Impressum“."
        ),
    )
    privacy_notice = models.TextField(
        _("Datenschutzerklärung"),
        blank=True,
        help_text=_(
            "Verantwortliche Stelle, Datenschutzbeauftragte, Zwecke und Rechtsgrundlagen, Speicherdauer, Rechte. "
            "Erscheint öffentlich unter „Datenschutz“; leer bleibt dort der allgemeine Text zu dieser Plattform."
        ),
    )
    logo = models.FileField(_("Logo"), upload_to="logos/", blank=True)
    logo_credit = models.CharField(_("Bildnachweis des Logos"), max_length=200, blank=True)
    disclosure_threshold = models.PositiveSmallIntegerField(
        _("Geheimhaltungsgrenze"),
        default=2,
        help_text=_("Fallzahlen von 1 bis zu diesem Wert werden nie veröffentlicht."),
    )
    office_two_factor_required = models.BooleanField(
        _("Zwei-Faktor-Anmeldung für das Integrationsamt vorschreiben"),
        default=False,
        help_text=_(
            "Alle mit der Rolle „Integrationsamt“ melden sich dann zusätzlich mit einem Code aus einer Authenticator-App an."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:home", args=[self.slug])

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        expected = AGS_STATE_PREFIX.get(self.ags[:2]) if self.ags else None
        if self.ags and expected != self.federal_state:
            errors["ags"] = _("Der Gemeindeschlüssel passt nicht zum gewählten Bundesland.")
        floor = settings.DISCLOSURE_THRESHOLD
        if self.disclosure_threshold is not None and self.disclosure_threshold < floor:
            errors["disclosure_threshold"] = _(
                "Die Geheimhaltungsgrenze darf nicht unter %(floor)d liegen, dem Mindestwert dieser Installation."
            ) % {"floor": floor}
        if errors:
            raise ValidationError(errors)

    @property
    def publication_threshold(self) -> int:
        """The disclosure threshold in force: the municipality's, never below the installation's minimum
        (DISCLOSURE_THRESHOLD), also for a value stored before the minimum was raised."""
        return max(self.disclosure_threshold, settings.DISCLOSURE_THRESHOLD)


class MunicipalityQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class MunicipalityOwned(models.Model):
    """Base of every row of domain data: it belongs to exactly one municipality.

    Read through `Model.objects.for_municipality(m)` or `scoping.get_scoped_or_404`, never `.objects.all()`
    in a view. The audit trail stores the municipality with every entry so its log can be filtered.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("Kommune")
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_additional_data(self):
        return {"municipality_id": self.municipality_id}


class SetupGuide(MunicipalityOwned):
    """The first-run guide's progress of one municipality (teilhabe/portal/guide.py).

    Whether a step is done is mostly read from the data (an organisation exists, a concept, a round); the steps
    without such a sign (contact details, status vocabulary, team) are done when the office says so. A skipped
    step can be resumed; the guide is shown on the start page until every step is done or skipped, or the
    office ends it, and stays reachable from the settings.
    """

    confirmed = models.JSONField(_("Erledigte Schritte"), default=list, blank=True)
    skipped = models.JSONField(_("Übersprungene Schritte"), default=list, blank=True)
    finished_at = models.DateTimeField(_("Beendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einrichtungsassistent")
        verbose_name_plural = _("Einrichtungsassistenten")
        constraints = [models.UniqueConstraint(fields=["municipality"], name="setup_guide_per_municipality")]

    def __str__(self):
        return str(self.municipality)
