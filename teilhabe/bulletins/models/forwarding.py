"""Passing one item straight on ("Direkt weitergeben"): the office takes an item of an issue (or an activity),
picks a topic, and sends it to the organisations and contacts of the directory that asked to hear about that
topic (`Topic.organisations`, `Topic.contacts`).

A `Forwarding` is what was passed on, rendered once in its language (subject, HTML, text), when and by whom;
each address gets one `ForwardingRecipient` (unique per forwarding), which is its record: written in the same
transaction as the hand-over to the SMTP server (services/forwarding.py), so a resumed job never sends twice.
The contact's page lists them ("Weitergegeben"); erasing the contact deletes its records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.items import IssueItem
from teilhabe.bulletins.models.lists import Topic
from teilhabe.municipalities.models import MunicipalityOwned


class Forwarding(MunicipalityOwned):
    subject = models.CharField(_("Betreff"), max_length=300)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    text = models.TextField(_("Text"))
    html = models.TextField(blank=True)
    item = models.ForeignKey(
        IssueItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="forwardings"
    )
    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forwardings",
        verbose_name=_("Thema"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("weitergegeben am"))
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("Weitergabe")
        verbose_name_plural = _("Weitergaben")

    def __str__(self):
        return self.subject


class ForwardingRecipient(MunicipalityOwned):
    class State(models.TextChoices):
        QUEUED = "queued", _("wird versandt")
        SENT = "sent", _("versandt")
        FAILED = "failed", _("fehlgeschlagen (wird beim Fortsetzen erneut versucht)")
        BOUNCED = "bounced", _("unzustellbar (vom Mailserver abgelehnt)")

    #: States after which the address is done (a failed one is tried again when the job runs again).
    FINAL = (State.SENT, State.BOUNCED)

    forwarding = models.ForeignKey(Forwarding, on_delete=models.CASCADE, related_name="recipients")
    contact = models.ForeignKey(
        "directory.Contact",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bulletin_forwardings",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bulletin_forwardings",
    )
    address = models.CharField(_("Adresse"), max_length=254)  # lower-cased
    state = models.CharField(_("Stand"), max_length=20, choices=State.choices, default=State.QUEUED)
    message_id = models.CharField(max_length=300, blank=True)
    reply = models.CharField(_("Antwort des Mailservers"), max_length=500, blank=True)
    at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["forwarding", "address"]
        constraints = [
            models.UniqueConstraint(
                fields=["forwarding", "address"], name="bulletin_forward_once_per_address"
            )
        ]
        verbose_name = _("Empfang einer Weitergabe")
        verbose_name_plural = _("Empfänge von Weitergaben")

    def __str__(self):  # no address: this is what an audit entry would show
        return f"{self.forwarding} #{self.pk}"
