"""The items of an issue, in their order. An item is written by hand or pulled from the platform: an upcoming
activity, a network's news, the measures newly implemented since the last issue, or a Faktencheck figure. A
pulled item stays linked and shows current data until the issue is frozen for sending; `freeze_issue` then
writes the data into `snapshot` and the texts' versions into `IssueFreeze`, and the output reads only those.

An item may be meant for some topics only: a reader who chose topics on the preferences page gets the items
without a topic and those of their topics; a reader who chose none gets every item (services/sending.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from teilhabe.bulletins.models.series import BulletinIssue
from teilhabe.bulletins.models.texts import Text
from teilhabe.municipalities.models import MunicipalityOwned


class IssueItem(MunicipalityOwned):
    class Kind(models.TextChoices):
        TEXT = "text", _("eigener Text")
        ACTIVITY = "activity", _("Aktivität")
        NETWORK = "network", _("Neues aus einem Netzwerk")
        MEASURES = "measures", _("neu umgesetzte Maßnahmen")
        FIGURE = "figure", _("Zahl aus dem Faktencheck")

    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="items")
    text = models.OneToOneField(Text, on_delete=models.PROTECT, related_name="item")
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Aktivität"),
    )
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Netzwerk"),
    )
    figure = models.CharField(_("Zahl"), max_length=60, blank=True)
    # Empty: for every reader. Otherwise only for readers who chose one of these topics, or none at all.
    topics = models.ManyToManyField(
        "bulletins.Topic", blank=True, related_name="items", verbose_name=_("nur für die Themen")
    )
    snapshot = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["issue", "position", "pk"]
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")

    def __str__(self):
        return "%s %s" % (self.get_kind_display(), self.position)

    @property
    def pulled(self) -> bool:
        return self.kind != self.Kind.TEXT


class IssueFreeze(MunicipalityOwned):
    """What an issue sends: written once, at the start of sending. `versions` maps each text's id to the id of
    the version sent per language ({"12": {"de": 40, "ar": 41}}); `items` lists the item ids in their order."""

    issue = models.OneToOneField(BulletinIssue, on_delete=models.CASCADE, related_name="freeze")
    frozen_at = models.DateTimeField(auto_now_add=True)
    versions = models.JSONField(default=dict)
    items = models.JSONField(default=list)
    editorial = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("eingefrorene Ausgabe")
        verbose_name_plural = _("eingefrorene Ausgaben")
