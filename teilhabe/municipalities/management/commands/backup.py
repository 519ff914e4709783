"""teilhabe backup FILE [--municipality SLUG]: write the installation or one municipality into an archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from teilhabe.municipalities import backup
from teilhabe.municipalities.models import Municipality


class Command(BaseCommand):
    help = "Sichert die ganze Installation oder eine Kommune (mit Verlauf und Dateien) in ein Archiv."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Zieldatei, z. B. teilhabe-backup.zip")
        parser.add_argument("--municipality", metavar="SLUG", help="nur diese Kommune (Kurzname)")

    def handle(self, *args, file, municipality=None, **options):
        target = None
        if municipality:
            target = Municipality.objects.filter(slug=municipality).first()
            if target is None:
                raise CommandError(_("Keine Kommune mit dem Kurznamen „%(slug)s“.") % {"slug": municipality})
        manifest = backup.write_backup(file, target)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            _("Gesichert: %(rows)s Zeilen in %(models)s Tabellen, %(files)s Dateien → %(file)s")
            % {"rows": rows, "models": len(manifest["counts"]), "files": len(manifest["media"]), "file": file}
        )
