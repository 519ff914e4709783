"""The directory: organisations (departments, partners, community associations) and their contacts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import LANGUAGE_NAMES
from teilhabe.municipalities.models import MunicipalityOwned


def language_names(codes):
    return [LANGUAGE_NAMES.get(code, code) for code in codes or []]


@deconstructible
class PublicFieldsValidator:
    """Accepts only the names of the fields that may be published."""

    def __init__(self, allowed):
        self.allowed = tuple(allowed)

    def __call__(self, value):
        unknown = sorted(set(value or []) - set(self.allowed))
        if unknown:
            raise ValidationError(
                _("Diese Angaben können nicht veröffentlicht werden: %(fields)s"),
                params={"fields": ", ".join(unknown)},
            )

    def __eq__(self, other):
        return isinstance(other, PublicFieldsValidator) and self.allowed == other.allowed


class Organisation(MunicipalityOwned):
    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Amt / Dienststelle")
        PARTNER = "partner", _("Kooperationspartner")
        COMMUNITY = "community", _("Migrantische Community / Verein")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("Übergeordnete Einheit"),
        help_text=_("Zum Beispiel das Referat, zu dem ein Amt gehört."),
    )
    address = models.TextField(_("Anschrift"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("Allgemeine E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    # A list of ISO 639-1 codes; filtered with languages__icontains='"tr"' (works on SQLite and PG).
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    notes = models.TextField(_("Notizen"), blank=True)
    # Which of the fields above may be printed on leaflets and shown publicly (the name always may: it is what
    # the public network pages show). Nothing is published unless it is listed here.
    PUBLIC_FIELD_CHOICES = (
        ("address", _("Anschrift")),
        ("website", _("Website")),
        ("email", _("Allgemeine E-Mail")),
        ("phone", _("Telefon")),
        ("languages", _("Sprachen")),
    )
    public_fields = models.JSONField(
        _("Veröffentlichen"),
        default=list,
        blank=True,
        validators=[PublicFieldsValidator([name for name, _label in PUBLIC_FIELD_CHOICES])],
        help_text=_("Diese Angaben dürfen auf Flyern und öffentlichen Seiten erscheinen; der Name immer."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="organisation_name_unique")
        ]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organisation_detail", args=[self.municipality.slug, self.pk])

    def language_names(self):
        return language_names(self.languages)


class Contact(MunicipalityOwned):
    """A person at an organisation: personal data, kept only with recorded consent."""

    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", _("schriftlich")
        EMAIL = "email", _("per E-Mail")
        FORM = "form", _("Online-Formular")
        VERBAL = "verbal", _("mündlich (dokumentiert)")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("Organisation")
    )
    name = models.CharField(_("Name"), max_length=200)
    function = models.CharField(_("Funktion"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    # A list of ISO 639-1 codes; filtered with languages__icontains='"tr"' (works on SQLite and PG).
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    consent_purpose = models.CharField(
        _("Zweck der Einwilligung"),
        max_length=300,
        blank=True,
        help_text=_("Wofür die Person der Speicherung zugestimmt hat, z. B. Netzwerkeinladungen."),
    )
    consent_date = models.DateField(_("Einwilligung am"), null=True, blank=True)
    consent_method = models.CharField(
        _("Einwilligung erteilt"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    consent_withdrawn = models.BooleanField(_("Einwilligung widerrufen"), default=False)
    erased_at = models.DateTimeField(_("Personendaten gelöscht am"), null=True, blank=True)
    # Which fields the person agreed to have printed on leaflets (with a valid consent only; never on the
    # public web pages). Nothing is printed unless it is listed here.
    PUBLIC_FIELD_CHOICES = (
        ("name", _("Name")),
        ("function", _("Funktion")),
        ("email", _("E-Mail")),
        ("phone", _("Telefon")),
        ("languages", _("Sprachen")),
    )
    public_fields = models.JSONField(
        _("Auf Flyern drucken"),
        default=list,
        blank=True,
        validators=[PublicFieldsValidator([name for name, _label in PUBLIC_FIELD_CHOICES])],
        help_text=_(
            "Nur mit Einwilligung der Person in die Veröffentlichung: diese Angaben dürfen auf gedruckten "
            "Flyern stehen."
        ),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    # Fields that hold personal data: emptied on erasure, scrubbed from the audit trail.
    PERSONAL_FIELDS = ("name", "function", "email", "phone", "languages", "consent_purpose")

    class Meta:
        ordering = ["name"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:contact_detail", args=[self.municipality.slug, self.pk])

    @property
    def has_consent(self):
        return bool(self.consent_date) and not self.consent_withdrawn and not self.erased_at

    def language_names(self):
        return language_names(self.languages)
