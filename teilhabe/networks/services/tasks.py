"""Agreed tasks: saving, marking done, the overdue ones, and the reminder e-mail (`teilhabe
send_task_reminders`, run daily by cron): one e-mail per task to the user responsible, never twice (the
notifications' SentMail row per task and address is the guard)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.actions import save_values
from teilhabe.networks.models import Task
from teilhabe.notifications.mail import Recipient, queue_mail

FIELDS = ("title", "network", "meeting", "assignee_user", "assignee_contact", "due_on", "remind")


@transaction.atomic
def save_task(municipality, user, values: dict, task: Task | None = None):
    """Create (task=None) or change a task from plain values. A task of a meeting belongs to its network."""
    values = {name: values[name] for name in FIELDS if name in values}
    for name in ("network", "meeting", "assignee_contact"):
        obj = values.get(name)
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError({name: _("Das gehört nicht zu dieser Kommune.")})
    if values.get("meeting") is not None:
        values["network"] = values["meeting"].network
    if not (values.get("title") or (task.title if task else "")).strip():
        raise ValidationError({"title": _("Bitte beschreiben Sie die Aufgabe.")})
    if task is None:
        task = Task(municipality=municipality, created_by=user)
    return save_values(task, values)


@transaction.atomic
def set_done(task, user, done: bool = True, today=None):
    task.done = done
    task.done_on = (today or timezone.localdate()) if done else None
    task.save()
    return task


def open_tasks(queryset):
    return queryset.filter(done=False)


def overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.filter(done=False, due_on__lt=today)


def for_user(municipality, user, today=None, limit=20):
    """The user's open tasks, overdue first: (tasks, overdue count). Two queries."""
    today = today or timezone.localdate()
    mine = Task.objects.for_municipality(municipality).filter(assignee_user=user, done=False)
    tasks = list(mine.select_related("network", "meeting").order_by("due_on", "pk")[:limit])
    return tasks, overdue(mine, today).count()


def _reminder_recipients(task):
    user = task.assignee_user
    if user is None or not user.is_active or not user.email:
        return []
    return [Recipient.for_user(user)]


def send_task_reminders(today=None, municipality=None, dry_run=False):
    """Queue a reminder for each open task with `remind` set that is due today or overdue. Returns the tasks
    reminded now (a task reminded before is skipped by its mail key)."""
    today = today or timezone.localdate()
    tasks = Task.objects.filter(remind=True, done=False, due_on__lte=today, assignee_user__isnull=False)
    tasks = tasks.exclude(Q(assignee_user__email="") | Q(assignee_user__is_active=False))
    if municipality is not None:
        tasks = tasks.filter(municipality=municipality)
    reminded = []
    for task in tasks.select_related("assignee_user", "municipality", "network", "meeting").order_by("pk"):
        if dry_run:
            reminded.append(task)
            continue
        link = settings.SITE_URL + _task_link(task)
        job = queue_mail(
            task.municipality,
            template="networks/email/task_reminder",
            recipients=_reminder_recipients(task),
            context={"task": task, "link": link, "municipality": task.municipality, "today": today},
            key=f"task-reminder:{task.pk}",
        )
        if job is not None:
            reminded.append(task)
    return reminded


def _task_link(task):
    from django.urls import reverse

    return reverse("networks:task_edit", args=[task.municipality.slug, task.pk])
