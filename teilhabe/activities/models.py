"""Activities (Angebote, Veranstaltungen, Projekte): what the office runs or co-runs with partners.

An `Activity` has a state (idea → planned → done, or cancelled); every change of state is a row of
`ActivityStateChange`, so the date each state was reached is derived, never typed twice. Its dates are a
single day, a span of days, or an RFC 5545 recurrence rule with exceptions; `services/dates.py` expands them
with python-dateutil into `ActivityDate` rows (one per occurrence), which the lists, the calendar, and later
registrations and feeds read. Pictures and attachments are checked by content (`uploads.py`).
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.languages import language_name
from teilhabe.municipalities.models import MunicipalityOwned


class TargetGroup(MunicipalityOwned):
    """One value of the municipality's vocabulary of target groups (e.g. internationale Pflegekräfte)."""

    name = models.CharField(_("Bezeichnung"), max_length=120)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="target_group_unique")]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self):
        return self.name


class Venue(MunicipalityOwned):
    """A place where activities happen, or an online room (then `online_link`)."""

    name = models.CharField(_("Name"), max_length=200)
    address = models.TextField(_("Anschrift"), blank=True)
    step_free = models.BooleanField(_("stufenlos erreichbar"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    accessibility_notes = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        blank=True,
        help_text=_("Zum Beispiel: Aufzug am Seiteneingang, barrierefreies WC im Erdgeschoss."),
    )
    online_link = models.URLField(_("Link für Online-Termine"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="venue_name_unique")]
        verbose_name = _("Veranstaltungsort")
        verbose_name_plural = _("Veranstaltungsorte")

    def __str__(self):
        return self.name

    @property
    def is_online(self) -> bool:
        return bool(self.online_link) and not self.address


class Activity(MunicipalityOwned):
    class Kind(models.TextChoices):
        EVENT = "event", _("Veranstaltung")
        SERIES = "series", _("Reihe")
        PROJECT = "project", _("Projekt")
        CAMPAIGN = "campaign", _("Kampagne")
        TRAINING = "training", _("Schulung")
        PUBLICATION = "publication", _("Veröffentlichung")
        COUNSELLING = "counselling", _("Beratung")

    class State(models.TextChoices):
        IDEA = "idea", _("Idee")
        PLANNED = "planned", _("geplant")
        DONE = "done", _("durchgeführt")
        CANCELLED = "cancelled", _("abgesagt")

    #: Which state may follow which (the office may also go back one step to correct a mistake).
    TRANSITIONS = {
        "idea": ("planned", "cancelled"),
        "planned": ("done", "cancelled", "idea"),
        "done": ("planned",),
        "cancelled": ("idea", "planned"),
    }

    #: Keys of `participants_by_group` (optional breakdown of the actual participants).
    GENDER_GROUPS = (
        ("female", _("weiblich")),
        ("male", _("männlich")),
        ("diverse", _("divers")),
        ("unknown_gender", _("Geschlecht ohne Angabe")),
    )
    AGE_GROUPS = (
        ("age_0_17", _("unter 18 Jahre")),
        ("age_18_26", _("18 bis 26 Jahre")),
        ("age_27_64", _("27 bis 64 Jahre")),
        ("age_65", _("65 Jahre und älter")),
    )

    title = models.CharField(_("Titel"), max_length=300)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.EVENT)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.IDEA, editable=False, db_index=True
    )
    # Dates: a single day (starts_on), a span (starts_on..ends_on) or a recurrence rule from starts_on.
    starts_on = models.DateField(_("Datum (Beginn)"), null=True, blank=True)
    ends_on = models.DateField(
        _("letzter Tag"), null=True, blank=True, help_text=_("Nur bei mehrtägigen Angeboten.")
    )
    start_time = models.TimeField(_("Beginn (Uhrzeit)"), null=True, blank=True)
    end_time = models.TimeField(_("Ende (Uhrzeit)"), null=True, blank=True)
    recurrence = models.CharField(
        _("Wiederholung (RRULE)"),
        max_length=500,
        blank=True,
        help_text=_(
            "Regel nach RFC 5545, z. B. FREQ=WEEKLY;BYDAY=TU;UNTIL=20240630 (wöchentlich dienstags bis Juni)."
        ),
    )
    exdates = models.JSONField(_("ausgenommene Termine"), default=list, blank=True)  # ISO dates
    # Derived from the dates on save (services/dates.py): first and last day of all occurrences; last_on is
    # None for a rule without end. Lists filter on them (upcoming, past, year) without expanding rules.
    first_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    last_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("Ort"),
    )
    # ISO 639 codes as in the directory (teilhabe/languages.py); filtered with languages__icontains='"tr"'.
    languages = models.JSONField(_("Sprachen"), default=list, blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="activities", verbose_name=_("Zielgruppen")
    )
    measures = models.ManyToManyField(
        "concept.Measure", blank=True, related_name="activities", verbose_name=_("Maßnahmen")
    )
    focus = models.ForeignKey(
        "concept.Focus",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("Schwerpunkt"),
    )
    participants_expected = models.PositiveIntegerField(_("erwartete Teilnehmende"), null=True, blank=True)
    participants_actual = models.PositiveIntegerField(_("Teilnehmende (tatsächlich)"), null=True, blank=True)
    participants_by_group = models.JSONField(_("Teilnehmende nach Gruppen"), default=dict, blank=True)
    costs = models.DecimalField(_("Kosten (Euro)"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding_note = models.TextField(_("Finanzierung"), blank=True)
    outcomes = models.TextField(_("Ergebnisse"), blank=True)
    public = models.BooleanField(
        _("öffentlich zeigen"),
        default=False,
        help_text=_(
            "Auf den öffentlichen Seiten und im öffentlichen Kalender-Abo (Titel, Termine, Ort, Beschreibung)."
        ),
    )
    arose_from = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="gave_rise_to",
        verbose_name=_("entstanden aus"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["first_on", "start_time", "title"]
        indexes = [models.Index(fields=["municipality", "first_on"], name="activity_first_on")]
        verbose_name = _("Aktivität")
        verbose_name_plural = _("Aktivitäten")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.municipality.slug, self.pk])

    def language_names(self):
        return [language_name(code) for code in self.languages or []]

    @property
    def is_multi_day(self) -> bool:
        return bool(self.ends_on and self.starts_on and self.ends_on > self.starts_on)

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    def exdate_values(self) -> list[datetime.date]:
        return sorted(datetime.date.fromisoformat(value) for value in self.exdates or [])


class ActivityStateChange(MunicipalityOwned):
    """The activity reached `state` on `reached_on` (the history the activity page shows)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="state_changes", verbose_name=_("Aktivität")
    )
    state = models.CharField(_("Stand"), max_length=20, choices=Activity.State.choices)
    reached_on = models.DateField(_("erreicht am"))
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reached_on", "pk"]
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")

    def __str__(self):
        return "%s: %s" % (self.get_state_display(), self.reached_on)


class ActivityDate(MunicipalityOwned):
    """One occurrence of an activity, made by services/dates.sync_dates (never edited by hand).

    Rows stay when the rule still yields their date, so what hangs on a date (registrations) keeps it; an
    excepted date (EXDATE) stays as `cancelled` so feeds can say STATUS:CANCELLED."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="dates", verbose_name=_("Aktivität")
    )
    date = models.DateField(_("Datum"), db_index=True)
    end_date = models.DateField(_("bis"), null=True, blank=True)
    start_time = models.TimeField(_("Beginn"), null=True, blank=True)
    end_time = models.TimeField(_("Ende"), null=True, blank=True)
    cancelled = models.BooleanField(_("fällt aus"), default=False)

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [models.UniqueConstraint(fields=["activity", "date"], name="activity_date_unique")]
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    def __str__(self):
        return "%s %s" % (self.activity, self.date)

    @property
    def last_day(self) -> datetime.date:
        return self.end_date or self.date


class ActivityPartner(MunicipalityOwned):
    """An organisation of the directory that runs the activity with the office, in a role."""

    class Role(models.TextChoices):
        LEAD = "lead", _("federführend")
        PARTNER = "partner", _("Kooperationspartner")
        FUNDER = "funder", _("Förderer")
        HOST = "host", _("Gastgeber")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="partners", verbose_name=_("Aktivität")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="activity_roles",
        verbose_name=_("Organisation"),
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.PARTNER)

    class Meta:
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "organisation", "role"], name="activity_partner_unique"
            )
        ]
        verbose_name = _("Beteiligte Organisation")
        verbose_name_plural = _("Beteiligte Organisationen")

    def __str__(self):
        return "%s (%s)" % (self.organisation, self.get_role_display())


def _upload_to(instance, filename):
    # The name is random (services pass it in); the folder per municipality keeps backups simple.
    return "activities/%s/%s" % (instance.municipality_id, filename)


class ActivityPicture(MunicipalityOwned):
    """A picture, re-encoded without metadata (EXIF, GPS), with renditions. Shown publicly only with a
    credit line and an alt text, and, if it shows recognisable people, with their consent."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="pictures", verbose_name=_("Aktivität")
    )
    image = models.FileField(_("Bild"), upload_to=_upload_to)
    large = models.FileField(upload_to=_upload_to, blank=True, editable=False)
    thumbnail = models.FileField(upload_to=_upload_to, blank=True, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=300,
        blank=True,
        help_text=_("z. B. © Stadt Kempten (Allgäu) / Christiane Lenk"),
    )
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=500,
        blank=True,
        help_text=_("Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen."),
    )
    shows_people = models.BooleanField(_("zeigt erkennbare Personen"), default=False)
    people_consent = models.BooleanField(_("Einwilligung der abgebildeten Personen liegt vor"), default=False)
    public = models.BooleanField(_("öffentlich zeigen"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")

    def __str__(self):
        return self.alt_text or self.original_name

    @property
    def publishable(self) -> bool:
        """Credit and alt text given, and consent where people are recognisable."""
        return bool(self.credit.strip() and self.alt_text.strip()) and (
            not self.shows_people or self.people_consent
        )

    @property
    def shown_publicly(self) -> bool:
        return self.public and self.publishable


class ActivityAttachment(MunicipalityOwned):
    """A PDF (flyer, programme) checked by content."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("Aktivität")
    )
    file = models.FileField(_("Datei"), upload_to=_upload_to)
    title = models.CharField(_("Titel"), max_length=200)
    original_name = models.CharField(_("Dateiname"), max_length=255, blank=True)
    size = models.PositiveIntegerField(default=0, editable=False)
    public = models.BooleanField(_("öffentlich zeigen"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")

    def __str__(self):
        return self.title


class CalendarToken(MunicipalityOwned):
    """A staff user's secret for their personal calendar feed (calendar programs cannot log in). Renewing
    replaces the token, so the old address stops working."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("Person")
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="calendar_token_per_user")
        ]
        verbose_name = _("Kalender-Abo")
        verbose_name_plural = _("Kalender-Abos")

    def __str__(self):
        return str(self.user)
