"""`teilhabe purge_uploads`: run hourly by cron. Deletes private uploads that no job needs any more
(older than --hours, default 24) and marks jobs whose worker died failed."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from teilhabe.jobs.services import purge_uploads


class Command(BaseCommand):
    help = "Delete orphaned private uploads older than --hours (default 24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=24.0)

    def handle(self, *args, hours, **options):
        count = purge_uploads(timedelta(hours=hours))
        if options["verbosity"]:
            self.stdout.write(("%d upload deleted." if count == 1 else "%d uploads deleted.") % count)
