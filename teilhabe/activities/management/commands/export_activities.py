"""`teilhabe export_activities --municipality SLUG FILE.xlsx|FILE.csv [--year 2024] [--encoding cp1252]`"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.activities.transfer import export_csv, export_xlsx
from teilhabe.municipalities.models import Municipality
from teilhabe.sheets import SheetError


class Command(BaseCommand):
    help = "Exports the activities of one year as XLSX or CSV in the layout the import reads back."

    def add_arguments(self, parser):
        parser.add_argument("file", help="target file, .xlsx or .csv")
        parser.add_argument("--municipality", required=True, help="slug of the municipality")
        parser.add_argument("--year", type=int, default=None, help="the year (default: this year)")
        parser.add_argument("--encoding", choices=["utf-8-sig", "utf-8", "cp1252"], default="utf-8-sig")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(slug=options["municipality"])
        except Municipality.DoesNotExist:
            raise CommandError(
                _("Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]}
            ) from None
        year = options["year"] or timezone.localdate().year
        path = Path(options["file"])
        if path.suffix.lower() == ".xlsx":
            data = export_xlsx(municipality, year)
        elif path.suffix.lower() == ".csv":
            try:
                data = export_csv(municipality, year, encoding=options["encoding"])
            except SheetError as error:
                raise CommandError(str(error)) from None
        else:
            raise CommandError(_("Bitte eine Datei mit der Endung .xlsx oder .csv angeben."))
        path.write_bytes(data)
        self.stdout.write(_("Geschrieben: %(path)s (%(size)s Bytes)") % {"path": path, "size": len(data)})
