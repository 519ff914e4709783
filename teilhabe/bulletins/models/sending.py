"""Sending an issue to its distribution lists (services/sending.py, the job `bulletins.send`).

A `Sending` is the one send of one issue: when it may start (`run_after`, a scheduled send), the issue
rendered once per language (`rendered`), and its progress. Each address gets at most one `SendRecord` for the
sending (unique): written in the same database transaction as the hand-over of the message to the SMTP
server, so a crash between two batches (or anywhere else) leaves exactly the addresses that went out
recorded; resuming sends to the others and to nobody twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.lists import Subscriber
from teilhabe.bulletins.models.series import BulletinIssue
from teilhabe.municipalities.models import MunicipalityOwned


class Sending(MunicipalityOwned):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("geplant")
        SENDING = "sending", _("wird versandt")
        INTERRUPTED = "interrupted", _("unterbrochen")
        DONE = "done", _("abgeschlossen")

    issue = models.OneToOneField(BulletinIssue, on_delete=models.CASCADE, related_name="sending")
    state = models.CharField(_("Stand"), max_length=20, choices=State.choices, default=State.SCHEDULED)
    run_after = models.DateTimeField(_("Versand ab"))
    rendered = models.JSONField(default=dict, blank=True)  # {language: {"subject", "html", "text"}}
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Versand")
        verbose_name_plural = _("Versände")

    def __str__(self):
        return str(self.issue)


class SendRecord(MunicipalityOwned):
    class State(models.TextChoices):
        SENT = "sent", _("versandt")
        FAILED = "failed", _("fehlgeschlagen (wird beim Fortsetzen erneut versucht)")
        BOUNCED = "bounced", _("unzustellbar (vom Mailserver abgelehnt)")
        SUSPENDED = "suspended", _("nicht versandt: Adresse gesperrt")

    #: States after which the address is done for this sending (a failed one is tried again).
    FINAL = (State.SENT, State.BOUNCED, State.SUSPENDED)

    sending = models.ForeignKey(Sending, on_delete=models.CASCADE, related_name="records")
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.SET_NULL, null=True, blank=True, related_name="send_records"
    )
    address = models.CharField(_("Adresse"), max_length=254)  # lower-cased
    language = models.CharField(_("Sprache"), max_length=10)
    state = models.CharField(_("Stand"), max_length=20, choices=State.choices)
    message_id = models.CharField(max_length=300, blank=True)
    reply = models.CharField(_("Antwort des Mailservers"), max_length=500, blank=True)
    batch = models.PositiveIntegerField(default=0)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sending", "address"], name="bulletin_send_once_per_address")
        ]
        verbose_name = _("Versandeintrag")
        verbose_name_plural = _("Versandeinträge")

    def __str__(self):
        return f"{self.address}: {self.get_state_display()}"
