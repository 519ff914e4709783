"""Funding programmes (Förderprogramme: Demokratie leben!, Mehrgenerationenhaus, IQ-Netzwerk …).

A `Programme` has a funder from the directory, a period and a budget per year (`ProgrammeBudget`). A `Funding`
row says how much an activity requested, was granted and spent from the programme in one year. Deadlines for
funding reports are Tasks of the networks app, linked by `ReportDeadline`, so they show on the start page of the person
responsible like every other task."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned

MONEY = {"max_digits": 12, "decimal_places": 2}


class Programme(MunicipalityOwned):
    name = models.CharField(_("Name"), max_length=200)
    funder = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funded_programmes",
        verbose_name=_("Fördermittelgeber"),
    )
    starts_on = models.DateField(_("Laufzeit von"), null=True, blank=True)
    ends_on = models.DateField(_("Laufzeit bis"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="programme_name_unique")]
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.municipality.slug, self.pk])


class ProgrammeBudget(MunicipalityOwned):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("Förderprogramm")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    amount = models.DecimalField(_("Budget (Euro)"), **MONEY)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="programme_budget_unique")]
        verbose_name = _("Jahresbudget")
        verbose_name_plural = _("Jahresbudgets")

    def __str__(self):
        return "%s %s" % (self.programme, self.year)


class ReportDeadline(MunicipalityOwned):
    """A deadline for a funding report: a Task of the networks app (start page, reminder) for a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("Förderprogramm")
    )
    task = models.OneToOneField(
        "networks.Task", on_delete=models.CASCADE, related_name="report_deadline", verbose_name=_("Aufgabe")
    )

    class Meta:
        ordering = ["task__done", "task__due_on", "pk"]
        verbose_name = _("Berichtsfrist")
        verbose_name_plural = _("Berichtsfristen")

    def __str__(self):
        return str(self.task)


class Funding(MunicipalityOwned):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="fundings", verbose_name=_("Förderprogramm")
    )
    activity = models.ForeignKey(
        "activities.Activity", on_delete=models.CASCADE, related_name="fundings", verbose_name=_("Aktivität")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    requested = models.DecimalField(_("beantragt (Euro)"), null=True, blank=True, **MONEY)
    granted = models.DecimalField(_("bewilligt (Euro)"), null=True, blank=True, **MONEY)
    spent = models.DecimalField(_("ausgegeben (Euro)"), null=True, blank=True, **MONEY)
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "activity__title"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "activity", "year"], name="funding_unique")
        ]
        verbose_name = _("Förderung")
        verbose_name_plural = _("Förderungen")

    def __str__(self):
        return "%s: %s (%s)" % (self.programme, self.activity, self.year)
