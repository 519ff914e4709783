"""A member's API token: read-only access to one municipality's internal data with that member's rights.

Only a SHA-256 hash of the token is stored (the token is shown once, when it is made); a revoked token stays as
a row (who made it, when it was revoked) and never authenticates again."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class ApiToken(MunicipalityOwned):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("Person")
    )
    name = models.CharField(_("Bezeichnung"), max_length=100, help_text=_("Wofür der Schlüssel dient"))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("Anfang des Schlüssels"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("zuletzt benutzt"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-Schlüssel")
        verbose_name_plural = _("API-Schlüssel")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
