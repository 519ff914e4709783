"""`teilhabe send_round_reminders`: e-mail editors with open status reports before a round's due date.

Run daily by cron, e.g. `15 7 * * * teilhabe send_round_reminders --days 7,1`. Safe to run more than once a
day: nobody is reminded twice for the same round on the same day."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from teilhabe.concept.services.reminders import send_round_reminders
from teilhabe.municipalities.models import Municipality


def day_list(value):
    try:
        days = sorted({int(part) for part in value.split(",") if part.strip()})
    except ValueError as error:
        raise CommandError("--days erwartet ganze Zahlen, z. B. 7,1") from error
    if not days or min(days) < 0:
        raise CommandError("--days erwartet Zahlen ab 0, z. B. 7,1")
    return days


class Command(BaseCommand):
    help = "Erinnert Redaktionen per E-Mail an offene Sachstandsmeldungen vor der Meldefrist einer Berichtsrunde."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            default="7,1",
            help="So viele Tage vor der Meldefrist erinnern (Komma-Liste, Standard 7,1).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, wer erinnert würde.")
        parser.add_argument("--municipality", help="Nur diese Kommune (Kurzname in Adressen).")
        parser.add_argument("--today", help="Stichtag JJJJ-MM-TT statt heute (zum Testen).")

    def handle(self, *args, **options):
        days = day_list(options["days"])
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
        reminders = send_round_reminders(
            today=today, days=days, dry_run=options["dry_run"], municipality=municipality
        )
        for reminder in reminders:
            if options["dry_run"]:
                verb = "würde erinnern"
            elif reminder.sent:
                verb = "erinnert"
            else:
                verb = "heute schon erinnert"
            self.stdout.write(
                f"{reminder.round.municipality.slug} · {reminder.round.title}: {verb} {reminder.user.email} "
                f"({reminder.organisation}, {len(reminder.items)} offen)"
            )
        sent = sum(1 for r in reminders if r.sent)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)s Erinnerung gesendet.", "%(count)s Erinnerungen gesendet.", sent)
                % {"count": sent}
            )
        )
