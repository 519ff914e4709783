"""A background job (one long task of one municipality) and the private uploads it reads.

The job row is what users see: state, step, percent, elapsed time, result or error. The task queue
(django-tasks with the database backend) only carries the job's id to a worker; see services.py.
"""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class PrivateUpload(MunicipalityOwned):
    """A file an office user uploaded, stored under PRIVATE_UPLOAD_DIR: never under MEDIA, never served."""

    name = models.CharField(_("Dateiname"), max_length=255)
    stored_as = models.CharField(max_length=255, unique=True)
    size = models.BigIntegerField(_("Größe"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen"), default=timezone.now)

    class Meta:
        verbose_name = _("Hochgeladene Datei")
        verbose_name_plural = _("Hochgeladene Dateien")

    def __str__(self):
        return self.name

    @property
    def path(self) -> Path:
        return Path(settings.PRIVATE_UPLOAD_DIR) / self.stored_as


class Job(MunicipalityOwned):
    class State(models.TextChoices):
        QUEUED = "queued", _("Wartet")
        RUNNING = "running", _("Läuft")
        SUCCEEDED = "succeeded", _("Fertig")
        FAILED = "failed", _("Fehlgeschlagen")

    kind = models.CharField(_("Art"), max_length=80)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Gestartet von"),
    )
    language = models.CharField(max_length=10, default="de")
    state = models.CharField(_("Status"), max_length=10, choices=State.choices, default=State.QUEUED)
    params = models.JSONField(default=dict, blank=True)
    # The current step as a gettext message id (translated when shown) and its %-parameters.
    step = models.CharField(_("Schritt"), max_length=300, blank=True)
    step_params = models.JSONField(default=dict, blank=True)
    percent = models.PositiveSmallIntegerField(_("Prozent"), null=True, blank=True)
    created_at = models.DateTimeField(_("Angelegt"), default=timezone.now)
    started_at = models.DateTimeField(_("Begonnen"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Beendet"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    # The error in the language the job ran in (the starter's), or a message id the framework translates.
    error = models.TextField(_("Fehler"), blank=True)
    uploads = models.ManyToManyField(PrivateUpload, blank=True, related_name="jobs")
    file_names = models.CharField(_("Dateien"), max_length=1000, blank=True)
    keep_upload = models.BooleanField(_("Datei behalten"), default=False)
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_by"
    )
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "-created_at"]), models.Index(fields=["state"])]
        verbose_name = _("Hintergrundaufgabe")
        verbose_name_plural = _("Hintergrundaufgaben")

    def __str__(self):
        return "%s #%s" % (self.kind_label, self.pk)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("jobs:detail", args=[self.municipality.slug, self.pk])

    @property
    def kind_label(self) -> str:
        from teilhabe.jobs.registry import KINDS

        kind = KINDS.get(self.kind)
        return str(kind.label) if kind else self.kind

    @property
    def is_done(self) -> bool:
        return self.state in (self.State.SUCCEEDED, self.State.FAILED)

    @property
    def step_text(self) -> str:
        if not self.step:
            return ""
        text = gettext(self.step)
        return text % self.step_params if self.step_params else text

    @property
    def error_text(self) -> str:
        return gettext(self.error) if self.error else ""

    @property
    def elapsed(self):
        """Time since the job began (or until it ended); None while it waits."""
        if self.started_at is None:
            return None
        return (self.finished_at or timezone.now()) - self.started_at

    @property
    def waiting(self):
        return timezone.now() - self.created_at if self.state == self.State.QUEUED else None
