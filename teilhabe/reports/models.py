"""The activity report (Tätigkeitsbericht): what the office chose to report, and each generated version with
the data frozen at generation (a version never changes; generating again makes a new one)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class ActivityReport(MunicipalityOwned):
    class Audience(models.TextChoices):
        ADVISORY_BOARD = "advisory_board", _("Integrationsbeirat")
        COUNCIL_COMMITTEE = "council_committee", _("Ausschuss des Stadtrats")
        PUBLIC = "public", _("Öffentlichkeit")

    title = models.CharField(_("Titel"), max_length=300)
    audience = models.CharField(
        _("Zielgruppe"), max_length=30, choices=Audience.choices, default=Audience.ADVISORY_BOARD
    )
    period_from = models.DateField(_("Zeitraum von"))
    period_to = models.DateField(_("Zeitraum bis"))
    date = models.DateField(_("Datum des Berichts"))
    # Keys of reports.catalogue.SECTIONS in the order they appear.
    sections = models.JSONField(_("Abschnitte"), default=list, blank=True)
    introduction = models.TextField(_("Einleitung"), blank=True)
    outlook = models.TextField(_("Ausblick"), blank=True)
    # {section key: the office's note shown under that section}
    notes = models.JSONField(_("Anmerkungen je Abschnitt"), default=dict, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Tätigkeitsbericht")
        verbose_name_plural = _("Tätigkeitsberichte")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.municipality.slug, self.pk])


class ActivityReportVersion(MunicipalityOwned):
    """One generation of a report: every section's data as plain JSON, frozen. Rendered to PDF, PPTX and
    DOCX from this data only, so a version reads the same whatever changes afterwards."""

    report = models.ForeignKey(
        ActivityReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("Bericht")
    )
    number = models.PositiveIntegerField(_("Version"))
    data = models.JSONField(_("Daten"), default=dict, editable=False)
    generated_at = models.DateTimeField(_("erzeugt am"), auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erzeugt von"),
    )
    published = models.BooleanField(
        _("für den Beirat freigegeben"),
        default=False,
        help_text=_(
            "Freigegebene Versionen können Mitglieder des Integrationsbeirats lesen und herunterladen."
        ),
    )

    # Set when the office puts the version on the municipality's public site (its stored PDF, never re-rendered).
    public_since = models.DateTimeField(
        _("öffentlich seit"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Veröffentlichte Versionen stehen als PDF auf den öffentlichen Seiten der Kommune."),
    )

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("Version eines Tätigkeitsberichts")
        verbose_name_plural = _("Versionen von Tätigkeitsberichten")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_number_unique")
        ]

    def __str__(self):
        return "%s, Version %s" % (self.report, self.number)

    def get_absolute_url(self):
        return reverse("reports:version", args=[self.municipality.slug, self.pk])

    def save(self, *args, **kwargs):
        """Once generated, only the release to the board and the publication may change: the data is frozen."""
        if self.pk and kwargs.get("update_fields") not in (["published"], ["public_since"]):
            raise FrozenVersionError(_("Eine erzeugte Version ändert sich nicht mehr."))
        super().save(*args, **kwargs)


class FrozenVersionError(Exception):
    pass


class ReportTemplate(MunicipalityOwned):
    """The office's PowerPoint template (.pptx): its slide layouts are used for the slides. One per
    municipality; a new upload replaces it."""

    file = models.FileField(_("Vorlage"), upload_to="report-templates/")
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    layouts = models.JSONField(_("Folienlayouts"), default=list, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("PowerPoint-Vorlage")
        verbose_name_plural = _("PowerPoint-Vorlagen")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="report_template_per_municipality")
        ]

    def __str__(self):
        return self.original_name or self.file.name


class ReportFile(MunicipalityOwned):
    """A version rendered in one format by the generating job; downloads serve it as it was written."""

    version = models.ForeignKey(
        ActivityReportVersion, on_delete=models.CASCADE, related_name="files", verbose_name=_("Version")
    )
    file_format = models.CharField(_("Format"), max_length=8)
    content = models.BinaryField(_("Inhalt"))
    size = models.PositiveIntegerField(_("Größe"), default=0)
    rendered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Berichtsdatei")
        verbose_name_plural = _("Berichtsdateien")
        constraints = [
            models.UniqueConstraint(fields=["version", "file_format"], name="report_file_per_format")
        ]

    def __str__(self):
        return "%s (%s)" % (self.version, self.file_format)
