"""`teilhabe purge_participants`: run daily by cron. Anonymises registrations whose event lies longer back
than the municipality's retention period (default 90 days)."""

from django.core.management.base import BaseCommand

from teilhabe.registrations.services.retention import purge_participants


class Command(BaseCommand):
    help = "Anonymise participant data older than each municipality's retention period (default 90 days)."

    def handle(self, *args, **options):
        count = purge_participants()
        if options["verbosity"]:
            self.stdout.write(
                ("%d registration anonymised." if count == 1 else "%d registrations anonymised.") % count
            )
