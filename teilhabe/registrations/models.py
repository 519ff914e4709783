"""Registrations for activities (Anmeldungen): the office opens an activity, or each date of a series, for
public registration with a capacity, a closing time and its consent text; people register on the public
activity page. Beyond the capacity they join a waiting list that moves up by itself when someone cancels.

A `Registration` is personal data: only the office and the activity's organisers see it, and
`services/retention.py` anonymises it `RegistrationPolicy.retention_days` after the event.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import language_name
from teilhabe.municipalities.models import MunicipalityOwned

DEFAULT_RETENTION_DAYS = 90


class RegistrationPolicy(MunicipalityOwned):
    """The municipality's rules for registrations (one row per municipality, made on first use)."""

    retention_days = models.PositiveSmallIntegerField(
        _("Aufbewahrung der Teilnehmerdaten (Tage nach der Veranstaltung)"),
        default=DEFAULT_RETENTION_DAYS,
        help_text=_("Danach werden Namen und Kontaktdaten der Angemeldeten automatisch gelöscht."),
    )
    default_consent_text = models.TextField(
        _("Einwilligungstext (Vorlage)"),
        blank=True,
        help_text=_("Wird für neue Anmeldungen vorgeschlagen; je Aktivität änderbar."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality"], name="registration_policy_unique")]
        verbose_name = _("Regeln für Anmeldungen")
        verbose_name_plural = _("Regeln für Anmeldungen")

    def __str__(self):
        return str(self.retention_days)


class RegistrationSettings(MunicipalityOwned):
    """Whether and how an activity takes registrations. `per_date`: each date of a series has its own list
    and capacity (the form asks for the date); otherwise one list for the whole activity."""

    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="registration_settings",
        verbose_name=_("Aktivität"),
    )
    is_open = models.BooleanField(_("Anmeldung geöffnet"), default=False)
    per_date = models.BooleanField(
        _("Anmeldung je Termin"),
        default=False,
        help_text=_("Bei Reihen: jeder Termin hat eine eigene Liste und Platzzahl."),
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen, wenn die Zahl nicht begrenzt ist.")
    )
    max_people = models.PositiveSmallIntegerField(_("höchstens Personen je Anmeldung"), default=5)
    closes_at = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    consent_text = models.TextField(
        _("Einwilligungstext"),
        help_text=_("Wird auf dem Anmeldeformular gezeigt und mit jeder Anmeldung wörtlich gespeichert."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Anmeldeeinstellungen")
        verbose_name_plural = _("Anmeldeeinstellungen")

    def __str__(self):
        return str(self.activity)


class Registration(MunicipalityOwned):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("angemeldet")
        WAITING = "waiting", _("Warteliste")
        CANCELLED = "cancelled", _("abgemeldet")

    #: What `anonymise` empties (the row stays for the counts).
    PERSONAL_FIELDS = ("name", "email", "phone", "accessibility_needs", "client_hash")

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("Aktivität"),
    )
    activity_date = models.ForeignKey(
        "activities.ActivityDate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("Termin"),
    )
    name = models.CharField(_("Name oder Pseudonym"), max_length=200)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    # The language of the e-mails: the chosen language where the interface has it, else the page's.
    mail_language = models.CharField(max_length=10, default="de", editable=False)
    accessibility_needs = models.TextField(_("Bedarf an Barrierefreiheit"), blank=True)
    people = models.PositiveSmallIntegerField(_("Personen"), default=1)
    consent_text = models.TextField(_("Einwilligung (Wortlaut)"))
    consented_at = models.DateTimeField(_("eingewilligt am"))
    status = models.CharField(_("Stand"), max_length=20, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("teilgenommen"), null=True, blank=True)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    moved_up_at = models.DateTimeField(_("nachgerückt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("erinnert am"), null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A keyed hash of the sender's network address, for the rate limit; emptied with the personal data.
    client_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    anonymised_at = models.DateTimeField(_("Personendaten gelöscht am"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["municipality", "email"], name="registration_email")]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")

    def __str__(self):
        # Not the name: this is what the audit trail's object_repr shows.
        return _("Anmeldung #%(id)s") % {"id": self.pk}

    def language_label(self):
        return language_name(self.language)

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def event_day(self):
        """The day the registration is for: its date, else the activity's first day."""
        return self.activity_date.date if self.activity_date_id else self.activity.first_on


def settings_of(activity):
    """The activity's RegistrationSettings, or None (uses a select_related value where there is one)."""
    try:
        return activity.registration_settings
    except RegistrationSettings.DoesNotExist:
        return None


def retention_days(municipality) -> int:
    policy = RegistrationPolicy.objects.filter(municipality=municipality).first()
    return policy.retention_days if policy else DEFAULT_RETENTION_DAYS


def consent_default(municipality) -> str:
    policy = RegistrationPolicy.objects.filter(municipality=municipality).first()
    if policy and policy.default_consent_text:
        return policy.default_consent_text
    days = policy.retention_days if policy else DEFAULT_RETENTION_DAYS
    return str(DEFAULT_CONSENT) % {"days": days}


DEFAULT_CONSENT = _(
    "Ich bin einverstanden, dass das Amt für Integration meine Angaben speichert, um die Veranstaltung zu "
    "organisieren und mich dazu zu benachrichtigen. Die Angaben werden spätestens %(days)s Tage nach der "
    "Veranstaltung gelöscht. Ich kann mich jederzeit über den Link in der Bestätigung abmelden."
)
