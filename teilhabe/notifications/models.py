"""What Teilhabe has sent: one row per (message key, address), so no message goes twice to one address."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class SentMail(MunicipalityOwned):
    # The sender's name for the message, e.g. "round-opened:12" (see notifications.mail.send_mail).
    key = models.CharField(_("Nachricht"), max_length=200)
    address = models.CharField(_("Adresse"), max_length=254)  # lower-cased
    # Set once the mail server took the message; a row without it is a send in progress (claimed).
    sent_at = models.DateTimeField(_("Versandt"), null=True, blank=True)
    claimed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Versandte E-Mail")
        verbose_name_plural = _("Versandte E-Mails")
        constraints = [models.UniqueConstraint(fields=["key", "address"], name="sentmail_once_per_address")]

    def __str__(self):
        return f"{self.key} → {self.address}"
