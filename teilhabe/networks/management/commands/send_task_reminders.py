"""`teilhabe send_task_reminders`: e-mail the user responsible for each open task that asks for a reminder
and is due (or overdue). Run daily by cron, e.g. `30 7 * * * teilhabe send_task_reminders`. Safe to run more
than once: a task is never reminded twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from teilhabe.municipalities.models import Municipality
from teilhabe.networks.services.tasks import send_task_reminders


class Command(BaseCommand):
    help = "Erinnert per E-Mail an fällige Aufgaben (einmal je Aufgabe)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, wer erinnert würde.")
        parser.add_argument("--municipality", help="Nur diese Kommune (Kurzname in Adressen).")
        parser.add_argument("--today", help="Stichtag JJJJ-MM-TT statt heute (zum Testen).")

    def handle(self, *args, **options):
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError("Unbekannte Kommune: %s" % options["municipality"])
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today erwartet ein Datum JJJJ-MM-TT") from error
        reminded = send_task_reminders(today=today, municipality=municipality, dry_run=options["dry_run"])
        verb = "würde erinnern" if options["dry_run"] else "erinnert"
        for task in reminded:
            self.stdout.write(f"{task.municipality.slug} · {task.title}: {verb} {task.assignee_user.email}")
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)s Erinnerung gesendet.", "%(count)s Erinnerungen gesendet.", len(reminded))
                % {"count": len(reminded)}
            )
        )
