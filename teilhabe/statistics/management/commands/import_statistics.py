"""`teilhabe import_statistics --municipality SLUG FILE`: a statistics office's finished table."""

from django.core.management.base import BaseCommand, CommandError

from teilhabe.statistics.extract import ExtractError
from teilhabe.statistics.services import import_statistics_table


class Command(BaseCommand):
    help = "Importiert fertige Zahlen des Statistikamts (XLSX/CSV mit den Spalten von statistics/layout.py: Indikator, Gebiet, Stichtag, Wert)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--municipality", required=True, help="Kurzname (slug) der Kommune")

    def handle(self, *args, **options):
        from teilhabe.municipalities.models import Municipality

        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError("Unbekannte Kommune „%s“." % options["municipality"])
        try:
            stored = import_statistics_table(municipality, options["file"])
        except ExtractError as error:
            raise CommandError(str(error)) from None
        for fact_check in stored:
            self.stdout.write(
                "Stichtag %s: %d Kennzahlen übernommen."
                % (fact_check.reference_date.strftime("%d.%m.%Y"), fact_check.indicators.count())
            )
