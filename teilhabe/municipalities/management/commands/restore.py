"""teilhabe restore FILE [--municipality SLUG]: bring back an archive written by `teilhabe backup`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from teilhabe.municipalities import backup


class Command(BaseCommand):
    help = (
        "Stellt ein Backup wieder her: eine ganze Installation in eine leere, migrierte Datenbank, "
        "eine Kommune in jede Installation, die sie noch nicht kennt."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="ein mit `teilhabe backup` geschriebenes Archiv")
        parser.add_argument(
            "--municipality",
            metavar="SLUG",
            help="nur zur Sicherheit: das Archiv muss diese Kommune enthalten",
        )

    def handle(self, *args, file, municipality=None, **options):
        try:
            result = backup.restore(file, municipality_slug=municipality)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Wiederhergestellt: %(rows)s Zeilen in %(models)s Tabellen, %(files)s Dateien.")
            % {"rows": sum(result.counts.values()), "models": len(result.counts), "files": result.media}
        )
