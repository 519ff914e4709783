from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "teilhabe.api"
    verbose_name = _("Schnittstelle (API)")

    def ready(self):
        from auditlog.registry import auditlog

        from teilhabe import sections
        from teilhabe.api import models as m
        from teilhabe.api import tokens

        # Only the hash is stored; the audit trail records who made and who revoked a token, never the hash.
        auditlog.register(m.ApiToken, exclude_fields=["key_hash", "last_used_at"])
        # The profile page (accounts, a lower app) lists the user's tokens (teilhabe/sections.py).
        sections.register("accounts.profile", "api/_profile_tokens.html", tokens.profile_section)
