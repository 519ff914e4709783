"""The integration concept: fields of action > goals > measures, the status vocabulary, the year's focus,
and the reporting rounds in which departments and partners report each measure's status.

Denormalised on purpose, so pages need a bounded number of queries: Measure.concept and
Measure.field_of_action mirror the hierarchy, and Measure.current_report / current_status point at the
latest *accepted* StatusReport (maintained by teilhabe.concept.services when a report is accepted).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class Concept(MunicipalityOwned):
    title = models.CharField(_("Titel"), max_length=300)
    short_name = models.CharField(_("Kurzname"), max_length=40, help_text=_("z. B. KIK"))
    adopted_on = models.DateField(_("Beschlossen am"), null=True, blank=True)
    resolution_reference = models.CharField(_("Beschluss (Aktenzeichen)"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("Laufzeit von (Jahr)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("Laufzeit bis (Jahr)"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    is_current = models.BooleanField(_("aktuelles Konzept"), default=True)
    public = models.BooleanField(
        _("öffentlich zeigen"),
        default=False,
        help_text=_(
            "Handlungsfelder, Ziele, Maßnahmen und ihr angenommener Umsetzungsstand erscheinen auf den "
            "öffentlichen Seiten und in der offenen Schnittstelle (ohne Namen, ohne Meldungstexte)."
        ),
    )

    class Meta:
        ordering = ["-is_current", "-adopted_on", "title"]
        verbose_name = _("Integrationskonzept")
        verbose_name_plural = _("Integrationskonzepte")

    def __str__(self):
        return self.short_name or self.title

    def get_absolute_url(self):
        return reverse("concept:dashboard", args=[self.municipality.slug, self.pk])


class FieldOfAction(MunicipalityOwned):
    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="fields_of_action", verbose_name=_("Konzept")
    )
    number = models.PositiveSmallIntegerField(_("Nummer"))
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    colour = models.CharField(_("Farbe"), max_length=7, default="#1f5f8b", help_text=_("z. B. #1f5f8b"))

    class Meta:
        ordering = ["concept", "number"]
        constraints = [models.UniqueConstraint(fields=["concept", "number"], name="field_number_unique")]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def __str__(self):
        return f"{self.number} {self.title}"


class Goal(MunicipalityOwned):
    field_of_action = models.ForeignKey(
        FieldOfAction, on_delete=models.CASCADE, related_name="goals", verbose_name=_("Handlungsfeld")
    )
    number = models.CharField(_("Nummer"), max_length=20, help_text=_("z. B. 2.3"))
    title = models.CharField(_("Titel"), max_length=500)
    description = models.TextField(_("Beschreibung"), blank=True)
    sort_key = models.CharField(max_length=60, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["field_of_action", "number"], name="goal_number_unique")
        ]
        verbose_name = _("Ziel")
        verbose_name_plural = _("Ziele")

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = number_sort_key(self.number)
        super().save(*args, **kwargs)


class Status(MunicipalityOwned):
    """One value of the municipality's configurable status vocabulary (Umsetzungsstand)."""

    name = models.CharField(_("Bezeichnung"), max_length=100)
    colour = models.CharField(_("Farbe"), max_length=7, default="#888888")
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    counts_as_started = models.BooleanField(_("zählt als begonnen"), default=False)
    counts_as_implemented = models.BooleanField(_("zählt als umgesetzt"), default=False)
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt in %"), default=0, help_text=_("Für die Fortschrittsanzeige, 0 bis 100.")
    )
    is_active = models.BooleanField(_("wählbar"), default=True)

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="status_name_unique")]
        verbose_name = _("Status")
        verbose_name_plural = _("Status")

    def __str__(self):
        return self.name


# German defaults: (name, colour, started, implemented, progress)
DEFAULT_STATUSES = [
    ("nicht begonnen", "#9e9e9e", False, False, 0),
    ("in Vorbereitung", "#f2c14e", False, False, 10),
    ("in Umsetzung", "#2f7fc1", True, False, 50),
    ("umgesetzt", "#2e8540", True, True, 100),
    ("dauerhaft umgesetzt (laufend)", "#1b5e20", True, True, 100),
    ("zurückgestellt", "#c77c02", False, False, 0),
    ("entfallen", "#6d4c41", False, False, 0),
]


def ensure_default_statuses(municipality):
    """Create the German default vocabulary for a municipality that has none yet."""
    if Status.objects.filter(municipality=municipality).exists():
        return
    Status.objects.bulk_create(
        Status(
            municipality=municipality,
            name=name,
            colour=colour,
            order=index * 10,
            counts_as_started=started,
            counts_as_implemented=implemented,
            progress=progress,
        )
        for index, (name, colour, started, implemented, progress) in enumerate(DEFAULT_STATUSES)
    )


class Tag(MunicipalityOwned):
    name = models.CharField(_("Schlagwort"), max_length=80)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="tag_name_unique")]
        verbose_name = _("Schlagwort")
        verbose_name_plural = _("Schlagwörter")

    def __str__(self):
        return self.name


class Measure(MunicipalityOwned):
    class Priority(models.TextChoices):
        HIGH = "high", _("hoch")
        MEDIUM = "medium", _("mittel")
        LOW = "low", _("niedrig")

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="measures", verbose_name=_("Konzept")
    )
    field_of_action = models.ForeignKey(
        FieldOfAction, on_delete=models.CASCADE, related_name="measures", verbose_name=_("Handlungsfeld")
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="measures", verbose_name=_("Ziel"))
    number = models.CharField(_("Nummer"), max_length=20, help_text=_("z. B. 2.3.1"))
    title = models.CharField(_("Titel"), max_length=500)
    description = models.TextField(_("Beschreibung"), blank=True)
    lead = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_measures",
        verbose_name=_("federführend"),
    )
    involved = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="involved_measures", verbose_name=_("beteiligt")
    )
    start = models.DateField(_("Beginn"), null=True, blank=True)
    end = models.DateField(_("Ende"), null=True, blank=True)
    ongoing = models.BooleanField(_("fortlaufend"), default=False)
    timeframe_note = models.CharField(_("Zeitrahmen (Text)"), max_length=200, blank=True)
    priority = models.CharField(_("Priorität"), max_length=10, choices=Priority.choices, blank=True)
    cost_note = models.TextField(_("Kosten / Finanzierung"), blank=True)
    success_indicator = models.TextField(_("Erfolgsindikator"), blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="measures", verbose_name=_("Schlagwörter"))
    public = models.BooleanField(
        _("öffentlich zeigen"),
        default=True,
        help_text=_("Erscheint, wenn das Konzept veröffentlicht ist, auf den öffentlichen Seiten."),
    )
    current_status = models.ForeignKey(
        Status, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Status")
    )
    current_report = models.ForeignKey(
        "StatusReport", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    sort_key = models.CharField(max_length=60, editable=False, db_index=True)
    # Optimistic locking of the edit form (teilhabe/concept/services/versions.py).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["sort_key"]
        constraints = [models.UniqueConstraint(fields=["concept", "number"], name="measure_number_unique")]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = number_sort_key(self.number)
        if self.goal_id and not self.field_of_action_id:
            self.field_of_action_id = self.goal.field_of_action_id
        if self.field_of_action_id and not self.concept_id:
            self.concept_id = self.field_of_action.concept_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("concept:measure_detail", args=[self.municipality.slug, self.pk])

    @property
    def is_overdue(self):
        from django.utils import timezone

        implemented = self.current_status and self.current_status.counts_as_implemented
        return bool(self.end and not self.ongoing and not implemented and self.end < timezone.localdate())


class Focus(MunicipalityOwned):
    """The year's priority, e.g. "Schwerpunkt 2024: Gesellschaftliche Teilhabe verbessern"."""

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="foci", verbose_name=_("Konzept")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="foci", verbose_name=_("Handlungsfelder")
    )
    measures = models.ManyToManyField(Measure, blank=True, related_name="foci", verbose_name=_("Maßnahmen"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Schwerpunkt")
        verbose_name_plural = _("Schwerpunkte")

    def __str__(self):
        return f"{self.year}: {self.title}"


class RoundClosedError(ValidationError):
    """Raised when something tries to change a closed (frozen) reporting round or one of its reports."""

    def __init__(self):
        super().__init__(_("Die Berichtsrunde ist abgeschlossen und kann nicht mehr geändert werden."))


class ReportingRound(MunicipalityOwned):
    """A dated collection of status reports, e.g. "Zwischenstand Oktober 2023". Frozen once closed.

    `summary` is written when the round closes (teilhabe.concept.services.reporting.close_round): the number of
    measures, how many held each status as of this round (the status accepted in this round, else the last
    accepted status before it), and how many counted as started / implemented. The dashboard's trend reads it,
    so a closed round's figures never change afterwards. save() and delete() refuse to change a closed round.
    """

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("Konzept")
    )
    title = models.CharField(_("Titel"), max_length=200)
    due_date = models.DateField(_("Meldefrist"))
    opened_at = models.DateTimeField(_("eröffnet am"), auto_now_add=True)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("abgeschlossen von"),
    )
    summary = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-due_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["concept"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_round_per_concept",
            )
        ]
        verbose_name = _("Berichtsrunde")
        verbose_name_plural = _("Berichtsrunden")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk and ReportingRound.objects.filter(pk=self.pk, closed_at__isnull=False).exists():
            raise RoundClosedError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk and ReportingRound.objects.filter(pk=self.pk, closed_at__isnull=False).exists():
            raise RoundClosedError()
        return super().delete(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("concept:round_detail", args=[self.municipality.slug, self.pk])

    @property
    def is_closed(self):
        return self.closed_at is not None


class StatusReport(MunicipalityOwned):
    """One measure's status and note in one round (Sachstandsmeldung).

    `snapshot` is written when the round closes (measure number/title, lead, status name and colour), so a
    closed round shows and exports exactly what it held, even if the measure or vocabulary changes later.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("eingereicht")
        ACCEPTED = "accepted", _("angenommen")
        RETURNED = "returned", _("zurückgegeben")

    # "missing" is the state of a measure without a report in a round; views and services count it as one
    # more state. OPEN_STATES are still with the reporting organisation, HANDED_IN_STATES are handed in.
    MISSING = "missing"
    OPEN_STATES = (MISSING, State.DRAFT, State.RETURNED)
    HANDED_IN_STATES = (State.SUBMITTED, State.ACCEPTED)
    ALL_STATES = (MISSING, *State.values)

    @classmethod
    def state_label(cls, state):
        """The label of a state, "missing" included (the one place the pages take them from)."""
        if state == cls.MISSING:
            return _("noch keine Meldung")
        return cls.State(state).label

    round = models.ForeignKey(
        ReportingRound, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Berichtsrunde")
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Maßnahme")
    )
    status = models.ForeignKey(Status, on_delete=models.PROTECT, related_name="+", verbose_name=_("Status"))
    done = models.TextField(_("Was wurde umgesetzt?"), blank=True)
    next_steps = models.TextField(_("Nächste Schritte"), blank=True)
    obstacles = models.TextField(_("Hindernisse"), blank=True)
    state = models.CharField(
        _("Bearbeitungsstand"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeldet von"),
    )
    reported_at = models.DateTimeField(_("gemeldet am"), null=True, blank=True)
    review_comment = models.TextField(_("Rückmeldung des Integrationsamts"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    snapshot = models.JSONField(default=dict, blank=True, editable=False)
    # Optimistic locking (teilhabe/concept/services/versions.py): a new report is saved as version 1, so a
    # form opened before anyone reported (version 0) cannot overwrite the first report.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["round", "measure__sort_key"]
        constraints = [models.UniqueConstraint(fields=["round", "measure"], name="one_report_per_round")]
        verbose_name = _("Sachstandsmeldung")
        verbose_name_plural = _("Sachstandsmeldungen")

    def __str__(self):
        return f"{self.round}: {self.measure.number}"

    def save(self, *args, **kwargs):
        # Neither a new report nor a change may enter a closed round (closing writes snapshots with
        # bulk_update, which does not call save()).
        if self._round_is_closed() and not kwargs.pop("allow_closed", False):
            raise RoundClosedError()
        kwargs.pop("allow_closed", None)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._round_is_closed():
            raise RoundClosedError()
        return super().delete(*args, **kwargs)

    def _round_is_closed(self):
        return ReportingRound.objects.filter(pk=self.round_id, closed_at__isnull=False).exists()


class RoundReminder(MunicipalityOwned):
    """One reminder e-mail sent to one user for one round on one day (`teilhabe send_round_reminders`), so the
    daily cron job never reminds anyone twice on the same day for the same round."""

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("gesendet am"))
    open_items = models.PositiveIntegerField(_("offene Meldungen"), default=0)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user", "sent_on"], name="one_reminder_per_round_day")
        ]
        verbose_name = _("Erinnerung")
        verbose_name_plural = _("Erinnerungen")

    def __str__(self):
        return f"{self.round} / {self.user} / {self.sent_on}"


def number_sort_key(number: str) -> str:
    """'2.10.1' sorts after '2.9.3': each numeric part zero-padded."""
    parts = [p for p in str(number).replace(" ", "").split(".") if p]
    return ".".join(p.zfill(4) if p.isdigit() else p for p in parts)
