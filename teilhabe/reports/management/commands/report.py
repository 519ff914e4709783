"""`teilhabe report --municipality SLUG --from DATE --to DATE --format pdf|pptx|docx --out FILE`: the activity
report of a period with every section, written from the data as it is now (nothing is stored)."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from teilhabe.reports.render import FORMATS


def _date(text):
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CommandError(f"Kein Datum: „{text}“ (erwartet 2024-06-04 oder 04.06.2024).")


class Command(BaseCommand):
    help = "Schreibt den Tätigkeitsbericht eines Zeitraums als PDF, PowerPoint oder Word-Datei."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Kurzname der Kommune (slug)")
        parser.add_argument("--from", dest="period_from", required=True, help="Beginn des Zeitraums")
        parser.add_argument("--to", dest="period_to", required=True, help="Ende des Zeitraums")
        parser.add_argument("--format", dest="file_format", required=True, choices=FORMATS)
        parser.add_argument("--out", required=True, help="Zieldatei")
        parser.add_argument(
            "--audience",
            default="advisory_board",
            choices=("advisory_board", "council_committee", "public"),
            help="Zielgruppe (öffentlich: Geheimhaltung und nur öffentliche Bilder und Aktivitäten)",
        )

    def handle(self, *args, **options):
        from teilhabe.municipalities.models import Municipality
        from teilhabe.reports.render import render
        from teilhabe.reports.services import build_data, default_context

        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen „{options['municipality']}“.")
        start, end = _date(options["period_from"]), _date(options["period_to"])
        if start > end:
            raise CommandError("Der Zeitraum endet vor seinem Beginn.")
        with translation.override("de"):
            data = build_data(default_context(municipality, start, end, audience=options["audience"]))
            content = render(data, options["file_format"])
        out = Path(options["out"])
        out.write_bytes(content)
        self.stdout.write(f"{out} ({len(content) // 1024} KB, {len(data['sections'])} Abschnitte)")
