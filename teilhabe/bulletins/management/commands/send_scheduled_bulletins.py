"""`teilhabe send_scheduled_bulletins`: run by cron every few minutes. Starts each scheduled send whose time
has come (its job then sends in batches); `--resume` also restarts sends a crash interrupted."""

from django.core.management.base import BaseCommand

from teilhabe.bulletins.models import Sending
from teilhabe.bulletins.services import sending


class Command(BaseCommand):
    help = "Start the bulletin sends whose scheduled time has come (and, with --resume, interrupted ones)."

    def add_arguments(self, parser):
        parser.add_argument("--resume", action="store_true", help="also resume sends a crash interrupted")

    def handle(self, *args, **options):
        started = sending.start_due()
        resumed = []
        if options["resume"]:
            for row in Sending.objects.exclude(state__in=[Sending.State.DONE, Sending.State.SCHEDULED]):
                if sending.progress(row.issue)["interrupted"]:
                    sending.resume(row, None)
                    resumed.append(row)
        if options["verbosity"]:
            self.stdout.write(f"{len(started)} started, {len(resumed)} resumed.")
