"""`teilhabe import_activities --municipality SLUG FILE.xlsx|FILE.csv [--dry-run]`"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from teilhabe.activities.transfer import import_activities
from teilhabe.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Imports activities from an XLSX or CSV sheet (one row per activity; rows with a number update that "
        "activity). All or nothing: with any error nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="XLSX or CSV file")
        parser.add_argument("--municipality", required=True, help="slug of the municipality")
        parser.add_argument("--dry-run", action="store_true", help="check and show the changes, save nothing")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist:
            raise CommandError(
                _("Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]}
            ) from None
        try:
            with open(options["file"], "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(
                _("Die Datei „%(file)s“ kann nicht gelesen werden: %(reason)s")
                % {"file": options["file"], "reason": error.strerror}
            ) from None
        result = import_activities(municipality, data, filename=options["file"], dry_run=options["dry_run"])
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(_("Hinweis: %(warning)s") % {"warning": warning}))
        if not result.ok:
            for error in result.errors:
                self.stderr.write(_("Fehler: %(error)s") % {"error": error})
            raise CommandError(_("%(count)s Fehler, nichts gespeichert.") % {"count": len(result.errors)})
        for line in result.created:
            self.stdout.write(_("neu: %(line)s") % {"line": line})
        for entry in result.updated:
            self.stdout.write(
                _("geändert: Zeile %(row)s: %(title)s (%(changes)s)")
                % {"row": entry["row"], "title": entry["title"], "changes": ", ".join(entry["changes"])}
            )
        self.stdout.write(result.summary())
        if options["dry_run"]:
            self.stdout.write(self.style.NOTICE(_("Probelauf: nichts gespeichert.")))
