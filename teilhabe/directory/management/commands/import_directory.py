"""teilhabe import_directory --municipality musterstadt adressbuch.xlsx [kontakte.csv ...] [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teilhabe.directory.transfer import import_directory
from teilhabe.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Importiert Organisationen und Ansprechpersonen aus XLSX- oder CSV-Dateien (alles oder nichts). "
        "Vorhandene Organisationen werden am Namen erkannt und aktualisiert."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="DATEI", help=".xlsx oder .csv (UTF-8, Windows-1252; ; oder ,)"
        )
        parser.add_argument(
            "--municipality", required=True, metavar="SLUG", help="Kurzname der Kommune, z. B. musterstadt"
        )
        parser.add_argument("--dry-run", action="store_true", help="Nur prüfen, nichts speichern")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['municipality']}“.") from None
        files = []
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"Datei nicht gefunden: {name}")
            files.append((path.name, path.read_bytes()))
        result = import_directory(municipality, files, dry_run=options["dry_run"])
        for line in result.files:
            self.stdout.write(f"Gelesen: {line}")
        for warning in result.warnings:
            self.stderr.write(f"Hinweis: {warning}")
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(result.errors)} Fehler – es wurde nichts gespeichert.")
        verb = "würden" if options["dry_run"] else "wurden"
        for label, counts in (
            ("Organisationen", result.organisations),
            ("Ansprechpersonen", result.contacts),
        ):
            self.stdout.write(
                f"{label}: {len(counts['created'])} neu, {len(counts['updated'])} geändert, "
                f"{len(counts['unchanged'])} unverändert ({verb} gespeichert)."
                if counts["created"] or counts["updated"]
                else f"{label}: {len(counts['unchanged'])} unverändert."
            )
        if options["dry_run"]:
            self.stdout.write("Probelauf: nichts gespeichert.")
