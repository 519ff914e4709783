"""Distribution lists (Verteiler) and the consent behind every address on them.

A `DistributionList` belongs to one bulletin and one language (Com-In auf Türkisch). Its people are
`Subscriber`s, one per e-mail address and municipality, either directory contacts (`contact`) or people who
signed up on the public page. A `Subscription` puts a subscriber on a list: *pending* until the confirmation
link of the double opt-in was used, *active*, or *unsubscribed*. Nothing is ever sent to a pending or
unsubscribed subscription.

Every step that gives or withdraws consent writes a `ConsentRecord` with the text agreed to, verbatim, when,
how and through which form (never the client's IP address). The records stay after unsubscribing, as proof;
they go with the subscriber when the person asks to be erased (services/consent.py).

A hard bounce counts on the subscriber (the address, not the list); after `BULLETIN_BOUNCE_LIMIT` the address
is suspended: shown on the list pages and on the send report, never silently dropped."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.series import Bulletin
from teilhabe.languages import language_name
from teilhabe.municipalities.models import MunicipalityOwned

DEFAULT_CONSENT_TEXT = _(
    "Ich möchte diese Informationen per E-Mail erhalten. Meine E-Mail-Adresse wird nur dafür gespeichert. "
    "Ich kann mich jederzeit mit dem Link in jeder E-Mail abmelden."
)


def new_key() -> str:
    return secrets.token_urlsafe(12)


class Topic(MunicipalityOwned):
    """A subject people may ask to hear about (Arbeit, Sprache, Gesundheit …): on the preferences page and for
    passing an item straight on ("Direkt weitergeben")."""

    name = models.CharField(_("Name"), max_length=80)
    # Who in the directory asked to hear about it ("Direkt weitergeben"): organisations (their general
    # address) and contacts (their own address, only while their consent is valid).
    organisations = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="bulletin_topics", verbose_name=_("Organisationen")
    )
    contacts = models.ManyToManyField(
        "directory.Contact", blank=True, related_name="bulletin_topics", verbose_name=_("Ansprechpersonen")
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="bulletin_topic_unique")]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self):
        return self.name


class DistributionList(MunicipalityOwned):
    bulletin = models.ForeignKey(
        Bulletin, on_delete=models.CASCADE, related_name="distribution_lists", verbose_name=_("Reihe")
    )
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    public_signup = models.BooleanField(
        _("öffentliche Anmeldung"),
        default=True,
        help_text=_(
            "Auf der öffentlichen Seite kann man sich selbst eintragen (mit Bestätigung per E-Mail)."
        ),
    )
    consent_text = models.TextField(
        _("Einwilligungstext"),
        help_text=_("Steht neben dem Häkchen der Anmeldung und wird wörtlich als Nachweis gespeichert."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["bulletin__name", "language"]
        constraints = [
            models.UniqueConstraint(fields=["bulletin", "language"], name="distribution_list_per_language")
        ]
        verbose_name = _("Verteiler")
        verbose_name_plural = _("Verteiler")

    def __str__(self):
        return f"{self.bulletin.name} ({self.language_name})"

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def language_label(self) -> str:
        """ "Türkisch (Türkçe)": the language in the reader's language and in its own, for the public choice."""
        own = language_name(self.language, self.language) if self.language not in ("ls", "dgs") else ""
        name = self.language_name
        return f"{name} ({own})" if own and own != name and own != self.language else name

    @property
    def order(self) -> int:
        languages = self.bulletin.all_languages
        return languages.index(self.language) if self.language in languages else len(languages)


class Subscriber(MunicipalityOwned):
    email = models.EmailField(_("E-Mail"))  # lower-cased; one subscriber per address and municipality
    name = models.CharField(_("Name"), max_length=200, blank=True)
    contact = models.ForeignKey(
        "directory.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bulletin_subscribers",
        verbose_name=_("Ansprechperson"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="subscribers", verbose_name=_("Themen"))
    # Part of every signed link (preferences, unsubscribe): a new key makes the old links invalid.
    key = models.CharField(max_length=32, default=new_key)
    bounce_count = models.PositiveIntegerField(_("Unzustellbar"), default=0)
    last_bounce = models.CharField(_("letzte Rückmeldung des Mailservers"), max_length=500, blank=True)
    last_bounce_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(_("gesperrt seit"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_FIELDS = ("email", "name", "last_bounce")

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "email"], name="bulletin_subscriber_address")
        ]
        verbose_name = _("Empfänger:in")
        verbose_name_plural = _("Empfänger:innen")

    def __str__(self):
        return self.email

    @property
    def suspended(self) -> bool:
        return self.suspended_at is not None

    @staticmethod
    def bounce_limit() -> int:
        return max(1, int(getattr(settings, "BULLETIN_BOUNCE_LIMIT", 3)))


class Subscription(MunicipalityOwned):
    class State(models.TextChoices):
        PENDING = "pending", _("wartet auf Bestätigung")
        ACTIVE = "active", _("aktiv")
        UNSUBSCRIBED = "unsubscribed", _("abgemeldet")

    class Source(models.TextChoices):
        SIGNUP = "signup", _("öffentliche Anmeldung")
        IMPORT = "import", _("Import")
        DIRECTORY = "directory", _("Adressbuch")

    distribution_list = models.ForeignKey(
        DistributionList, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("Verteiler")
    )
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    state = models.CharField(_("Stand"), max_length=20, choices=State.choices, default=State.PENDING)
    source = models.CharField(_("Herkunft"), max_length=20, choices=Source.choices)
    # The double opt-in: when the confirmation mail was asked for, and the one-time part of its link.
    requested_at = models.DateTimeField(null=True, blank=True)
    confirm_nonce = models.CharField(max_length=32, blank=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subscriber__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["distribution_list", "subscriber"], name="bulletin_subscription_once"
            )
        ]
        verbose_name = _("Eintrag im Verteiler")
        verbose_name_plural = _("Einträge im Verteiler")

    def __str__(self):  # no address: this is what the audit trail shows
        return f"{self.distribution_list} #{self.pk}"

    @property
    def active(self) -> bool:
        return self.state == self.State.ACTIVE


class ConsentRecord(MunicipalityOwned):
    """Proof of consent: one row per step, never edited; erased only with the person."""

    class Event(models.TextChoices):
        GIVEN = "given", _("Einwilligung erteilt, noch nicht bestätigt")
        CONFIRMED = "confirmed", _("Einwilligung bestätigt (Double-Opt-in)")
        IMPORTED = "imported", _("mit Rechtsgrundlage übernommen (Import)")
        RECORDED = "recorded", _("vom Amt eingetragen (Einwilligung im Adressbuch)")
        CHANGED = "changed", _("Einstellungen geändert")
        WITHDRAWN = "withdrawn", _("abgemeldet (Einwilligung widerrufen)")

    class Method(models.TextChoices):
        PUBLIC_FORM = "public_form", _("öffentliches Anmeldeformular")
        CONFIRMATION_LINK = "confirmation_link", _("Bestätigungslink in der E-Mail")
        IMPORT = "import", _("Import einer Liste")
        DIRECTORY = "directory", _("Adressbuch (Einwilligung der Ansprechperson)")
        PREFERENCES = "preferences", _("Einstellungsseite (Link in der E-Mail)")
        UNSUBSCRIBE_PAGE = "unsubscribe_page", _("Abmeldeseite (Link in der E-Mail)")
        ONE_CLICK = "one_click", _("Ein-Klick-Abmeldung im E-Mail-Programm (RFC 8058)")
        OFFICE = "office", _("durch das Amt")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    distribution_list = models.ForeignKey(
        DistributionList, on_delete=models.SET_NULL, null=True, related_name="consents"
    )
    event = models.CharField(_("Vorgang"), max_length=20, choices=Event.choices)
    method = models.CharField(_("Weg"), max_length=20, choices=Method.choices)
    text = models.TextField(_("Wortlaut"), blank=True)  # the text agreed to, verbatim
    form = models.CharField(_("Formular"), max_length=300, blank=True)  # which form or file (and row)
    legal_basis = models.CharField(_("Rechtsgrundlage"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("Zeitpunkt"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("Einwilligungsnachweis")
        verbose_name_plural = _("Einwilligungsnachweise")

    def __str__(self):
        return f"{self.get_event_display()} {self.at:%Y-%m-%d %H:%M}"
