"""`teilhabe send_event_reminders`: run daily by cron (e.g. 08:00). Writes to everyone registered for
tomorrow, once."""

from django.core.management.base import BaseCommand

from teilhabe.registrations.services.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone registered for an activity tomorrow (never twice)."

    def handle(self, *args, **options):
        count = send_reminders()
        if options["verbosity"]:
            self.stdout.write(("%d reminder queued." if count == 1 else "%d reminders queued.") % count)
