"""The texts of an issue and their language versions.

A `Text` is one translatable text of an issue: its editorial, or the heading and body of one item. Its
`TextVersion`s are never changed, only added: German ("de") is the source, every other language (and
Leichte Sprache, "ls") is a translation that names the German version it was made from (`based_on`). The state
of a translation is computed from the versions (`services/translations.py`): missing, outdated (a German version
after `based_on` that is not a minor edit) or up to date. A machine translation (`machine`) stays marked until
a person approves it (`approved_at`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.series import BulletinIssue
from teilhabe.municipalities.models import MunicipalityOwned

SOURCE_LANGUAGE = "de"


class Text(MunicipalityOwned):
    class Kind(models.TextChoices):
        EDITORIAL = "editorial", _("Editorial")
        ITEM = "item", _("Beitrag")

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issue"], condition=models.Q(kind="editorial"), name="bulletin_one_editorial"
            )
        ]
        verbose_name = _("Text")
        verbose_name_plural = _("Texte")

    def __str__(self):
        return "%s (%s)" % (self.get_kind_display(), self.issue)


class TextVersion(MunicipalityOwned):
    text = models.ForeignKey(Text, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("Sprache"), max_length=5)
    number = models.PositiveIntegerField(_("Fassung"))
    title = models.CharField(_("Überschrift"), max_length=300, blank=True)
    body = models.TextField(_("Text"), blank=True)
    minor = models.BooleanField(
        _("kleine Korrektur"),
        default=False,
        help_text=_("Tippfehler oder Zeichensetzung: die Übersetzungen bleiben aktuell."),
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,  # versions go only with their text
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("übersetzt aus Fassung"),
    )
    machine = models.BooleanField(_("maschinell übersetzt"), default=False)
    approved_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["text", "language", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["text", "language", "number"], name="bulletin_text_version_unique"
            )
        ]
        verbose_name = _("Textfassung")
        verbose_name_plural = _("Textfassungen")

    def __str__(self):
        return "%s %s/%s" % (self.text, self.language, self.number)

    @property
    def awaiting_approval(self) -> bool:
        return self.machine and self.approved_at is None
