"""teilhabe export_directory --municipality musterstadt adressbuch.xlsx
teilhabe export_directory --municipality musterstadt organisationen.csv --table organisations [--encoding cp1252 --delimiter ,]
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teilhabe.directory.transfer import export_csv, export_xlsx
from teilhabe.municipalities.models import Municipality
from teilhabe.sheets import SheetError


class Command(BaseCommand):
    help = (
        "Exportiert das Adressbuch einer Kommune: .xlsx mit beiden Tabellen, oder eine Tabelle als .csv. "
        "Personen mit widerrufener Einwilligung werden nicht exportiert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="DATEI", help="Zieldatei, .xlsx oder .csv")
        parser.add_argument("--municipality", required=True, metavar="SLUG")
        parser.add_argument(
            "--table", choices=["organisations", "contacts"], default="organisations",
            help="Nur für CSV: welche Tabelle (Standard: organisations)",
        )  # fmt: skip
        parser.add_argument("--encoding", choices=["utf-8-sig", "utf-8", "cp1252"], default="utf-8-sig")
        parser.add_argument("--delimiter", choices=[";", ","], default=";")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['municipality']}“.") from None
        path = Path(options["file"])
        if path.suffix.lower() == ".xlsx":
            data = export_xlsx(municipality)
        elif path.suffix.lower() == ".csv":
            try:
                data = export_csv(
                    municipality,
                    options["table"],
                    encoding=options["encoding"],
                    delimiter=options["delimiter"],
                )
            except SheetError as error:
                raise CommandError(str(error)) from None
        else:
            raise CommandError("Bitte eine Datei mit der Endung .xlsx oder .csv angeben.")
        path.write_bytes(data)
        self.stdout.write(f"Geschrieben: {path} ({len(data)} Bytes)")
