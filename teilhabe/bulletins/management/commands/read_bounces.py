"""`teilhabe read_bounces`: run by cron (e.g. hourly) when a bounce mailbox is configured
(BULLETIN_BOUNCE_IMAP_HOST …): reads unread delivery status notifications with imaplib and counts each
permanent failure on its subscriber (suspended at BULLETIN_BOUNCE_LIMIT)."""

from django.core.management.base import BaseCommand

from teilhabe.bulletins.services.bounces import read_mailbox


class Command(BaseCommand):
    help = "Read delivery status notifications from the bounce mailbox and count the hard bounces."

    def handle(self, *args, **options):
        result = read_mailbox()
        if not options["verbosity"]:
            return
        if not result["configured"]:
            self.stdout.write("No bounce mailbox configured (BULLETIN_BOUNCE_IMAP_HOST).")
        else:
            self.stdout.write(f"{result['read']} messages read, {result['bounces']} bounces counted.")
