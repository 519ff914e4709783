"""Users, their role in each municipality (Membership), and failed logins for throttling."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.accounts.roles import Role


class User(AbstractUser):
    """A person who logs in. What they may see depends on their memberships, never on the user alone."""

    notify_round_opened = models.BooleanField(
        _("E-Mail, wenn eine Berichtsrunde eröffnet wird"),
        default=True,
        help_text=_("Für Redaktionen: eine Nachricht, sobald Ihre Maßnahmen zu melden sind."),
    )
    language = models.CharField(
        _("Sprache der Oberfläche"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Interne Seiten erscheinen in dieser Sprache, auf jedem Gerät."),
    )

    class Meta:
        verbose_name = _("Benutzer*in")
        verbose_name_plural = _("Benutzer*innen")

    def __str__(self):
        return self.get_full_name() or self.email or self.username


class Membership(models.Model):
    """A user's role in one municipality; editors act for one organisation of its directory."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Person"),
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Kommune"),
    )
    role = models.CharField(_("Rolle"), max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("Organisation"),
        help_text=_("Für Redaktionen: das Amt oder der Partner, für den die Person Maßnahmen meldet."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingeladen von"),
    )
    invitation_sent_at = models.DateTimeField(_("Einladung gesendet"), null=True, blank=True)
    # An existing account invited to one more municipality: no access until the person accepts.
    awaiting_acceptance = models.BooleanField(_("wartet auf Zustimmung"), default=False)
    # The office's team as reports and public pages show it: the function always, the name only if public.
    team_function = models.CharField(
        _("Funktion im Team"),
        max_length=120,
        blank=True,
        help_text=_(
            "z. B. Sachgebietsleitung; leer: erscheint nicht in der Teamliste des Tätigkeitsberichts."
        ),
    )
    name_public = models.BooleanField(
        _("Name im Bericht und öffentlich nennen"),
        default=False,
        help_text=_("Ohne Häkchen erscheint nur die Funktion, nicht der Name."),
    )
    team_order = models.PositiveSmallIntegerField(_("Reihenfolge im Team"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_role_per_municipality")
        ]
        ordering = ["user__last_name", "user__first_name", "user__email"]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.municipality})"

    def get_additional_data(self):
        return {"municipality_id": self.municipality_id}

    @property
    def invitation_pending(self) -> bool:
        """Invited, but the person has not accepted yet (set a password, or accepted the new membership)."""
        return self.awaiting_acceptance or (
            not self.user.has_usable_password() and self.user.last_login is None
        )


def active_membership(user, municipality):
    """The user's membership that gives access to `municipality` (active, accepted), else None: the one access
    check of the internal area (accounts/middleware.py) and of the API's tokens (teilhabe/api)."""
    if not user.is_authenticated or not user.is_active:
        return None
    return (
        Membership.objects.select_related("organisation")
        .filter(user=user, municipality=municipality, is_active=True, awaiting_acceptance=False)
        .first()
    )


class FailedLogin(models.Model):
    """One failed login attempt; rows older than the throttle window are deleted on the next failure."""

    username = models.CharField(max_length=254, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"


class SingleSignOnIdentity(models.Model):
    """A user's account at the identity provider: (issuer, subject) from the ID token.

    Bound at the first single sign-on (matched then by verified e-mail address); later sign-ons find the
    user by this pair alone, so an address renamed at the provider still leads to the same person, and an
    address given to someone else later does not hand them this account (docs/single-sign-on.md)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sso_identities",
        verbose_name=_("Person"),
    )
    issuer = models.CharField(_("Anmeldedienst (issuer)"), max_length=255)
    subject = models.CharField(_("Kennung beim Anmeldedienst (sub)"), max_length=255)
    email = models.EmailField(_("E-Mail-Adresse bei der letzten Anmeldung"), blank=True)
    bound_at = models.DateTimeField(_("verbunden am"), auto_now_add=True)
    last_sign_on_at = models.DateTimeField(_("zuletzt angemeldet"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="one_user_per_provider_identity"),
            models.UniqueConstraint(fields=["user", "issuer"], name="one_identity_per_user_and_provider"),
        ]
        verbose_name = _("Verbindung zum Anmeldedienst")
        verbose_name_plural = _("Verbindungen zum Anmeldedienst")

    def __str__(self):
        return f"{self.user} ↔ {self.issuer} {self.subject}"
