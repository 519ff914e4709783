"""Stored fact checks: one row per municipality and reference date, and its figures as a long table."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned
from teilhabe.statistics import headline


class Lead(models.TextChoices):
    """Which definition the office's pages and reports lead with."""

    MIGRATION_BACKGROUND = headline.MIGRATION_BACKGROUND, _("Migrationshintergrund")
    IMMIGRATION_HISTORY = headline.IMMIGRATION_HISTORY, _("Einwanderungsgeschichte")


HEADLINE_FIELDS = (
    "residents",
    "nationalities",
    "migration_background",
    "foreigners",
    "foreigners_eu",
    "foreigners_third_country",
    "germans_with_migration_background",
    "asylum_background",
    "immigration_history",
    "immigration_history_one_sided",
)


class FactCheck(MunicipalityOwned):
    """The Faktencheck Migration of one municipality at one reference date (Stichtag)."""

    class Source(models.TextChoices):
        REGISTER_EXTRACT = "register_extract", _("Registerauszug")
        STATISTICS_OFFICE = "statistics_office", _("Tabelle des Statistikamts")

    reference_date = models.DateField(_("Stichtag"))
    source = models.CharField(_("Quelle"), max_length=20, choices=Source.choices)
    file_name = models.CharField(_("Datei"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Erstellt von"),
    )
    residents = models.PositiveIntegerField(_("Einwohner"), null=True, blank=True)
    nationalities = models.PositiveIntegerField(_("Nationen"), null=True, blank=True)
    migration_background = models.PositiveIntegerField(
        _("Menschen mit Migrationshintergrund"), null=True, blank=True
    )
    foreigners = models.PositiveIntegerField(_("Ausländer"), null=True, blank=True)
    foreigners_eu = models.PositiveIntegerField(_("Ausländer aus EU-Staaten"), null=True, blank=True)
    foreigners_third_country = models.PositiveIntegerField(
        _("Ausländer aus Drittstaaten"), null=True, blank=True
    )
    germans_with_migration_background = models.PositiveIntegerField(
        _("Deutsche mit Migrationshintergrund"), null=True, blank=True
    )
    asylum_background = models.PositiveIntegerField(_("Personen mit Asylhintergrund"), null=True, blank=True)
    immigration_history = models.PositiveIntegerField(
        _("Menschen mit Einwanderungsgeschichte"), null=True, blank=True
    )
    immigration_history_one_sided = models.PositiveIntegerField(
        _("Menschen mit einseitiger Einwanderungsgeschichte"), null=True, blank=True
    )

    class Meta:
        ordering = ["reference_date"]
        verbose_name = _("Faktencheck")
        verbose_name_plural = _("Faktenchecks")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference_date"], name="statistics_factcheck_unique_date"
            )
        ]

    def __str__(self):
        return "Faktencheck %s" % self.reference_date.strftime("%d.%m.%Y")


class Indicator(MunicipalityOwned):
    """One figure of a fact check: a long, queryable table.

    ``dimension`` names the breakdown ("" for city-wide figures, "district", "sex", "age_group",
    "nationality", "category", "pyramid"), ``area`` the district ("" = whole city), ``group`` the value
    of the breakdown (sex, age group, citizenship code, category) and ``category`` the split by status
    ("german_without_mb", "german_with_mb", "foreigner") or, in the pyramid, "m:mb" etc.
    """

    fact_check = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("Faktencheck")
    )
    reference_date = models.DateField(_("Stichtag"))
    indicator = models.CharField(_("Kennzahl"), max_length=60)
    dimension = models.CharField(_("Gliederung"), max_length=30, blank=True)
    area = models.CharField(_("Gebiet"), max_length=120, blank=True)
    group = models.CharField(_("Gruppe"), max_length=60, blank=True)
    category = models.CharField(_("Kategorie"), max_length=30, blank=True)
    value = models.BigIntegerField(_("Wert"))

    class Meta:
        ordering = ["reference_date", "indicator", "dimension", "area", "group", "category"]
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        indexes = [
            models.Index(
                fields=["municipality", "dimension", "reference_date"], name="statistics_ind_dim_date"
            )
        ]

    def __str__(self):
        return "%s %s %s %s: %s" % (self.indicator, self.dimension, self.area, self.group, self.value)


class StatisticsSettings(MunicipalityOwned):
    """The office's choices for its Faktencheck (one row per municipality, created on first change)."""

    lead = models.CharField(
        _("Vorrangige Definition"),
        max_length=30,
        choices=Lead.choices,
        default=Lead.MIGRATION_BACKGROUND,
        help_text=_("Sie steht in Tabellen und Berichten zuerst; die andere folgt darunter."),
    )

    class Meta:
        verbose_name = _("Einstellungen des Faktenchecks")
        verbose_name_plural = _("Einstellungen des Faktenchecks")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="statistics_settings_one_per_municipality")
        ]

    def __str__(self):
        return str(self.get_lead_display())


def lead_of(municipality) -> str:
    """The municipality's leading definition (the default when nothing was chosen).

    One query, remembered on the municipality object for the rest of the request.
    """
    cached = getattr(municipality, "_statistics_lead", None)
    if cached is None:
        value = (
            StatisticsSettings.objects.for_municipality(municipality).values_list("lead", flat=True).first()
        )
        cached = municipality._statistics_lead = value or Lead.MIGRATION_BACKGROUND
    return cached


class DistrictMap(MunicipalityOwned):
    """The office's district boundaries (one per municipality; a new upload replaces it).

    Stored in ETRS89 / UTM zone 32N (EPSG:25832), simplified (see :mod:`teilhabe.statistics.geo`).
    """

    file_name = models.CharField(_("Datei"), max_length=255)
    source_crs = models.CharField(_("Koordinatensystem der Datei"), max_length=20)
    key_property = models.CharField(_("Eigenschaft mit dem Stadtteil"), max_length=120)
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Hochgeladen von"),
    )
    public = models.BooleanField(
        _("Karte auf den öffentlichen Seiten zeigen"),
        default=False,
        help_text=_(
            "Kleine Fallzahlen sind dort geheim gehalten; betroffene Stadtteile erscheinen schraffiert."
        ),
    )

    class Meta:
        verbose_name = _("Stadtteilkarte")
        verbose_name_plural = _("Stadtteilkarten")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"], name="statistics_district_map_one_per_municipality"
            )
        ]

    def __str__(self):
        return self.file_name


class DistrictShape(MunicipalityOwned):
    """One district's boundary: ``key`` as the register extract writes the district (Indicator.area)."""

    district_map = models.ForeignKey(
        DistrictMap, on_delete=models.CASCADE, related_name="shapes", verbose_name=_("Stadtteilkarte")
    )
    key = models.CharField(_("Stadtteil"), max_length=120)
    name = models.CharField(_("Name"), max_length=120)
    #: Polygons as ``[[[x, y], ...], ...]`` (outer ring first, then holes), in metres (EPSG:25832).
    polygons = models.JSONField(_("Umriss"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("Umriss eines Stadtteils")
        verbose_name_plural = _("Umrisse der Stadtteile")
        constraints = [
            models.UniqueConstraint(
                fields=["district_map", "key"], name="statistics_district_shape_unique_key"
            )
        ]

    def __str__(self):
        return self.name
