"""Networks (Arbeitsgruppen, Netzwerke, Netzwerkrunden, Runde Tische), their meetings, agreed tasks and ideas.

A `Network` is a standing group of organisations and people (`NetworkMember`, each with a role), convened by
an organisation or a contact. A `Meeting` is one dated session with agenda, minutes (HTML, sanitised with nh3
by the services), topics and decisions. A `Task` is something someone agreed to do by a date, at a meeting or
for a funding programme (report deadlines: programmes.ReportDeadline points to the Task); one Task model. An `Idea`
(Überlegung, Impuls) can become a planned activity or a new measure of the concept; the link is kept on the
idea and read from both sides ("entstanden aus Idee …").
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from teilhabe.municipalities.models import MunicipalityOwned


class Network(MunicipalityOwned):
    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Arbeitsgruppe")
        NETWORK = "network", _("Netzwerk")
        NETWORK_ROUND = "network_round", _("Netzwerkrunde")
        ROUND_TABLE = "round_table", _("Runder Tisch")

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("vor Ort")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("vor Ort und online")

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    purpose = models.TextField(_("Zweck"), blank=True)
    convened_by_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="convened_networks",
        verbose_name=_("einberufen von (Organisation)"),
    )
    convened_by_contact = models.ForeignKey(
        "directory.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="convened_networks",
        verbose_name=_("einberufen von (Person)"),
    )
    rhythm = models.CharField(
        _("Rhythmus"), max_length=100, blank=True, help_text=_("z. B. 2x jährlich, monatlich")
    )
    format = models.CharField(_("Form"), max_length=20, choices=Format.choices, default=Format.ON_SITE)
    fields_of_action = models.ManyToManyField(
        "concept.FieldOfAction", blank=True, related_name="networks", verbose_name=_("Handlungsfelder")
    )
    public = models.BooleanField(
        _("öffentlich zeigen"),
        default=False,
        help_text=_("Öffentlich erscheinen nur Name, Zweck, Rhythmus und die beteiligten Organisationen."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="network_name_unique")]
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:detail", args=[self.municipality.slug, self.pk])

    @property
    def convener(self):
        return self.convened_by_organisation or self.convened_by_contact


class NetworkMember(MunicipalityOwned):
    """An organisation or a person (a contact, usually of an organisation) in a network, with a role."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="members", verbose_name=_("Netzwerk")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("Organisation"),
    )
    contact = models.ForeignKey(
        "directory.Contact",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("Ansprechperson"),
    )
    role = models.CharField(_("Rolle"), max_length=120, blank=True, help_text=_("z. B. Sprecherin, Mitglied"))

    class Meta:
        ordering = ["organisation__name", "contact__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(contact__isnull=False),
                name="network_member_has_someone",
            ),
            models.UniqueConstraint(
                fields=["network", "organisation", "contact"], name="network_member_unique"
            ),
        ]
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")

    def __str__(self):
        if self.contact_id and self.organisation_id:
            return "%s (%s)" % (self.contact, self.organisation)
        return str(self.contact or self.organisation)


class Meeting(MunicipalityOwned):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("Netzwerk")
    )
    title = models.CharField(_("Titel"), max_length=200, blank=True, help_text=_("z. B. Fachrunde"))
    date = models.DateField(_("Datum"))
    start_time = models.TimeField(_("Beginn"), null=True, blank=True)
    end_time = models.TimeField(_("Ende"), null=True, blank=True)
    place = models.CharField(_("Ort"), max_length=300, blank=True)
    online_link = models.URLField(_("Link für die Online-Teilnahme"), blank=True)
    agenda = models.TextField(_("Tagesordnung"), blank=True)
    minutes = models.TextField(_("Protokoll"), blank=True)  # HTML, sanitised by services.meetings
    topics = models.JSONField(_("Themen"), default=list, blank=True)  # ["Klimaschutz", "Kultur"]
    decisions = models.TextField(_("Beschlüsse"), blank=True)
    invited = models.ManyToManyField(
        NetworkMember, blank=True, related_name="invited_to", verbose_name=_("eingeladen")
    )
    attending = models.ManyToManyField(
        NetworkMember, blank=True, related_name="attended", verbose_name=_("anwesend")
    )
    invitation_sent_at = models.DateTimeField(_("Einladung versandt"), null=True, blank=True, editable=False)
    minutes_sent_at = models.DateTimeField(_("Protokoll versandt"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = _("Treffen")
        verbose_name_plural = _("Treffen")

    def __str__(self):
        label = self.title or self.network.name
        return "%s, %s" % (label, self.date.strftime("%d.%m.%Y"))

    def get_absolute_url(self):
        return reverse("networks:meeting_detail", args=[self.municipality.slug, self.pk])


class Task(MunicipalityOwned):
    """Something to do by a date: agreed at a meeting, or a programme's report deadline (programmes.ReportDeadline
    links it; the programmes app sits above this one). Who does it is a user
    (then it shows on their start page and can be reminded by e-mail) or a contact of the directory."""

    title = models.CharField(_("Aufgabe"), max_length=300)
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("Netzwerk"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("Treffen"),
    )
    assignee_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teilhabe_tasks",
        verbose_name=_("zuständig (Benutzerkonto)"),
    )
    assignee_contact = models.ForeignKey(
        "directory.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("zuständig (Ansprechperson)"),
    )
    due_on = models.DateField(_("bis"), null=True, blank=True)
    done = models.BooleanField(_("erledigt"), default=False)
    done_on = models.DateField(_("erledigt am"), null=True, blank=True, editable=False)
    remind = models.BooleanField(
        _("per E-Mail erinnern"),
        default=False,
        help_text=_("Am Fälligkeitstag eine Erinnerung an das Benutzerkonto senden (einmal)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "due_on", "pk"]
        indexes = [models.Index(fields=["municipality", "done", "due_on"], name="task_open_due")]
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")

    def __str__(self):
        return self.title

    @property
    def assignee(self):
        return self.assignee_user or self.assignee_contact

    def is_overdue(self, today) -> bool:
        return not self.done and self.due_on is not None and self.due_on < today


class Idea(MunicipalityOwned):
    class State(models.TextChoices):
        NEW = "new", _("neu")
        CONSIDERING = "considering", _("in Prüfung")
        TAKEN_UP = "taken_up", _("aufgegriffen")
        DROPPED = "dropped", _("verworfen")

    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("Netzwerk"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("gesammelt beim Treffen"),
    )
    collected_at = models.CharField(
        _("gesammelt bei"), max_length=200, blank=True, help_text=_("Wenn nicht bei einem Treffen: wo?")
    )
    proposed_by_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_ideas",
        verbose_name=_("vorgeschlagen von (Organisation)"),
    )
    proposed_by = models.CharField(_("vorgeschlagen von"), max_length=200, blank=True)
    state = models.CharField(
        _("Stand"), max_length=20, choices=State.choices, default=State.NEW, db_index=True
    )
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_ideas",
        verbose_name=_("daraus entstandene Aktivität"),
    )
    measure = models.ForeignKey(
        "concept.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_ideas",
        verbose_name=_("daraus entstandene Maßnahme"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Idee")
        verbose_name_plural = _("Ideen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("networks:idea_detail", args=[self.municipality.slug, self.pk])
